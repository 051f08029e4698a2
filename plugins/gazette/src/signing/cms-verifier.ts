// Checks a detached CMS SignedData (RFC 5652) against the digest of the bytes it claims to sign. ASN.1
// is read with node-forge; certificates and signatures go through node:crypto, so RSA (PKCS#1 v1.5 and
// PSS) and ECDSA signers are both verified.
import { createHash, verify as verifySignature, X509Certificate, constants } from 'node:crypto';
import { asn1, children, HASH_BY_OID, isContext, isUniversal, OID, oidOf, parseDer, primitiveBytes, set, tbsParts, toDer, type Asn1 } from './der.js';
import type { LocalizedText } from './localized-text.js';
import { formatNameNode } from './signer-identity.js';

/** What {@link verifyDetachedCms} found. */
export interface CmsVerification {
  /** The message digest matches and the signature over the signed attributes verifies. */
  readonly intact: boolean;
  /** The certificate that signed, when it is in the CMS. */
  readonly signerCertificate: X509Certificate | null;
  /** Every certificate carried in the CMS (the signer's and, usually, its CA chain). */
  readonly certificates: readonly X509Certificate[];
  /** The signing-time signed attribute (ISO 8601), when present. */
  readonly signingTime: string | null;
  readonly problems: readonly LocalizedText[];
}

/**
 * Verifies `cms` (trailing zero padding allowed) over content whose digest `digestOf(hashName)` returns
 * for the hash the CMS names (`sha256`, `sha1`, `sha384`, `sha512`). Never throws.
 */
export function verifyDetachedCms(cms: Uint8Array, digestOf: (hashName: string) => Uint8Array): CmsVerification {
  const problems: LocalizedText[] = [];
  const fail = (problem: LocalizedText, partial: Partial<CmsVerification> = {}): CmsVerification => ({
    intact: false,
    signerCertificate: null,
    certificates: [],
    signingTime: null,
    ...partial,
    problems: [...problems, problem],
  });

  let contentInfo: Asn1;
  try {
    // The PDF placeholder pads the DER with zero bytes; parsing stops at the end of the DER value.
    contentInfo = parseDer(cms, true);
  } catch {
    return fail({ vi: 'Giá trị chữ ký không phải là cấu trúc CMS/PKCS#7 hợp lệ.', en: 'The signature value is not a valid CMS/PKCS#7 structure.' });
  }
  const [contentType, explicitContent] = children(contentInfo);
  const signedData = children(explicitContent)[0];
  if (oidOf(contentType) !== OID.signedData || !isContext(explicitContent, 0) || !isUniversal(signedData, asn1.Type.SEQUENCE)) {
    return fail({ vi: 'Giá trị chữ ký không phải là SignedData.', en: 'The signature value is not a CMS SignedData.' });
  }

  const fields = children(signedData);
  const certificates = readCertificates(fields.find((node) => isContext(node, 0)), problems);
  const signerInfos = children(fields.find((node, index) => index > 2 && isUniversal(node, asn1.Type.SET)));
  if (signerInfos.length !== 1) {
    return fail(
      signerInfos.length === 0
        ? { vi: 'Chữ ký không có thông tin người ký (SignerInfo).', en: 'The signature has no SignerInfo.' }
        : { vi: `Chữ ký có ${signerInfos.length} người ký; chỉ chấp nhận một.`, en: `The signature has ${signerInfos.length} signers; one is expected.` },
      { certificates },
    );
  }

  const info = children(signerInfos[0]);
  const [, sid, digestAlgorithm] = info;
  const signedAttributes = info.find((node) => isContext(node, 0));
  const afterAttributes = info.slice(signedAttributes === undefined ? 3 : info.indexOf(signedAttributes) + 1);
  const [signatureAlgorithm, signatureValue] = afterAttributes;

  const signerCertificate = findSigner(sid, certificates);
  if (signerCertificate === null) {
    return fail({ vi: 'Không tìm thấy chứng thư số của người ký trong chữ ký.', en: 'The signer’s certificate is not in the signature.' }, { certificates });
  }

  const hashName = HASH_BY_OID[oidOf(children(digestAlgorithm)[0]) ?? ''];
  if (hashName === undefined) {
    return fail({ vi: 'Thuật toán băm của chữ ký không được hỗ trợ.', en: 'The signature’s digest algorithm is not supported.' }, { certificates, signerCertificate });
  }
  if (hashName === 'sha1') {
    problems.push({ vi: 'Chữ ký dùng SHA-1, thuật toán đã lỗi thời.', en: 'The signature uses SHA-1, an obsolete algorithm.' });
  }
  const contentDigest = digestOf(hashName);

  if (signedAttributes === undefined) {
    // PDF signers always sign attributes (PAdES requires them); a bare signature is reported, not half-checked.
    return fail(
      { vi: 'Chữ ký không có thuộc tính được ký (signed attributes); không kiểm tra được.', en: 'The signature has no signed attributes; it cannot be checked.' },
      { certificates, signerCertificate },
    );
  }
  const attributes = readAttributes(signedAttributes);
  const messageDigest = primitiveBytes(attributes.get(OID.messageDigest));
  if (messageDigest === null) {
    return fail({ vi: 'Chữ ký thiếu thuộc tính messageDigest.', en: 'The signature lacks the messageDigest attribute.' }, { certificates, signerCertificate });
  }
  if (!Buffer.from(messageDigest).equals(Buffer.from(contentDigest))) {
    return fail(
      {
        vi: 'Nội dung tệp đã bị thay đổi sau khi ký (giá trị băm không khớp).',
        en: 'The file was changed after signing (the digest does not match).',
      },
      { certificates, signerCertificate },
    );
  }
  if (oidOf(attributes.get(OID.contentType)) !== OID.data) {
    problems.push({ vi: 'Thuộc tính contentType của chữ ký không phải id-data.', en: 'The signature’s contentType attribute is not id-data.' });
  }
  const signingTime = readTime(attributes.get(OID.signingTime));
  checkSigningCertificateV2(attributes.get(OID.signingCertificateV2), signerCertificate, problems);
  // The signature covers the attributes' DER with the SET OF tag in place of [0] IMPLICIT.
  const signedBytes = toDer(set(children(signedAttributes)));

  const signature = primitiveBytes(signatureValue);
  if (signature === null) {
    return fail({ vi: 'Chữ ký thiếu giá trị chữ ký.', en: 'The signature value is missing.' }, { certificates, signerCertificate, signingTime });
  }
  const verified = verifyValue(signerCertificate, hashName, signedBytes, signature, signatureAlgorithm);
  if (verified !== true) {
    return fail(verified ?? { vi: 'Chữ ký không khớp với chứng thư số của người ký.', en: 'The signature does not verify with the signer’s certificate.' }, {
      certificates,
      signerCertificate,
      signingTime,
    });
  }
  return { intact: true, signerCertificate, certificates, signingTime, problems };
}

function readCertificates(node: Asn1 | undefined, problems: LocalizedText[]): X509Certificate[] {
  const certificates: X509Certificate[] = [];
  for (const item of children(node)) {
    if (!isUniversal(item, asn1.Type.SEQUENCE)) continue; // attribute certificates and others
    try {
      certificates.push(new X509Certificate(toDer(item)));
    } catch {
      problems.push({ vi: 'Một chứng thư số trong chữ ký không đọc được.', en: 'A certificate in the signature cannot be read.' });
    }
  }
  return certificates;
}

function findSigner(sid: Asn1 | undefined, certificates: readonly X509Certificate[]): X509Certificate | null {
  if (isUniversal(sid, asn1.Type.SEQUENCE)) {
    const [issuer, serial] = children(sid);
    const serialBytes = primitiveBytes(serial);
    if (issuer === undefined || serialBytes === null) return null;
    const issuerDer = Buffer.from(toDer(issuer));
    const issuerName = formatNameNode(issuer);
    const serialHex = integerHex(serialBytes);
    const candidates = certificates.flatMap((certificate) => {
      try {
        const parts = tbsParts(new Uint8Array(certificate.raw));
        return integerHex(primitiveBytes(parts.serialNumber) ?? new Uint8Array()) === serialHex ? [{ certificate, issuer: parts.issuer }] : [];
      } catch {
        return [];
      }
    });
    // Byte-equal issuer first; then the same name in other string types (node-forge re-encodes names
    // when it writes a CMS). Whichever is picked, its key must still verify the signature.
    const match =
      candidates.find((candidate) => Buffer.from(toDer(candidate.issuer)).equals(issuerDer)) ??
      candidates.find((candidate) => formatNameNode(candidate.issuer) === issuerName) ??
      (candidates.length === 1 ? candidates[0] : undefined);
    return match?.certificate ?? null;
  }
  if (isContext(sid, 0)) {
    // SubjectKeyIdentifier: compare with each certificate's extension value.
    const keyId = primitiveBytes(sid);
    if (keyId === null) return null;
    const hex = Buffer.from(keyId).toString('hex');
    return certificates.find((certificate) => subjectKeyIdentifier(certificate) === hex) ?? null;
  }
  return null;
}

/** An INTEGER's content as hex without leading zero bytes. */
function integerHex(bytes: Uint8Array): string {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  return Buffer.from(bytes.subarray(start)).toString('hex');
}

function subjectKeyIdentifier(certificate: X509Certificate): string | null {
  try {
    const tbs = children(children(parseDer(new Uint8Array(certificate.raw)))[0]);
    const extensions = tbs.find((node) => isContext(node, 3));
    for (const extension of children(children(extensions)[0])) {
      const parts = children(extension);
      if (oidOf(parts[0]) !== '2.5.29.14') continue;
      const value = primitiveBytes(parts[parts.length - 1]);
      if (value === null) return null;
      return Buffer.from(primitiveBytes(parseDer(value)) ?? []).toString('hex');
    }
  } catch {
    return null;
  }
  return null;
}

function readAttributes(node: Asn1): Map<string, Asn1> {
  const attributes = new Map<string, Asn1>();
  for (const attribute of children(node)) {
    const [type, values] = children(attribute);
    const oid = oidOf(type);
    const value = children(values)[0];
    if (oid !== null && value !== undefined && !attributes.has(oid)) attributes.set(oid, value);
  }
  return attributes;
}

function readTime(node: Asn1 | undefined): string | null {
  if (node === undefined || typeof node.value !== 'string') return null;
  try {
    if (node.type === asn1.Type.UTCTIME) return asn1.utcTimeToDate(node.value).toISOString();
    if (node.type === asn1.Type.GENERALIZEDTIME) return asn1.generalizedTimeToDate(node.value).toISOString();
  } catch {
    return null;
  }
  return null;
}

/** CAdES: the signed signing-certificate-v2 must name the certificate that actually signed. */
function checkSigningCertificateV2(node: Asn1 | undefined, signer: X509Certificate, problems: LocalizedText[]): void {
  if (node === undefined) return;
  const firstCertId = children(children(node)[0])[0];
  const parts = children(firstCertId);
  const hashAlgorithm = isUniversal(parts[0], asn1.Type.SEQUENCE) ? HASH_BY_OID[oidOf(children(parts[0])[0]) ?? ''] : 'sha256';
  const certHash = primitiveBytes(parts.find((part) => isUniversal(part, asn1.Type.OCTETSTRING)));
  if (hashAlgorithm === undefined || certHash === null) {
    problems.push({ vi: 'Không đọc được thuộc tính signing-certificate-v2.', en: 'The signing-certificate-v2 attribute cannot be read.' });
    return;
  }
  const actual = createHash(hashAlgorithm).update(signer.raw).digest();
  if (!actual.equals(Buffer.from(certHash))) {
    problems.push({
      vi: 'Thuộc tính signing-certificate-v2 không khớp với chứng thư số đã ký.',
      en: 'The signing-certificate-v2 attribute does not match the certificate that signed.',
    });
  }
}

const HASH_BY_SIGNATURE_OID: Readonly<Record<string, string>> = {
  [OID.sha1WithRsa]: 'sha1',
  [OID.sha256WithRsa]: 'sha256',
  [OID.sha384WithRsa]: 'sha384',
  [OID.sha512WithRsa]: 'sha512',
  [OID.ecdsaWithSha256]: 'sha256',
  [OID.ecdsaWithSha384]: 'sha384',
  [OID.ecdsaWithSha512]: 'sha512',
};

function verifyValue(
  certificate: X509Certificate,
  hashName: string,
  data: Uint8Array,
  signature: Uint8Array,
  algorithmNode: Asn1 | undefined,
): true | LocalizedText | null {
  const algorithmOid = oidOf(children(algorithmNode)[0]);
  try {
    if (algorithmOid === OID.rsassaPss) {
      // The PSS parameters almost always repeat the digest algorithm with MGF1 and a salt of its length.
      return verifySignature(hashName, data, { key: certificate.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }, signature) ? true : null;
    }
    const hash = (algorithmOid !== null ? HASH_BY_SIGNATURE_OID[algorithmOid] : undefined) ?? hashName;
    const known = algorithmOid === OID.rsaEncryption || algorithmOid === OID.ecPublicKey || (algorithmOid !== null && algorithmOid in HASH_BY_SIGNATURE_OID);
    if (!known) return { vi: 'Thuật toán chữ ký không được hỗ trợ.', en: 'The signature algorithm is not supported.' };
    return verifySignature(hash, data, certificate.publicKey, signature) ? true : null;
  } catch {
    return null;
  }
}
