import type { SignerIdentity } from './signer-identity.js';

/** What the signature dictionary of a signed gazette issue says, besides the signature itself. */
export interface SignatureDetails {
  /** Why the PDF is signed, in Vietnamese: "Phát hành Công báo tỉnh Quảng Trị số 243". */
  readonly reason: string;
  /** Where it is signed: "Đông Hà, Quảng Trị". */
  readonly location: string;
  /** How to reach the signer (e-mail or telephone of the gazette office). */
  readonly contactInfo?: string;
  /** The signer's name as the PDF shows it; usually the certificate's CN. */
  readonly name: string;
  /** The signing time written to the signature (its /M entry, and the CMS for the PKCS#7 profile). */
  readonly signedAt: Date;
}

/**
 * Signs a finished gazette issue PDF (GAZ-05, GAZ-23). Implementations: {@link P12Signer} (a PKCS#12
 * soft certificate held by the server) and {@link RemoteSigner} (a CA's remote-signing service that
 * receives only a digest). Build the configured one with {@link signerFromConfig}.
 */
export interface PdfSigner {
  /** Which kind of signer this is and which key it uses, for logs: `p12:/etc/cong/ubnd.p12`, `remote:https://…#key`. */
  readonly id: string;
  /** The certificate that signs, for the publication screen and for checks before signing. */
  describe(): Promise<SignerIdentity>;
  /**
   * Returns a signed copy of `pdf`: the file is rewritten once with an invisible signature field, then
   * the signature covers every byte except its own value. Throws a `GAZETTE_ERR_SIGNING_*` error.
   */
  sign(pdf: Uint8Array, details: SignatureDetails): Promise<Uint8Array>;
}
