import { CONG_ERR_PASSWORD_POLICY } from '../errors.js';
import { normalizePassword } from './password-hasher.js';

/** The rule a refused password broke. */
export type PasswordRule = 'too-short' | 'too-long' | 'common' | 'matches-identity';

/** Who the password is for: a password equal to one of these is refused. */
export interface PasswordIdentity {
  readonly username?: string | null;
  readonly email?: string | null;
}

/** Options of {@link PasswordPolicy}. */
export interface PasswordPolicyOptions {
  /** Fewest code points. Default is 12 (ASVS 2.1.1). */
  readonly minLength?: number;
  /** Most code points. Default is 128 (ASVS 2.1.2: at least 64 allowed, over 128 refused). */
  readonly maxLength?: number;
  /**
   * Passwords refused on top of the shipped list (`common-passwords.ts`), such as the province's
   * or the agency's name. Compared like the list: NFKC and lower case. Default is none.
   */
  readonly extraCommonPasswords?: readonly string[];
}

let shipped: Promise<ReadonlySet<string>> | undefined;

/** The shipped list as a set, loaded on first use: the module is ~10 KB that start-up never needs. */
function shippedCommonPasswords(): Promise<ReadonlySet<string>> {
  shipped ??= import('./common-passwords.js').then(
    ({ COMMON_PASSWORDS }) => new Set(COMMON_PASSWORDS.split('\n').map(foldPassword).filter((p) => p.length > 0)),
    (error: unknown) => {
      shipped = undefined;
      throw error;
    },
  );
  return shipped;
}

/** The comparison form of the lists: NFKC, lower case, outer spaces trimmed. */
function foldPassword(password: string): string {
  return normalizePassword(password).toLowerCase().trim();
}

/** Length in Unicode code points: `ệ` is one, an emoji is one, whatever UTF-16 or UTF-8 make of them. */
export function codePointLength(text: string): number {
  return [...text].length;
}

/**
 * The password policy of ASVS 2.1: 12 to 128 code points counted after NFKC (so a password typed
 * decomposed counts like the precomposed one it verifies as), not on the shipped list of common
 * passwords (case-insensitive), and not equal to the account's username or e-mail address. There are
 * deliberately no composition rules (ASVS 2.1.9) and no truncation.
 */
export class PasswordPolicy {
  readonly minLength: number;
  readonly maxLength: number;
  readonly #extra: ReadonlySet<string>;

  constructor(options: PasswordPolicyOptions = {}) {
    this.minLength = options.minLength ?? 12;
    this.maxLength = options.maxLength ?? 128;
    if (!Number.isInteger(this.minLength) || this.minLength < 1 || !Number.isInteger(this.maxLength) || this.maxLength < this.minLength) {
      throw new RangeError(`PasswordPolicy needs 1 <= minLength <= maxLength, got ${this.minLength} and ${this.maxLength}`);
    }
    this.#extra = new Set((options.extraCommonPasswords ?? []).map(foldPassword));
  }

  /** The first rule `password` breaks, or undefined when it is acceptable. */
  async check(password: string, identity: PasswordIdentity = {}): Promise<PasswordRule | undefined> {
    const normalized = normalizePassword(password);
    const length = codePointLength(normalized);
    if (length < this.minLength) return 'too-short';
    if (length > this.maxLength) return 'too-long';
    const folded = normalized.toLowerCase();
    for (const value of [identity.username, identity.email]) {
      if (value && folded === foldPassword(value)) return 'matches-identity';
    }
    if (this.#extra.has(folded.trim()) || (await shippedCommonPasswords()).has(folded.trim())) return 'common';
    return undefined;
  }

  /** Throws `CONG_ERR_PASSWORD_POLICY` (400) naming the broken rule; the password is never in the message. */
  async assert(password: string, identity: PasswordIdentity = {}): Promise<void> {
    const rule = await this.check(password, identity);
    if (rule !== undefined) {
      throw CONG_ERR_PASSWORD_POLICY.create(
        { rule },
        {
          errors: [{ in: 'body', pointer: '/password', message: describeRule(rule, this), keyword: `password-${rule}` }],
        },
      );
    }
  }
}

function describeRule(rule: PasswordRule, policy: PasswordPolicy): string {
  switch (rule) {
    case 'too-short':
      return `must have at least ${policy.minLength} characters`;
    case 'too-long':
      return `must have at most ${policy.maxLength} characters`;
    case 'common':
      return 'is too common';
    case 'matches-identity':
      return 'must differ from the username and e-mail address';
  }
}
