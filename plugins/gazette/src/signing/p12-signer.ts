import { createHash, sign as signWithKey } from 'node:crypto';
import { buildDetachedCms } from './cms-signed-data.js';
import { assertCertificateValidAt } from './certificate-validity.js';
import { signPdfWithCms } from './embed-signature.js';
import { openP12, type P12Credential } from './p12-credential.js';
import type { PdfSigner, SignatureDetails } from './pdf-signer.js';
import type { SignatureSubFilter } from './signature-placeholder.js';
import { describeCertificate, type SignerIdentity } from './signer-identity.js';

/** Options of {@link P12Signer}. */
export interface P12SignerOptions {
  /** The PKCS#12 (.p12/.pfx) bytes. */
  readonly p12: Uint8Array;
  readonly passphrase: string;
  /** Where the file came from, for messages and {@link P12Signer.id}: a path, or `signing.p12.base64`. */
  readonly source: string;
  /** The environment variable the passphrase came from, named in the wrong-passphrase error. */
  readonly passphraseVariable: string;
  /**
   * Default `ETSI.CAdES.detached` (PAdES baseline B-B: signing-certificate-v2, no CMS signing-time).
   * `adbe.pkcs7.detached` writes the classic PKCS#7 attributes for old readers.
   */
  readonly subFilter?: SignatureSubFilter;
  /** Bytes reserved for the signature. Default 16 384. */
  readonly signatureSize?: number;
}

/**
 * Signs with a PKCS#12 soft certificate held by the server (the default signer). The file is opened
 * at construction, so a wrong passphrase fails at start-up (`GAZETTE_ERR_SIGNING_PASSPHRASE_WRONG`), and
 * each signing refuses an expired or not-yet-valid certificate.
 *
 * @example
 * ```ts
 * const signer = new P12Signer({ p12, passphrase: env.CONG_GAZETTE_P12_PASSPHRASE!, source: '/etc/cong/ubnd.p12',
 *   passphraseVariable: 'CONG_GAZETTE_P12_PASSPHRASE' });
 * const signed = await signer.sign(pdf, { reason: 'Phát hành Công báo tỉnh Quảng Trị số 243',
 *   location: 'Đông Hà, Quảng Trị', name: 'Văn phòng UBND tỉnh Quảng Trị', signedAt: new Date() });
 * ```
 */
export class P12Signer implements PdfSigner {
  readonly id: string;
  readonly #credential: P12Credential;
  readonly #subFilter: SignatureSubFilter;
  readonly #signatureSize: number | undefined;

  constructor(options: P12SignerOptions) {
    this.#credential = openP12(options.p12, options.passphrase, { source: options.source, passphraseVariable: options.passphraseVariable });
    this.#subFilter = options.subFilter ?? 'ETSI.CAdES.detached';
    this.#signatureSize = options.signatureSize;
    this.id = `p12:${options.source}`;
  }

  async describe(): Promise<SignerIdentity> {
    return describeCertificate(this.#credential.certificate);
  }

  async sign(pdf: Uint8Array, details: SignatureDetails): Promise<Uint8Array> {
    const { certificate, chain, privateKey } = this.#credential;
    assertCertificateValidAt(certificate, details.signedAt);
    return signPdfWithCms(pdf, details, { subFilter: this.#subFilter, signatureSize: this.#signatureSize }, async (content) =>
      buildDetachedCms({
        digest: new Uint8Array(createHash('sha256').update(content).digest()),
        certificate,
        chain,
        profile: this.#subFilter === 'ETSI.CAdES.detached' ? 'cades' : 'pkcs7',
        signingTime: details.signedAt,
        signSignedAttributes: (der) => new Uint8Array(signWithKey('sha256', der, privateKey)),
      }),
    );
  }
}
