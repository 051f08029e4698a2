// Thin helpers between node-forge's ASN.1 (which works on "binary strings") and Uint8Array. node-forge is
// used here only as a DER reader and writer: keys and signatures go through node:crypto, which also
// understands ECDSA.
import forge from 'node-forge';

export const asn1 = forge.asn1;
export type Asn1 = forge.asn1.Asn1;

/** OIDs this folder reads or writes. */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha1WithRsa: '1.2.840.113549.1.1.5',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  sha384WithRsa: '1.2.840.113549.1.1.12',
  sha512WithRsa: '1.2.840.113549.1.1.13',
  rsassaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecdsaWithSha512: '1.2.840.10045.4.3.4',
} as const;

/** Digest algorithm OID → node:crypto hash name. */
export const HASH_BY_OID: Readonly<Record<string, string>> = {
  [OID.sha1]: 'sha1',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};

export function toBinary(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('binary');
}

export function fromBinary(binary: string): Uint8Array {
  return new Uint8Array(Buffer.from(binary, 'binary'));
}

/** Parses DER; trailing bytes (the zero padding of a PDF /Contents) are allowed when `allowTrailing`. */
export function parseDer(bytes: Uint8Array, allowTrailing = false): Asn1 {
  // The typings only know the old boolean `strict` argument; the options object is forge ≥ 1.0's API.
  const fromDer = asn1.fromDer as unknown as (bytes: forge.util.ByteBuffer, options: object) => Asn1;
  return fromDer(forge.util.createBuffer(toBinary(bytes)), {
    strict: true,
    parseAllBytes: !allowTrailing,
    decodeBitStrings: false,
    maxDepth: 64,
  });
}

export function toDer(node: Asn1): Uint8Array {
  return fromBinary(asn1.toDer(node).getBytes());
}

export function children(node: Asn1 | undefined): Asn1[] {
  return node !== undefined && Array.isArray(node.value) ? (node.value as Asn1[]) : [];
}

export function isUniversal(node: Asn1 | undefined, type: number): node is Asn1 {
  return node !== undefined && node.tagClass === asn1.Class.UNIVERSAL && node.type === type;
}

export function isContext(node: Asn1 | undefined, tag: number): node is Asn1 {
  return node !== undefined && node.tagClass === asn1.Class.CONTEXT_SPECIFIC && node.type === tag;
}

export function oidOf(node: Asn1 | undefined): string | null {
  if (!isUniversal(node, asn1.Type.OID) || typeof node.value !== 'string') return null;
  try {
    return asn1.derToOid(node.value);
  } catch {
    return null;
  }
}

export function primitiveBytes(node: Asn1 | undefined): Uint8Array | null {
  return node !== undefined && typeof node.value === 'string' ? fromBinary(node.value) : null;
}

export function oidNode(oid: string): Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(oid).getBytes());
}

export function sequence(items: Asn1[]): Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
}

export function set(items: Asn1[]): Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, items);
}

export function octetString(bytes: Uint8Array): Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, toBinary(bytes));
}

export function integer(value: number): Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(value).getBytes());
}

export function nullNode(): Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '');
}

export function contextTag(tag: number, constructed: boolean, value: Asn1[] | string): Asn1 {
  return asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, constructed, value);
}

export function algorithm(oid: string, withNullParameters = false): Asn1 {
  return sequence(withNullParameters ? [oidNode(oid), nullNode()] : [oidNode(oid)]);
}

/** The parts of a certificate's TBSCertificate the signing code needs, as parsed nodes. */
export interface TbsParts {
  readonly serialNumber: Asn1;
  readonly issuer: Asn1;
  readonly subject: Asn1;
}

export function tbsParts(certificateDer: Uint8Array): TbsParts {
  const tbs = children(parseDer(certificateDer))[0];
  const fields = children(tbs);
  // The version is an optional explicit [0]; everything after it has a fixed position.
  const offset = isContext(fields[0], 0) ? 1 : 0;
  const serialNumber = fields[offset];
  const issuer = fields[offset + 2];
  const subject = fields[offset + 4];
  if (serialNumber === undefined || issuer === undefined || subject === undefined) throw new Error('not an X.509 certificate');
  return { serialNumber, issuer, subject };
}
