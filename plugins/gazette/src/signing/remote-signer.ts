// HTTP remote-signing adapter: the key stays with the CA (VNPT SmartCA, Viettel MySign, FPT.eSign… offer
// such services, each with its own API), and only a SHA-256 digest leaves the server. A small gateway
// in front of a CA's own API speaks the contract below.
import { createHash, X509Certificate } from 'node:crypto';
import { GAZETTE_ERR_SIGNING_CONFIG, GAZETTE_ERR_SIGNING_REMOTE_FAILED, GAZETTE_ERR_SIGNING_REMOTE_TIMEOUT } from '../errors.js';
import { assertCertificateValidAt } from './certificate-validity.js';
import { verifyDetachedCms } from './cms-verifier.js';
import { signPdfWithCms } from './embed-signature.js';
import type { PdfSigner, SignatureDetails } from './pdf-signer.js';
import type { SignatureSubFilter } from './signature-placeholder.js';
import { describeCertificate, type SignerIdentity } from './signer-identity.js';

/**
 * The request body POSTed to {@link RemoteSignerOptions.url}, as JSON (`Content-Type: application/json`),
 * with `Authorization: Bearer <token>` when a token is configured.
 */
export interface RemoteSigningRequest {
  /** SHA-256 of the PDF's signed byte ranges, base64 (44 characters). */
  readonly digest: string;
  readonly algorithm: 'sha256';
  /** Which of the service's keys signs (the organisational certificate's key). */
  readonly keyId: string;
}

/**
 * The answer expected with HTTP 200, as JSON. Any other status is a failure: 5xx is retried, 4xx is not.
 */
export interface RemoteSigningResponse {
  /**
   * A detached CMS SignedData (RFC 5652), DER, base64: signed attributes with content-type id-data and
   * message-digest equal to the request's digest (for `ETSI.CAdES.detached`, also ESS
   * signing-certificate-v2 and no signing-time), SHA-256 with RSA or ECDSA, and the signer's certificate
   * (ideally with its CA chain) in `certificates`.
   */
  readonly signature: string;
}

/** Options of {@link RemoteSigner}. */
export interface RemoteSignerOptions {
  /** The signing endpoint, `https://` outside tests. */
  readonly url: string;
  readonly keyId: string;
  /** The bearer token (from the environment). Default none. */
  readonly token?: string;
  /**
   * The certificate the service signs with (PEM or DER; public). It names the signer before signing,
   * is checked for validity, and must be the one that signed the returned CMS.
   */
  readonly certificate: string | Uint8Array | X509Certificate;
  /** Per-attempt timeout. Default 30 000 ms. */
  readonly timeoutMs?: number;
  /** Further attempts after a 5xx answer or a connection failure (not after a timeout). Default 2. */
  readonly retries?: number;
  /** Pause before retry n is n × this. Default 500 ms. */
  readonly retryDelayMs?: number;
  /** Default `ETSI.CAdES.detached`; use `adbe.pkcs7.detached` when the service returns plain PKCS#7. */
  readonly subFilter?: SignatureSubFilter;
  /** Bytes reserved for the signature; a CA may add revocation data. Default 32 768. */
  readonly signatureSize?: number;
}

/**
 * Signs through a CA's remote-signing service: the PDF is prepared and hashed here, only the digest is
 * sent ({@link RemoteSigningRequest}), and the returned CMS ({@link RemoteSigningResponse}) is checked
 * against the digest and the configured certificate before it is embedded.
 */
export class RemoteSigner implements PdfSigner {
  readonly id: string;
  readonly #options: RemoteSignerOptions;
  readonly #certificate: X509Certificate;

  constructor(options: RemoteSignerOptions) {
    // RFC 6750 b64token: anything else cannot travel in a header and would fail on every attempt.
    if (options.token !== undefined && options.token !== '' && !/^[A-Za-z0-9\-._~+/]+=*$/.test(options.token)) {
      throw GAZETTE_ERR_SIGNING_CONFIG.create({ reason: 'the remote-signing bearer token has characters a bearer token cannot have' });
    }
    this.#options = options;
    this.#certificate = options.certificate instanceof X509Certificate ? options.certificate : new X509Certificate(options.certificate);
    this.id = `remote:${options.url}#${options.keyId}`;
  }

  async describe(): Promise<SignerIdentity> {
    return describeCertificate(this.#certificate);
  }

  async sign(pdf: Uint8Array, details: SignatureDetails): Promise<Uint8Array> {
    assertCertificateValidAt(this.#certificate, details.signedAt);
    const subFilter = this.#options.subFilter ?? 'ETSI.CAdES.detached';
    return signPdfWithCms(pdf, details, { subFilter, signatureSize: this.#options.signatureSize ?? 32_768 }, async (content) => {
      const digest = new Uint8Array(createHash('sha256').update(content).digest());
      const cms = await this.#requestSignature(digest);
      this.#checkReturnedCms(cms, digest);
      return cms;
    });
  }

  async #requestSignature(digest: Uint8Array): Promise<Uint8Array> {
    const { url, keyId, token } = this.#options;
    const timeoutMs = this.#options.timeoutMs ?? 30_000;
    const attempts = 1 + (this.#options.retries ?? 2);
    const body: RemoteSigningRequest = { digest: Buffer.from(digest).toString('base64'), algorithm: 'sha256', keyId };
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (token !== undefined && token !== '') headers.authorization = `Bearer ${token}`;

    let lastFailure = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) await delay((attempt - 1) * (this.#options.retryDelayMs ?? 500));
      let response: Response;
      try {
        response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
      } catch (cause) {
        if (isTimeout(cause)) throw GAZETTE_ERR_SIGNING_REMOTE_TIMEOUT.create({ url, timeoutMs, attempt, attempts }, { cause });
        // undici reports network failures as "fetch failed" with the reason as cause; anything else
        // (a malformed URL, say) would fail the same way on every attempt.
        if (!(cause instanceof TypeError && cause.message === 'fetch failed')) {
          throw GAZETTE_ERR_SIGNING_REMOTE_FAILED.create({ url, reason: causeMessage(cause) }, { cause });
        }
        lastFailure = `connection failed (${causeMessage(cause)})`;
        continue;
      }
      let text: string;
      try {
        text = await response.text();
      } catch (cause) {
        if (isTimeout(cause)) throw GAZETTE_ERR_SIGNING_REMOTE_TIMEOUT.create({ url, timeoutMs, attempt, attempts }, { cause });
        lastFailure = `the answer was cut off (${causeMessage(cause)})`;
        continue;
      }
      if (response.status >= 500) {
        lastFailure = `HTTP ${response.status} ${excerpt(text)}`;
        continue;
      }
      if (response.status !== 200) {
        throw GAZETTE_ERR_SIGNING_REMOTE_FAILED.create({ url, reason: `HTTP ${response.status} ${excerpt(text)}` });
      }
      return decodeSignature(url, text);
    }
    throw GAZETTE_ERR_SIGNING_REMOTE_FAILED.create({ url, reason: `${lastFailure} after ${attempts} attempts` });
  }

  #checkReturnedCms(cms: Uint8Array, digest: Uint8Array): void {
    const { url } = this.#options;
    const check = verifyDetachedCms(cms, (hashName) => {
      if (hashName !== 'sha256') throw new Error(`asked for ${hashName}`);
      return digest;
    });
    if (!check.intact) {
      const reason = check.problems.map((problem) => problem.en).join('; ') || 'it does not verify';
      throw GAZETTE_ERR_SIGNING_REMOTE_FAILED.create({ url, reason: `the returned signature is unusable: ${reason}` });
    }
    if (check.signerCertificate?.fingerprint256 !== this.#certificate.fingerprint256) {
      throw GAZETTE_ERR_SIGNING_REMOTE_FAILED.create({ url, reason: 'the returned signature was made with another certificate than the configured one' });
    }
  }
}

function decodeSignature(url: string, text: string): Uint8Array {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw GAZETTE_ERR_SIGNING_REMOTE_FAILED.create({ url, reason: `the answer is not JSON: ${excerpt(text)}` });
  }
  const signature = (parsed as { signature?: unknown } | null)?.signature;
  if (typeof signature !== 'string' || !/^[A-Za-z0-9+/=\s]+$/.test(signature)) {
    throw GAZETTE_ERR_SIGNING_REMOTE_FAILED.create({ url, reason: 'the answer has no base64 "signature"' });
  }
  return new Uint8Array(Buffer.from(signature, 'base64'));
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || (error.cause instanceof Error && error.cause.name === 'TimeoutError'));
}

function causeMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
