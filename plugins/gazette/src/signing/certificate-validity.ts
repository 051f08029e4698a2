import type { X509Certificate } from 'node:crypto';
import { GAZETTE_ERR_SIGNING_CERTIFICATE_EXPIRED, GAZETTE_ERR_SIGNING_CERTIFICATE_NOT_YET_VALID } from '../errors.js';
import { describeCertificate } from './signer-identity.js';

/**
 * Refuses to sign with a certificate that is not valid at `at`: a signature made outside the validity
 * period is invalid for every reader, so failing here is kinder than publishing it.
 */
export function assertCertificateValidAt(certificate: X509Certificate, at: Date): void {
  const identity = describeCertificate(certificate);
  const params = { subject: identity.commonName ?? identity.subject, notBefore: identity.validFrom, notAfter: identity.validTo };
  if (at.getTime() > Date.parse(identity.validTo)) throw GAZETTE_ERR_SIGNING_CERTIFICATE_EXPIRED.create(params);
  if (at.getTime() < Date.parse(identity.validFrom)) throw GAZETTE_ERR_SIGNING_CERTIFICATE_NOT_YET_VALID.create(params);
}
