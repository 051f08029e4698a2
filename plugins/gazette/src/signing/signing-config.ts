import type { SignatureSubFilter } from './signature-placeholder.js';

/**
 * The plugin's `signing` configuration (config.schema.json, `signing`). Secrets never appear here: the
 * passphrase and the bearer token are read from environment variables this names.
 */
export interface SigningConfig {
  /** `none` (issues are published unsigned), `p12` or `remote`. Default `none`. */
  readonly mode?: 'none' | 'p12' | 'remote';
  /** Default `ETSI.CAdES.detached` (PAdES baseline B-B). */
  readonly subFilter?: SignatureSubFilter;
  /** Bytes reserved for the signature. Default 16 384 (p12) or 32 768 (remote). */
  readonly signatureSize?: number;
  readonly p12?: P12SigningConfig;
  readonly remote?: RemoteSigningConfig;
  /** PEM files of the roots signatures are checked against (the verification page). Default none. */
  readonly trustedRootFiles?: readonly string[];
}

export interface P12SigningConfig {
  /** Path of the .p12/.pfx file. Exactly one of `file` and `base64`. */
  readonly file?: string;
  /** The .p12/.pfx itself, base64. */
  readonly base64?: string;
  /** Name of the environment variable holding the passphrase, e.g. `CONG_GAZETTE_P12_PASSPHRASE`. */
  readonly passphraseEnv: string;
}

export interface RemoteSigningConfig {
  readonly url: string;
  readonly keyId: string;
  /** Name of the environment variable holding the bearer token. Default none (no Authorization header). */
  readonly tokenEnv?: string;
  /** PEM file of the certificate the service signs with. Exactly one of `certificateFile` and `certificatePem`. */
  readonly certificateFile?: string;
  readonly certificatePem?: string;
  /** Default 30 000. */
  readonly timeoutMs?: number;
  /** Default 2. */
  readonly retries?: number;
}
