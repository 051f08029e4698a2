import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const PREFIX = 'v1.';

/** Seals a secret for storage and opens it again. */
export interface SecretSealer {
  seal(plain: string): string;
  open(stored: string): string;
}

/** Stores secrets as they are: for stores built without a key (unit tests of other behaviour). */
export const PLAIN_SECRETS: SecretSealer = Object.freeze({ seal: (plain: string) => plain, open: (stored: string) => stored });
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals small secrets the platform must read back (the TOTP seeds of two-factor sign-in) with
 * AES-256-GCM before they reach the database, so a leaked dump or backup of the database alone does not
 * give them away (ASVS 2.9.x, 6.2.x). A sealed value is `v1.<base64url(iv | tag | ciphertext)>`; a value
 * without the prefix is one stored before sealing existed and is read as it is.
 */
export class SecretBox implements SecretSealer {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new TypeError('SecretBox needs a 32-byte key');
    this.#key = key;
  }

  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${PREFIX}${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  /** The plain value; throws when a sealed value was not made with this key or was altered. */
  open(stored: string): string {
    if (!stored.startsWith(PREFIX)) return stored;
    const raw = Buffer.from(stored.slice(PREFIX.length), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }
}

/**
 * The key: `auth.secretKey` (32 bytes as 64 hex characters or base64) when configured — production keeps
 * it in the environment, apart from the database and its backups — else a key file made on first use
 * (mode 0600), so a database dump alone is never enough.
 */
export function secretBoxKey(configured: string | undefined, keyFile: string): Buffer {
  if (configured) {
    const key = /^[0-9a-f]{64}$/i.test(configured) ? Buffer.from(configured, 'hex') : Buffer.from(configured, 'base64');
    if (key.length !== 32) throw new TypeError('auth.secretKey must be 32 bytes: 64 hexadecimal characters or base64');
    return key;
  }
  if (existsSync(keyFile)) return Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
  mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(keyFile, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(keyFile, 0o600);
  return key;
}
