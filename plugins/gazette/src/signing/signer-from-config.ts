import { readFile } from 'node:fs/promises';
import type { X509Certificate } from 'node:crypto';
import { GAZETTE_ERR_SIGNING_CERTIFICATE_UNREADABLE, GAZETTE_ERR_SIGNING_CONFIG } from '../errors.js';
import { P12Signer } from './p12-signer.js';
import type { PdfSigner } from './pdf-signer.js';
import { RemoteSigner } from './remote-signer.js';
import type { SigningConfig } from './signing-config.js';
import { parseTrustedRoots } from './verify-pdf-signature.js';

/** The environment the passphrase and token are read from (`process.env` in production). */
export type SigningEnvironment = Readonly<Record<string, string | undefined>>;

/**
 * Builds the configured signer, or null for `mode: 'none'` (the caller then publishes unsigned and says
 * so; there is deliberately no signer that pretends to sign). Reads the certificate file and opens it,
 * so configuration mistakes surface at start-up: `GAZETTE_ERR_SIGNING_CONFIG`,
 * `GAZETTE_ERR_SIGNING_CERTIFICATE_UNREADABLE` (missing or damaged file) and
 * `GAZETTE_ERR_SIGNING_PASSPHRASE_WRONG`.
 *
 * @example
 * ```ts
 * const signer = await signerFromConfig(config.signing ?? {}, process.env);
 * ```
 */
export async function signerFromConfig(config: SigningConfig, env: SigningEnvironment): Promise<PdfSigner | null> {
  const mode = config.mode ?? 'none';
  if (mode === 'none') return null;
  if (mode === 'p12') {
    const p12 = config.p12;
    if (p12 === undefined) throw GAZETTE_ERR_SIGNING_CONFIG.create({ reason: 'signing.mode is "p12" but signing.p12 is missing' });
    if ((p12.file === undefined) === (p12.base64 === undefined)) {
      throw GAZETTE_ERR_SIGNING_CONFIG.create({ reason: 'signing.p12 needs exactly one of "file" and "base64"' });
    }
    const passphrase = env[p12.passphraseEnv];
    if (passphrase === undefined) {
      throw GAZETTE_ERR_SIGNING_CONFIG.create({ reason: `environment variable ${p12.passphraseEnv} (signing.p12.passphraseEnv) is not set` });
    }
    const source = p12.file ?? 'signing.p12.base64';
    const bytes = p12.file !== undefined ? await readConfiguredFile(p12.file) : decodeBase64(p12.base64!, source);
    return new P12Signer({
      p12: bytes,
      passphrase,
      source,
      passphraseVariable: p12.passphraseEnv,
      subFilter: config.subFilter,
      signatureSize: config.signatureSize,
    });
  }
  if (mode === 'remote') {
    const remote = config.remote;
    if (remote === undefined) throw GAZETTE_ERR_SIGNING_CONFIG.create({ reason: 'signing.mode is "remote" but signing.remote is missing' });
    if (!/^https?:\/\//.test(remote.url)) throw GAZETTE_ERR_SIGNING_CONFIG.create({ reason: `signing.remote.url "${remote.url}" is not an http(s) URL` });
    if ((remote.certificateFile === undefined) === (remote.certificatePem === undefined)) {
      throw GAZETTE_ERR_SIGNING_CONFIG.create({ reason: 'signing.remote needs exactly one of "certificateFile" and "certificatePem"' });
    }
    let token: string | undefined;
    if (remote.tokenEnv !== undefined) {
      token = env[remote.tokenEnv];
      if (token === undefined || token === '') {
        throw GAZETTE_ERR_SIGNING_CONFIG.create({ reason: `environment variable ${remote.tokenEnv} (signing.remote.tokenEnv) is not set` });
      }
    }
    const source = remote.certificateFile ?? 'signing.remote.certificatePem';
    const pem = remote.certificateFile !== undefined ? Buffer.from(await readConfiguredFile(remote.certificateFile)).toString('utf8') : remote.certificatePem!;
    let certificate: X509Certificate;
    try {
      [certificate] = parseTrustedRoots([pem]) as [X509Certificate];
    } catch (cause) {
      throw GAZETTE_ERR_SIGNING_CERTIFICATE_UNREADABLE.create({ source, reason: 'not a PEM certificate' }, { cause });
    }
    return new RemoteSigner({
      url: remote.url,
      keyId: remote.keyId,
      token,
      certificate,
      timeoutMs: remote.timeoutMs,
      retries: remote.retries,
      subFilter: config.subFilter,
      signatureSize: config.signatureSize,
    });
  }
  throw GAZETTE_ERR_SIGNING_CONFIG.create({ reason: `signing.mode "${String(mode)}" is not one of none, p12, remote` });
}

/** The trusted roots named by `signing.trustedRootFiles`, for {@link verifyPdfSignature}. */
export async function trustedRootsFromConfig(config: SigningConfig): Promise<X509Certificate[]> {
  const roots: X509Certificate[] = [];
  for (const file of config.trustedRootFiles ?? []) {
    const pem = Buffer.from(await readConfiguredFile(file)).toString('utf8');
    try {
      roots.push(...parseTrustedRoots([pem]));
    } catch (cause) {
      throw GAZETTE_ERR_SIGNING_CERTIFICATE_UNREADABLE.create({ source: file, reason: 'not a PEM certificate bundle' }, { cause });
    }
  }
  return roots;
}

async function readConfiguredFile(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'the file does not exist' : code === 'EACCES' ? 'permission denied' : (cause as Error).message;
    throw GAZETTE_ERR_SIGNING_CERTIFICATE_UNREADABLE.create({ source: path, reason }, { cause });
  }
}

function decodeBase64(text: string, source: string): Uint8Array {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    throw GAZETTE_ERR_SIGNING_CERTIFICATE_UNREADABLE.create({ source, reason: 'not base64' });
  }
  return new Uint8Array(Buffer.from(compact, 'base64'));
}
