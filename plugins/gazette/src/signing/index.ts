// Digital signatures of gazette issue PDFs and their verification (GAZ-05, GAZ-23, GAZ-24).
export type { PdfSigner, SignatureDetails } from './pdf-signer.js';
export type { SignerIdentity } from './signer-identity.js';
export { describeCertificate } from './signer-identity.js';
export type { LocalizedText } from './localized-text.js';
export { P12Signer, type P12SignerOptions } from './p12-signer.js';
export {
  RemoteSigner,
  type RemoteSignerOptions,
  type RemoteSigningRequest,
  type RemoteSigningResponse,
} from './remote-signer.js';
export { signerFromConfig, trustedRootsFromConfig, type SigningEnvironment } from './signer-from-config.js';
export type { SigningConfig, P12SigningConfig, RemoteSigningConfig } from './signing-config.js';
export {
  verifyPdfSignature,
  parseTrustedRoots,
  type SignatureVerification,
  type VerifiedSignature,
  type VerifyPdfSignatureOptions,
} from './verify-pdf-signature.js';
export { buildDetachedCms, type CmsProfile, type DetachedCmsOptions } from './cms-signed-data.js';
export { DEFAULT_SIGNATURE_SIZE, type SignatureSubFilter } from './signature-placeholder.js';
