import { X509Certificate } from 'node:crypto';
import { asn1, children, oidOf, tbsParts, type Asn1 } from './der.js';

/** Who a certificate names, as shown to readers of a signed gazette issue and on the verification page. */
export interface SignerIdentity {
  /** Subject CN, e.g. "Văn phòng Ủy ban nhân dân tỉnh Quảng Trị"; null when the certificate has none. */
  readonly commonName: string | null;
  /** Subject O. */
  readonly organisation: string | null;
  /** The whole subject, attributes in certificate order: `CN=…, O=…, L=…, ST=…, C=VN`. */
  readonly subject: string;
  /** The whole issuer name (the CA), same form as {@link subject}. */
  readonly issuer: string;
  /** Issuer CN, e.g. "VNPT Certification Authority". */
  readonly issuerCommonName: string | null;
  /** Serial number, upper-case hex without separators. */
  readonly serialNumber: string;
  /** Start of validity, ISO 8601 UTC. */
  readonly validFrom: string;
  /** End of validity, ISO 8601 UTC. */
  readonly validTo: string;
  /** SHA-256 of the certificate's DER, upper-case hex pairs joined by `:` (as browsers show it). */
  readonly fingerprintSha256: string;
}

const ATTRIBUTE_NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.42': 'GN',
  '1.2.840.113549.1.9.1': 'E',
  // Vietnamese CAs put the tax code or citizen ID here ("MST:3200123456", "CCCD:…").
  '0.9.2342.19200300.100.1.1': 'UID',
};

/** Describes a certificate (PEM, DER or a parsed X509Certificate). */
export function describeCertificate(certificate: X509Certificate | Uint8Array | string): SignerIdentity {
  const x509 = certificate instanceof X509Certificate ? certificate : new X509Certificate(certificate);
  const { subject, issuer } = tbsParts(new Uint8Array(x509.raw));
  const subjectAttributes = readName(subject);
  const issuerAttributes = readName(issuer);
  return {
    commonName: first(subjectAttributes, 'CN'),
    organisation: first(subjectAttributes, 'O'),
    subject: formatName(subjectAttributes),
    issuer: formatName(issuerAttributes),
    issuerCommonName: first(issuerAttributes, 'CN'),
    serialNumber: x509.serialNumber.toUpperCase(),
    validFrom: new Date(x509.validFrom).toISOString(),
    validTo: new Date(x509.validTo).toISOString(),
    fingerprintSha256: x509.fingerprint256,
  };
}

/** A Name (RDNSequence) as `CN=…, O=…`, for comparing names whatever string types encode them. */
export function formatNameNode(name: Asn1): string {
  return formatName(readName(name));
}

type NameAttribute = readonly [name: string, value: string];

function readName(name: Asn1): NameAttribute[] {
  const attributes: NameAttribute[] = [];
  for (const rdn of children(name)) {
    for (const typeAndValue of children(rdn)) {
      const [type, value] = children(typeAndValue);
      const oid = oidOf(type);
      if (oid === null || value === undefined) continue;
      attributes.push([ATTRIBUTE_NAMES[oid] ?? oid, decodeDirectoryString(value)]);
    }
  }
  return attributes;
}

function decodeDirectoryString(node: Asn1): string {
  if (typeof node.value !== 'string') return '';
  const bytes = Buffer.from(node.value, 'binary');
  switch (node.type as number) {
    case asn1.Type.UTF8:
      return bytes.toString('utf8');
    case asn1.Type.BMPSTRING:
      return bytes.swap16().toString('utf16le');
    case 28: {
      // UniversalString: UTF-32BE.
      let text = '';
      for (let i = 0; i + 3 < bytes.length; i += 4) text += String.fromCodePoint(bytes.readUInt32BE(i));
      return text;
    }
    default:
      return bytes.toString('latin1');
  }
}

function first(attributes: readonly NameAttribute[], name: string): string | null {
  return attributes.find(([key]) => key === name)?.[1] ?? null;
}

function formatName(attributes: readonly NameAttribute[]): string {
  return attributes.map(([key, value]) => `${key}=${value.replace(/([,\\])/g, '\\$1')}`).join(', ');
}
