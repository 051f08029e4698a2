import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { ConflictError, NotFoundError, fold } from '@cong/sdk';
import type { Database } from '../db/create-database.js';
import { CONG_ERR_TOTP_INVALID, CONG_ERR_USER_EXISTS } from '../errors.js';
import { checkEmail, checkUsername, normalizeEmail, normalizeUsername } from './identifiers.js';
import type { LoginLimiter } from './login-limiter.js';
import { PasswordHasher } from './password-hasher.js';
import { PasswordPolicy } from './password-policy.js';
import { PLAIN_SECRETS, type SecretSealer } from './secret-box.js';

/** Options of {@link UserStore}. */
export interface UserStoreOptions {
  readonly db: Database;
  /** The login throttle {@link UserStore.authenticate} consults first (see {@link createLoginLimiter}). */
  readonly limiter: LoginLimiter;
  /** Default is argon2id with the OWASP parameters. */
  readonly hasher?: PasswordHasher;
  /** Default is 12–128 code points, no common passwords, not the username or e-mail address. */
  readonly policy?: PasswordPolicy;
  /**
   * Super-admins without two-factor sign-in get `totp-enrolment-required` instead of `ok`, so the
   * admin shell can make them enrol before anything else (ASVS 4.3.1). Default is false, so that a
   * fresh installation's first administrator can sign in before a phone is at hand.
   */
  readonly requireTotpForSuperAdmins?: boolean;
  /** The clock, in epoch milliseconds. Default is `Date.now`; tests pass a fake one. */
  readonly now?: () => number;
  /**
   * Seals TOTP seeds before they are stored (the platform passes a {@link SecretBox} keyed by
   * `auth.secretKey` or the data directory's key file). Default stores them as they are.
   */
  readonly secrets?: SecretSealer;
}

/** Whether an account may sign in. Accounts are disabled, never deleted, so audit entries keep their actor. */
export type UserStatus = 'active' | 'disabled';

/** A staff account, without its password hash or TOTP secret. */
export interface User {
  readonly id: string;
  /** The normalised username (NFKC, lower case): the one to show and to sign in with. */
  readonly username: string;
  readonly email: string | null;
  readonly displayName: string;
  readonly status: UserStatus;
  readonly isSuperAdmin: boolean;
  readonly totpEnabled: boolean;
  /** Consecutive failed sign-ins since the last success, for the admin list. */
  readonly failedLogins: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly passwordChangedAt: Date;
  readonly lastLoginAt: Date | null;
  /** False for an invited account whose holder has not set a password yet (it cannot sign in). */
  readonly passwordSet: boolean;
  /** The unit the account was created in (the unit the creating call named); null for older, CLI and demo accounts. */
  readonly createdInTenantId: string | null;
  /** Who created it; null for the CLI, the demo and older accounts. */
  readonly createdBy: string | null;
}

/** Input of {@link UserStore.create}. */
export interface NewUser {
  readonly username: string;
  /**
   * `null` for an invitation: the account is created without a usable password and cannot sign in
   * until its holder sets one through a link ({@link PasswordReset.invite}).
   */
  readonly password: string | null;
  /** Default is the username. */
  readonly displayName?: string;
  /** Needed for password reset by e-mail. Default is none. */
  readonly email?: string | null;
  /** Default is false. */
  readonly isSuperAdmin?: boolean;
  /** The unit the creating call named, for the unit admins' account list. Default is none. */
  readonly createdInTenantId?: string | null;
  /** The creating user's id. Default is none. */
  readonly createdBy?: string | null;
}

/**
 * The outcome of {@link UserStore.authenticate}. `invalid` never says whether the username or the
 * password was wrong; `disabled` is only answered to someone who gave the right password.
 */
export type AuthenticationResult =
  | { readonly kind: 'ok'; readonly user: User }
  /** Password right, the account has two-factor sign-in: ask for the code and call again with `totpCode`. */
  | { readonly kind: 'totp-required' }
  /** Password right, but a super-admin must enrol in two-factor sign-in first (`requireTotpForSuperAdmins`). */
  | { readonly kind: 'totp-enrolment-required'; readonly user: User }
  | { readonly kind: 'invalid' }
  /** Refused by the login throttle, whatever the credentials; answer 429 with `Retry-After`. */
  | { readonly kind: 'throttled'; readonly retryAfterSeconds: number }
  | { readonly kind: 'disabled' };

/** Options of {@link UserStore.authenticate}. */
export interface AuthenticateOptions {
  /** The client's address, for the per-address throttle. */
  readonly ip: string;
  /** The 6-digit code, for accounts with two-factor sign-in. */
  readonly totpCode?: string;
}

/** The `core_users` row (integers for booleans and epoch milliseconds, as both dialects store them). */
export interface UsersTable {
  id: string;
  username: string;
  email: string | null;
  display_name: string;
  password_hash: string;
  status: UserStatus;
  is_super_admin: number;
  totp_secret: string | null;
  totp_enabled: number;
  totp_last_step: number | null;
  failed_logins: number;
  created_at: number;
  updated_at: number;
  password_changed_at: number;
  last_login_at: number | null;
  created_in_tenant_id: string | null;
  created_by: string | null;
  search_folded: string;
}

interface UsersDb {
  core_users: UsersTable;
  core_sessions: { user_id: string; revoked_at: number | null };
}

const MAX_DISPLAY_NAME_LENGTH = 255;

/**
 * The password hash of an account without a usable password (an invitation not yet accepted): not a
 * PHC string, so no password ever verifies against it.
 */
export const NO_PASSWORD = '!';

/** What the account list searches: username, display name and address, folded (`fold`). */
export function userSearchText(username: string, displayName: string, email: string | null): string {
  return fold(`${username} ${displayName} ${email ?? ''}`).trim().slice(0, 720);
}

/**
 * Staff accounts in `core_users`: creation with the password policy, argon2id hashes, sign-in behind
 * the login throttle, and TOTP two-factor sign-in. Usernames are stored normalised (NFKC, lower
 * case), so `Admin` signs in as `admin` and two accounts can never differ only in case or width.
 */
export class UserStore {
  readonly hasher: PasswordHasher;
  readonly policy: PasswordPolicy;
  readonly #kysely: Kysely<UsersDb>;
  readonly #limiter: LoginLimiter;
  readonly #requireTotpForSuperAdmins: boolean;
  readonly #now: () => number;
  readonly #secrets: SecretSealer;

  constructor(options: UserStoreOptions) {
    this.#kysely = options.db.kysely as Kysely<UsersDb>;
    this.#limiter = options.limiter;
    this.hasher = options.hasher ?? new PasswordHasher();
    this.policy = options.policy ?? new PasswordPolicy();
    this.#requireTotpForSuperAdmins = options.requireTotpForSuperAdmins ?? false;
    this.#now = options.now ?? Date.now;
    this.#secrets = options.secrets ?? PLAIN_SECRETS;
  }

  /**
   * Creates an active account. Throws `InputError` (400) for a malformed username or e-mail address,
   * `CONG_ERR_PASSWORD_POLICY` (400) for a refused password and `CONG_ERR_USER_EXISTS` (409) when the
   * username or address is taken. Only administrators create accounts, so naming the clash is safe.
   * With `trx`, the account is written in the caller's transaction (with the invitation link and its
   * mail, the audit entry).
   */
  async create(input: NewUser, options: { readonly trx?: Transaction<any> } = {}): Promise<User> {
    const db = (options.trx as Transaction<UsersDb> | undefined) ?? this.#kysely;
    const username = checkUsername(input.username);
    const email = input.email ? checkEmail(input.email) : null;
    const displayName = (input.displayName ?? username).normalize('NFC').trim().slice(0, MAX_DISPLAY_NAME_LENGTH) || username;
    if (input.password !== null) await this.policy.assert(input.password, { username, email });
    await this.#assertFree(username, email, db);
    const hash = input.password === null ? NO_PASSWORD : await this.hasher.hash(input.password);
    const now = this.#now();
    const row: UsersTable = {
      id: randomUUID(),
      username,
      email,
      display_name: displayName,
      password_hash: hash,
      status: 'active',
      is_super_admin: input.isSuperAdmin ? 1 : 0,
      totp_secret: null,
      totp_enabled: 0,
      totp_last_step: null,
      failed_logins: 0,
      created_at: now,
      updated_at: now,
      password_changed_at: now,
      last_login_at: null,
      created_in_tenant_id: input.createdInTenantId ?? null,
      created_by: input.createdBy ?? null,
      search_folded: userSearchText(username, displayName, email),
    };
    try {
      await db.insertInto('core_users').values(row).execute();
    } catch (cause) {
      // Another request took the name between the check and the insert.
      if (isUniqueViolation(cause)) {
        await this.#assertFree(username, email, db);
        throw CONG_ERR_USER_EXISTS.create({ field: 'username' }, { cause });
      }
      throw cause;
    }
    return toUser(row);
  }

  async findById(id: string): Promise<User | undefined> {
    const row = await this.#kysely.selectFrom('core_users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  }

  /** Looks the username up in its normalised form: `Admin` finds `admin`. */
  async findByUsername(username: string): Promise<User | undefined> {
    const row = await this.#row(normalizeUsername(username));
    return row && toUser(row);
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const row = await this.#kysely.selectFrom('core_users').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
    return row && toUser(row);
  }

  /** The account a "forgot password" form names: by e-mail address when it has an `@` and one matches, else by username. */
  async findByLogin(emailOrUsername: string): Promise<User | undefined> {
    if (emailOrUsername.includes('@')) {
      const byEmail = await this.findByEmail(emailOrUsername);
      if (byEmail) return byEmail;
    }
    return this.findByUsername(emailOrUsername);
  }

  /**
   * Sets a new password after checking the policy against the account's username and address. The
   * caller decides about sessions (a reset revokes them all; a change revokes the others). Throws
   * `NotFoundError` for an unknown id. With `trx`, the ~30 ms of hashing happen inside the caller's
   * transaction; check the policy first ({@link PasswordPolicy.assert}) so that refusals cost nothing.
   */
  async setPassword(userId: string, password: string, options: { readonly trx?: Transaction<any> } = {}): Promise<void> {
    // Inside a caller's transaction every query must go through it: on SQLite a query outside would
    // wait for the connection the transaction holds, for ever.
    const db = (options.trx as Transaction<UsersDb> | undefined) ?? this.#kysely;
    const row = await db.selectFrom('core_users').select(['username', 'email']).where('id', '=', userId).executeTakeFirst();
    if (!row) throw new NotFoundError('No such user');
    await this.policy.assert(password, { username: row.username, email: row.email });
    const hash = await this.hasher.hash(password);
    const now = this.#now();
    await db
      .updateTable('core_users')
      .set({ password_hash: hash, password_changed_at: now, updated_at: now, failed_logins: 0 })
      .where('id', '=', userId)
      .execute();
  }

  /** Stops the account from signing in and ends all its sessions, in one transaction (the caller's `trx` when given). */
  async disable(userId: string, options: { readonly trx?: Transaction<any> } = {}): Promise<void> {
    const work = async (trx: Transaction<UsersDb>) => {
      const now = this.#now();
      const result = await trx.updateTable('core_users').set({ status: 'disabled', updated_at: now }).where('id', '=', userId).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new NotFoundError('No such user');
      // Sessions are SessionStore's table, revoked here too so no disabled account keeps a live session.
      await trx.updateTable('core_sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
    };
    if (options.trx) await work(options.trx as Transaction<UsersDb>);
    else await this.#kysely.transaction().execute(work);
  }

  /** Lets a disabled account sign in again. */
  async enable(userId: string): Promise<void> {
    const result = await this.#kysely.updateTable('core_users').set({ status: 'active', updated_at: this.#now() }).where('id', '=', userId).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new NotFoundError('No such user');
  }

  /**
   * Checks a sign-in. In order: the login throttle (per account and per address; a refused attempt
   * is not even checked), the password (verified against a dummy hash when the account does not
   * exist, so unknown usernames cost the same time as wrong passwords), the account status, and the
   * second factor. A success clears the account's failure count and upgrades an outdated hash. The
   * caller then creates a new session ({@link SessionStore.create}) for an `ok`.
   */
  async authenticate(username: string, password: string, options: AuthenticateOptions): Promise<AuthenticationResult> {
    const key = normalizeUsername(username);
    const attempt = await this.#limiter.consume(key, options.ip);
    if (!attempt.allowed) return { kind: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds };

    const row = await this.#row(key);
    if (!row || row.password_hash === NO_PASSWORD) {
      // An invitation not yet accepted answers like an unknown account, in the same time.
      await this.hasher.verifyDummy(password);
      return { kind: 'invalid' };
    }
    if (!(await this.hasher.verify(row.password_hash, password))) {
      await this.#countFailure(row.id);
      return { kind: 'invalid' };
    }
    if (row.status !== 'active') return { kind: 'disabled' };

    if (Number(row.totp_enabled) === 1 && row.totp_secret) {
      if (options.totpCode === undefined || options.totpCode.trim() === '') {
        // Not a failure, not a success yet: the next call brings the code and is counted on its own.
        await this.#limiter.refund(key, options.ip);
        return { kind: 'totp-required' };
      }
      if (!(await this.#acceptTotp(row, options.totpCode))) {
        await this.#countFailure(row.id);
        return { kind: 'invalid' };
      }
    }

    await this.#limiter.succeed(key, options.ip);
    const now = this.#now();
    const update: Partial<UsersTable> = { last_login_at: now, failed_logins: 0 };
    // Parameters were raised since this hash was made: store one with the current ones while the
    // plaintext is at hand (the only moment it is).
    if (this.hasher.needsRehash(row.password_hash)) update.password_hash = await this.hasher.hash(password);
    await this.#kysely.updateTable('core_users').set(update).where('id', '=', row.id).execute();
    const user = toUser({ ...row, ...update });
    if (this.#requireTotpForSuperAdmins && Number(row.is_super_admin) === 1 && Number(row.totp_enabled) !== 1) {
      return { kind: 'totp-enrolment-required', user };
    }
    return { kind: 'ok', user };
  }

  /**
   * Starts TOTP enrolment: stores a new secret (not yet trusted) and returns it with its `otpauth://`
   * URI for the QR code. Sign-in does not ask for codes until {@link enableTotp} has seen a valid one.
   * Refused with a conflict when two-factor sign-in is already on: turn it off first.
   */
  async beginTotpEnrolment(userId: string): Promise<{ readonly secret: string; readonly uri: string }> {
    const user = await this.findById(userId);
    if (!user) throw new NotFoundError('No such user');
    if (user.totpEnabled) throw new ConflictError('Two-factor sign-in is already on; turn it off before enrolling again');
    const { generateTotpSecret, totpKeyUri } = await loadTotp();
    const secret = generateTotpSecret();
    await this.#kysely
      .updateTable('core_users')
      .set({ totp_secret: this.#secrets.seal(secret), totp_enabled: 0, totp_last_step: null, updated_at: this.#now() })
      .where('id', '=', userId)
      .execute();
    return { secret, uri: totpKeyUri(secret, user.username) };
  }

  /** Turns two-factor sign-in on once `code` proves the app holds the enrolled secret; else `CONG_ERR_TOTP_INVALID` (400). */
  async enableTotp(userId: string, code: string): Promise<void> {
    const row = await this.#kysely.selectFrom('core_users').selectAll().where('id', '=', userId).executeTakeFirst();
    if (!row) throw new NotFoundError('No such user');
    if (Number(row.totp_enabled) === 1) throw new ConflictError('Two-factor sign-in is already on');
    if (!row.totp_secret) throw CONG_ERR_TOTP_INVALID.create();
    const { verifyTotp } = await loadTotp();
    const step = verifyTotp(this.#secrets.open(row.totp_secret), code, { now: this.#now(), lastStep: row.totp_last_step === null ? null : Number(row.totp_last_step) });
    if (step === undefined) throw CONG_ERR_TOTP_INVALID.create();
    const result = await this.#kysely
      .updateTable('core_users')
      .set({ totp_enabled: 1, totp_last_step: step, updated_at: this.#now() })
      .where('id', '=', userId)
      .where('totp_enabled', '=', 0)
      .where('totp_secret', '=', row.totp_secret)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw CONG_ERR_TOTP_INVALID.create();
  }

  /**
   * Turns two-factor sign-in off and forgets the secret. Re-authenticate the user before calling this
   * (or, for an administrator's reset, end the account's sessions in the same `trx`).
   */
  async disableTotp(userId: string, options: { readonly trx?: Transaction<any> } = {}): Promise<void> {
    const db = (options.trx as Transaction<UsersDb> | undefined) ?? this.#kysely;
    const result = await db
      .updateTable('core_users')
      .set({ totp_secret: null, totp_enabled: 0, totp_last_step: null, updated_at: this.#now() })
      .where('id', '=', userId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new NotFoundError('No such user');
  }

  /**
   * Checks a code of an enrolled account, for re-authentication before a sensitive operation (ASVS
   * 3.7.1); a code is accepted once. Not throttled here: the caller limits attempts.
   */
  async verifyTotp(userId: string, code: string): Promise<boolean> {
    const row = await this.#kysely.selectFrom('core_users').selectAll().where('id', '=', userId).executeTakeFirst();
    return row !== undefined && Number(row.totp_enabled) === 1 && (await this.#acceptTotp(row, code));
  }

  /** Verifies the code and records its step, refusing a step at or before the last one (replay), also under a race. */
  async #acceptTotp(row: UsersTable, code: string): Promise<boolean> {
    if (!row.totp_secret) return false;
    const lastStep = row.totp_last_step === null ? null : Number(row.totp_last_step);
    const { verifyTotp } = await loadTotp();
    const step = verifyTotp(this.#secrets.open(row.totp_secret), code, { now: this.#now(), lastStep });
    if (step === undefined) return false;
    const result = await this.#kysely
      .updateTable('core_users')
      .set({ totp_last_step: step })
      .where('id', '=', row.id)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async #countFailure(userId: string): Promise<void> {
    await this.#kysely
      .updateTable('core_users')
      .set({ failed_logins: sql<number>`failed_logins + 1` })
      .where('id', '=', userId)
      .execute();
  }

  #row(normalizedUsername: string): Promise<UsersTable | undefined> {
    return this.#kysely.selectFrom('core_users').selectAll().where('username', '=', normalizedUsername).executeTakeFirst();
  }

  async #assertFree(username: string, email: string | null, db: Kysely<UsersDb> | Transaction<UsersDb> = this.#kysely): Promise<void> {
    if (await db.selectFrom('core_users').select('id').where('username', '=', username).executeTakeFirst()) throw CONG_ERR_USER_EXISTS.create({ field: 'username' });
    if (email !== null) {
      const taken = await db.selectFrom('core_users').select('id').where('email', '=', email).executeTakeFirst();
      if (taken) throw CONG_ERR_USER_EXISTS.create({ field: 'email' });
    }
  }
}

function toUser(row: UsersTable): User {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    displayName: row.display_name,
    status: row.status,
    isSuperAdmin: Number(row.is_super_admin) === 1,
    totpEnabled: Number(row.totp_enabled) === 1,
    failedLogins: Number(row.failed_logins),
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
    passwordChangedAt: new Date(Number(row.password_changed_at)),
    lastLoginAt: row.last_login_at === null ? null : new Date(Number(row.last_login_at)),
    passwordSet: row.password_hash !== NO_PASSWORD,
    createdInTenantId: row.created_in_tenant_id ?? null,
    createdBy: row.created_by ?? null,
  };
}

/** SQLite `SQLITE_CONSTRAINT_UNIQUE` / `SQLITE_CONSTRAINT_PRIMARYKEY`, MySQL errno 1062 (`ER_DUP_ENTRY`). */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; errno?: unknown };
  return e?.errno === 1062 || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** TOTP code (and its libraries) loaded when an account first uses two-factor sign-in, not at start. */
function loadTotp(): Promise<typeof import('./totp.js')> {
  return import('./totp.js');
}
