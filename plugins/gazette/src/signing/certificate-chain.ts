import { X509Certificate } from 'node:crypto';
import type { LocalizedText } from './localized-text.js';
import { describeCertificate } from './signer-identity.js';

const MAX_CHAIN = 8;

/** What {@link checkCertificateChain} found. */
export interface ChainCheck {
  /** The signer's certificate chains, signature by signature, to one of the trusted roots. */
  readonly trusted: boolean;
  /** Signer first, root (when reached) last. */
  readonly chain: readonly X509Certificate[];
  readonly problems: readonly LocalizedText[];
}

/**
 * Builds the chain from `signer` through `intermediates` to one of `trustedRoots`, checking each
 * issuer's signature and that every certificate was valid at `at` (the signing time). Revocation (CRL,
 * OCSP) is not checked.
 */
export function checkCertificateChain(
  signer: X509Certificate,
  intermediates: readonly X509Certificate[],
  trustedRoots: readonly X509Certificate[],
  at: Date,
): ChainCheck {
  const problems: LocalizedText[] = [];
  const chain = [signer];
  const isTrustedRoot = (certificate: X509Certificate) => trustedRoots.some((root) => root.fingerprint256 === certificate.fingerprint256);
  let current = signer;
  let trusted = false;
  for (let step = 0; step < MAX_CHAIN; step++) {
    // The signer's own validity is part of the signature's validity, reported by the caller.
    if (current !== signer && !validAt(current, at)) {
      const { subject } = describeCertificate(current);
      problems.push({
        vi: `Chứng thư số "${subject}" trong chuỗi không có hiệu lực tại thời điểm ký (hiệu lực từ ${iso(current.validFrom)} đến ${iso(current.validTo)}).`,
        en: `Certificate "${subject}" in the chain was not valid at signing time (valid from ${iso(current.validFrom)} to ${iso(current.validTo)}).`,
      });
    }
    if (isTrustedRoot(current)) {
      trusted = true;
      break;
    }
    const issuer = [...trustedRoots, ...intermediates].find(
      (candidate) => candidate.fingerprint256 !== current.fingerprint256 && issuedBy(current, candidate),
    );
    if (issuer === undefined) break;
    chain.push(issuer);
    current = issuer;
  }
  if (!trusted) {
    problems.push({
      vi: 'Chứng thư số của người ký không dẫn đến chứng thư gốc tin cậy nào.',
      en: 'The signer’s certificate does not chain to a trusted root.',
    });
  }
  return { trusted: trusted && problems.length === 0, chain, problems };
}

function issuedBy(child: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return child.checkIssued(issuer) && child.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

export function validAt(certificate: X509Certificate, at: Date): boolean {
  return new Date(certificate.validFrom).getTime() <= at.getTime() && at.getTime() <= new Date(certificate.validTo).getTime();
}

function iso(date: string): string {
  return new Date(date).toISOString();
}
