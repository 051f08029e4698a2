import { createHash, X509Certificate } from 'node:crypto';
import { GAZETTE_ERR_SIGNING_CONFIG } from '../errors.js';
import { checkCertificateChain, validAt } from './certificate-chain.js';
import { verifyDetachedCms } from './cms-verifier.js';
import type { LocalizedText } from './localized-text.js';
import { findSignatures, hashSignedRanges, type FoundSignature } from './pdf-signature-scanner.js';
import { describeCertificate, type SignerIdentity } from './signer-identity.js';

/** One signature of a PDF, checked. */
export interface VerifiedSignature {
  /**
   * The signed bytes are unchanged, the signature verifies with the signer's certificate, and that
   * certificate was valid at the signing time. Says nothing about trust (see {@link trusted}) or about
   * bytes added after signing (see {@link coversWholeDocument}).
   */
  readonly valid: boolean;
  /** The signature covers the whole file except its own value: nothing was appended after signing. */
  readonly coversWholeDocument: boolean;
  /** The signer's certificate chains to one of the trusted roots passed in. False when none were. */
  readonly trusted: boolean;
  /** The certificate that signed; null when the signature is too damaged to name one. */
  readonly signer: SignerIdentity | null;
  /** ISO 8601: the CMS signing-time attribute, else the signature dictionary's /M (both claimed by the signer). */
  readonly signedAt: string | null;
  /** /Reason, e.g. "Phát hành Công báo tỉnh Quảng Trị số 243". */
  readonly reason: string | null;
  /** /Name. */
  readonly name: string | null;
  /** /Location. */
  readonly location: string | null;
  /** /ContactInfo. */
  readonly contactInfo: string | null;
  /** /SubFilter: `ETSI.CAdES.detached` (PAdES) or `adbe.pkcs7.detached`. */
  readonly subFilter: string | null;
  /** `[start1, length1, start2, length2]` as found in the file. */
  readonly byteRange: readonly number[] | null;
  /** Bytes after the signed ranges (an incremental update made after signing). */
  readonly bytesAppendedAfter: number;
  /** Why the signature is invalid, untrusted or incomplete; empty for a valid, trusted signature that covers everything. */
  readonly problems: readonly LocalizedText[];
}

/** What {@link verifyPdfSignature} answers. */
export interface SignatureVerification {
  /** The file has at least one signature (valid or not). */
  readonly signed: boolean;
  /** In file order; the last one is normally the one that covers the whole document. */
  readonly signatures: readonly VerifiedSignature[];
  /** SHA-256 of the whole file, lower-case hex (the hash the gazette publishes beside the PDF). */
  readonly sha256: string;
}

/** Options of {@link verifyPdfSignature}. */
export interface VerifyPdfSignatureOptions {
  /**
   * Root certificates to trust, PEM (one or several per string) or parsed. Default none: every
   * signature is then reported `trusted: false`. For Vietnamese CAs, the Root CA of the Ministry of
   * Information and Communications' National Root CA and the CA's own root.
   */
  readonly trustedRoots?: readonly (string | X509Certificate)[];
  /** The time used when a signature states none. Default now. */
  readonly now?: Date;
}

/**
 * Finds and checks every signature of a PDF (GAZ-05, GAZ-23): byte-range coverage, the CMS message
 * digest over the signed bytes, the signature over the signed attributes (RSA or ECDSA), the signer's
 * validity at signing time and, with `trustedRoots`, the chain to a root. Never throws on hostile
 * input: damaged files answer `signed: false` or `valid: false` with a problem. Throws
 * `GAZETTE_ERR_SIGNING_CONFIG` only for an unreadable trusted root (configuration, not input).
 *
 * @example
 * ```ts
 * const result = await verifyPdfSignature(pdf, { trustedRoots: [rootPem] });
 * const ok = result.signatures.at(-1)?.valid && result.signatures.at(-1)?.coversWholeDocument;
 * ```
 */
export async function verifyPdfSignature(pdf: Uint8Array, options: VerifyPdfSignatureOptions = {}): Promise<SignatureVerification> {
  const roots = parseTrustedRoots(options.trustedRoots ?? []);
  const now = options.now ?? new Date();
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  let found: FoundSignature[];
  try {
    found = findSignatures(pdf);
  } catch {
    found = [];
  }
  const signatures = found.map((signature) => {
    try {
      return check(pdf, signature, roots, now);
    } catch {
      return broken(signature, { vi: 'Không kiểm tra được chữ ký.', en: 'The signature could not be checked.' });
    }
  });
  return { signed: signatures.length > 0, signatures, sha256 };
}

function check(pdf: Uint8Array, found: FoundSignature, roots: readonly X509Certificate[], now: Date): VerifiedSignature {
  const { byteRange, contents, entries } = found;
  if (byteRange === null || contents === null) return broken(found);

  const problems: LocalizedText[] = [...found.problems];
  const cms = verifyDetachedCms(contents, (hashName) => hashSignedRanges(pdf, byteRange, hashName));
  problems.push(...cms.problems);

  const signedAt = cms.signingTime ?? entries.signedAt;
  const at = signedAt === null ? now : new Date(signedAt);
  const signer = cms.signerCertificate;
  let certificateValid = true;
  let trusted = false;
  if (signer !== null) {
    if (!validAt(signer, at)) {
      certificateValid = false;
      problems.push({
        vi: `Chứng thư số của người ký không có hiệu lực tại thời điểm ký ${at.toISOString()} (hiệu lực từ ${new Date(signer.validFrom).toISOString()} đến ${new Date(signer.validTo).toISOString()}).`,
        en: `The signer’s certificate was not valid at signing time ${at.toISOString()} (valid from ${new Date(signer.validFrom).toISOString()} to ${new Date(signer.validTo).toISOString()}).`,
      });
    }
    const chain = checkCertificateChain(signer, cms.certificates, roots, at);
    trusted = chain.trusted;
    problems.push(...chain.problems);
  }

  if (found.bytesAfter > 0) {
    problems.push({
      vi: `Tệp có thêm ${found.bytesAfter} byte được ghi sau khi ký (cập nhật bổ sung); phần này không được chữ ký bảo đảm.`,
      en: `${found.bytesAfter} bytes were appended after signing (an incremental update); the signature does not cover them.`,
    });
  }

  return {
    valid: found.problems.length === 0 && cms.intact && certificateValid,
    coversWholeDocument: found.problems.length === 0 && found.bytesAfter === 0,
    trusted: cms.intact && trusted,
    signer: signer === null ? null : describeCertificate(signer),
    signedAt,
    reason: entries.reason,
    name: entries.name,
    location: entries.location,
    contactInfo: entries.contactInfo,
    subFilter: entries.subFilter,
    byteRange,
    bytesAppendedAfter: found.bytesAfter,
    problems,
  };
}

function broken(found: FoundSignature, extra?: LocalizedText): VerifiedSignature {
  return {
    valid: false,
    coversWholeDocument: false,
    trusted: false,
    signer: null,
    signedAt: found.entries.signedAt,
    reason: found.entries.reason,
    name: found.entries.name,
    location: found.entries.location,
    contactInfo: found.entries.contactInfo,
    subFilter: found.entries.subFilter,
    byteRange: found.byteRange,
    bytesAppendedAfter: found.bytesAfter,
    problems: extra === undefined ? found.problems : [...found.problems, extra],
  };
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Reads trusted roots given as PEM (several per string allowed). Throws `GAZETTE_ERR_SIGNING_CONFIG`. */
export function parseTrustedRoots(roots: readonly (string | X509Certificate)[]): X509Certificate[] {
  return roots.flatMap((root, index) => {
    if (root instanceof X509Certificate) return [root];
    const blocks = root.match(PEM_CERTIFICATE) ?? [];
    if (blocks.length === 0) throw GAZETTE_ERR_SIGNING_CONFIG.create({ reason: `trusted root #${index + 1} is not a PEM certificate` });
    return blocks.map((block) => {
      try {
        return new X509Certificate(block);
      } catch (cause) {
        throw GAZETTE_ERR_SIGNING_CONFIG.create({ reason: `trusted root #${index + 1} cannot be read` }, { cause });
      }
    });
  });
}
