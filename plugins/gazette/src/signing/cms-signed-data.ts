import { createHash, X509Certificate } from 'node:crypto';
import {
  algorithm,
  asn1,
  contextTag,
  integer,
  oidNode,
  OID,
  octetString,
  parseDer,
  sequence,
  set,
  tbsParts,

  toDer,
  type Asn1,
} from './der.js';

/**
 * Which signed attributes the CMS carries.
 *
 * - `cades`: PAdES baseline B-B (ETSI EN 319 142-1) for `/SubFilter /ETSI.CAdES.detached`: content-type,
 *   message-digest and ESS signing-certificate-v2, and no signing-time attribute (the PDF's /M holds
 *   the time).
 * - `pkcs7`: classic `adbe.pkcs7.detached`: content-type, signing-time, message-digest.
 */
export type CmsProfile = 'cades' | 'pkcs7';

/** Options of {@link buildDetachedCms}. */
export interface DetachedCmsOptions {
  /** SHA-256 of the signed content (for a PDF: of its two byte ranges). */
  readonly digest: Uint8Array;
  /** The signer's certificate. */
  readonly certificate: X509Certificate;
  /** Issuer certificates to embed so verifiers can build the chain. Default none. */
  readonly chain?: readonly X509Certificate[];
  readonly profile: CmsProfile;
  /** Written as the signing-time attribute in the `pkcs7` profile. Default now. */
  readonly signingTime?: Date;
  /**
   * Signs the DER of the signed attributes with SHA-256 and the certificate's key (RSA PKCS#1 v1.5 or
   * ECDSA), returning the raw signature value. With node:crypto: `sign('sha256', der, privateKey)`.
   */
  readonly signSignedAttributes: (signedAttributesDer: Uint8Array) => Promise<Uint8Array> | Uint8Array;
}

/**
 * Builds a detached CMS SignedData (RFC 5652) over a precomputed digest. node-forge's PKCS#7 writer can
 * neither sign a digest it did not compute nor add signing-certificate-v2, so the structure is written
 * here. A remote-signing service can use the same function on its side.
 */
export async function buildDetachedCms(options: DetachedCmsOptions): Promise<Uint8Array> {
  if (options.digest.length !== 32) throw new TypeError(`a SHA-256 digest has 32 bytes, got ${options.digest.length}`);
  const certificateDer = new Uint8Array(options.certificate.raw);
  const { issuer, serialNumber } = tbsParts(certificateDer);
  const isEc = options.certificate.publicKey.asymmetricKeyType === 'ec';

  const attributes: Asn1[] = [attribute(OID.contentType, oidNode(OID.data))];
  if (options.profile === 'pkcs7') attributes.push(attribute(OID.signingTime, timeNode(options.signingTime ?? new Date())));
  attributes.push(attribute(OID.messageDigest, octetString(options.digest)));
  if (options.profile === 'cades') attributes.push(attribute(OID.signingCertificateV2, signingCertificateV2(certificateDer, issuer, serialNumber)));

  // DER orders a SET OF by encoding; the signature covers the attributes re-tagged as a SET.
  const sortedAttributes = attributes
    .map((node) => ({ node, der: Buffer.from(toDer(node)) }))
    .sort((a, b) => Buffer.compare(a.der, b.der))
    .map(({ node }) => node);
  const signatureValue = await options.signSignedAttributes(toDer(set(sortedAttributes)));

  const signerInfo = sequence([
    integer(1),
    sequence([issuer, serialNumber]),
    algorithm(OID.sha256),
    contextTag(0, true, sortedAttributes),
    isEc ? algorithm(OID.ecdsaWithSha256) : algorithm(OID.rsaEncryption, true),
    octetString(signatureValue),
  ]);
  const certificates = [certificateDer, ...(options.chain ?? []).map((c) => new Uint8Array(c.raw))].map((der) => parseDer(der));
  const signedData = sequence([
    integer(1),
    set([algorithm(OID.sha256)]),
    sequence([oidNode(OID.data)]),
    contextTag(0, true, certificates),
    set([signerInfo]),
  ]);
  return toDer(sequence([oidNode(OID.signedData), contextTag(0, true, [signedData])]));
}

function attribute(type: string, value: Asn1): Asn1 {
  return sequence([oidNode(type), set([value])]);
}

function timeNode(date: Date): Asn1 {
  // RFC 5652 §11.3: UTCTime for 1950–2049, GeneralizedTime otherwise.
  const year = date.getUTCFullYear();
  return year >= 1950 && year < 2050
    ? asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(date))
    : asn1.create(asn1.Class.UNIVERSAL, asn1.Type.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(date));
}

/** ESS SigningCertificateV2 (RFC 5035) naming the signer's certificate by SHA-256 and issuer/serial. */
function signingCertificateV2(certificateDer: Uint8Array, issuer: Asn1, serialNumber: Asn1): Asn1 {
  const certHash = new Uint8Array(createHash('sha256').update(certificateDer).digest());
  const issuerSerial = sequence([sequence([contextTag(4, true, [issuer])]), serialNumber]);
  // hashAlgorithm is omitted: its DEFAULT is SHA-256, and DER leaves out default values.
  return sequence([sequence([sequence([octetString(certHash), issuerSerial])])]);
}

