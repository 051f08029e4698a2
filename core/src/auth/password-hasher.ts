import { randomBytes } from 'node:crypto';

/** argon2id cost parameters. */
export interface Argon2Parameters {
  /** Memory in KiB. */
  readonly memoryCost: number;
  /** Passes over the memory. */
  readonly timeCost: number;
  /** Lanes. */
  readonly parallelism: number;
}

/**
 * The OWASP minimum for argon2id: 19 MiB, 2 passes, 1 lane, about 33 ms per hash on the portal's
 * small servers (STACK.md §4.13). Raise `memoryCost` to 65536 where ~64 MB per concurrent login is
 * affordable; existing hashes are upgraded at the next successful login ({@link PasswordHasher.needsRehash}).
 */
export const DEFAULT_ARGON2_PARAMETERS: Argon2Parameters = Object.freeze({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });

/** Options of {@link PasswordHasher}. */
export interface PasswordHasherOptions {
  /** Default is {@link DEFAULT_ARGON2_PARAMETERS}. */
  readonly parameters?: Argon2Parameters;
}

/**
 * The form a password is hashed and compared in: Unicode NFKC. A Vietnamese password typed on a
 * keyboard that sends decomposed letters (NFD: `a` + combining marks) then verifies like the one
 * typed precomposed (NFC), and compatibility forms (full-width digits) fold to their plain forms.
 */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/**
 * Hashes and verifies passwords with argon2id (PHC string format, salt and parameters inside). The
 * password is NFKC-normalised first ({@link normalizePassword}); argon2 has no length cap, so long
 * Vietnamese passphrases are never truncated (bcrypt stops at 72 bytes).
 */
export class PasswordHasher {
  readonly parameters: Argon2Parameters;
  #dummy: Promise<string> | undefined;

  constructor(options: PasswordHasherOptions = {}) {
    this.parameters = Object.freeze({ ...(options.parameters ?? DEFAULT_ARGON2_PARAMETERS) });
  }

  /** A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`). */
  async hash(password: string): Promise<string> {
    const argon2 = await loadArgon2();
    return argon2.hash(normalizePassword(password), { type: argon2.argon2id, ...this.parameters });
  }

  /** True when `password` matches `hash`. A malformed hash verifies nothing (false, no throw). */
  async verify(hash: string, password: string): Promise<boolean> {
    try {
      const argon2 = await loadArgon2();
      return await argon2.verify(hash, normalizePassword(password));
    } catch {
      return false;
    }
  }

  /**
   * Spends the time of one verification and returns false: callers run it when the account does not
   * exist, so an unknown username answers as slowly as a wrong password and timing does not reveal
   * which accounts exist. The dummy hash is made once, with the current parameters, on first use.
   */
  async verifyDummy(password: string): Promise<false> {
    this.#dummy ??= this.hash(randomBytes(32).toString('base64url'));
    await this.verify(await this.#dummy, password);
    return false;
  }

  /** True when `hash` was made with other parameters (or another algorithm) than this hasher's. */
  needsRehash(hash: string): boolean {
    // Read from the PHC string itself (`$argon2id$v=19$m=19456,t=2,p=1$…`): no native call needed.
    const match = /^\$argon2id\$v=(\d+)\$([a-z]=\d+(?:,[a-z]=\d+)*)\$/.exec(hash);
    if (!match) return true;
    const params = Object.fromEntries(match[2]!.split(',').map((kv) => [kv[0], Number(kv.slice(2))]));
    const p = this.parameters;
    return Number(match[1]) !== 19 || params.m !== p.memoryCost || params.t !== p.timeCost || params.p !== p.parallelism;
  }
}

let argon2Module: Promise<typeof import('argon2')> | undefined;

/** The native module, loaded at the first sign-in rather than at every start (~16 ms). */
function loadArgon2(): Promise<typeof import('argon2')> {
  argon2Module ??= import('argon2').then((m) => ((m as { default?: typeof import('argon2') }).default ?? m) as typeof import('argon2'));
  return argon2Module;
}
