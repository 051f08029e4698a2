import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { MailMessage, MailService } from '@cong/sdk';
import type { Database } from '../db/create-database.js';
import { CONG_ERR_RESET_TOKEN_INVALID } from '../errors.js';
import { hashToken, type SessionStore } from './session-store.js';
import type { User, UserStore } from './user-store.js';

/** What {@link PasswordResetOptions.message} receives. */
export interface PasswordResetMessageInput {
  readonly user: User;
  /** The link with the token, from `resetUrl`. */
  readonly url: string;
  /** How long the link works, in whole minutes. */
  readonly validMinutes: number;
}

/** Options of {@link PasswordReset}. */
export interface PasswordResetOptions {
  readonly db: Database;
  readonly users: UserStore;
  /** Every session of the account ends when its password is reset. */
  readonly sessions: SessionStore;
  /**
   * How long a link works. Default is 30 minutes: time to switch to the mail client and back, short
   * enough that a link found later in a forwarded or archived mail is dead.
   */
  readonly ttlMs?: number;
  /** Subject and body of the mail. Default is a short Vietnamese message ({@link defaultPasswordResetMessage}). */
  readonly message?: (input: PasswordResetMessageInput) => Pick<MailMessage, 'subject' | 'text' | 'html'>;
  /**
   * How long an invitation link works. Default is 72 hours: an invitation waits for someone who did
   * not ask for it, possibly over a weekend; "forgot password" gives a fresh link after that.
   */
  readonly invitationTtlMs?: number;
  /** Subject and body of the invitation. Default is {@link defaultInvitationMessage}. */
  readonly invitationMessage?: (input: PasswordResetMessageInput) => Pick<MailMessage, 'subject' | 'text' | 'html'>;
  /** The clock, in epoch milliseconds. Default is `Date.now`; tests pass a fake one. */
  readonly now?: () => number;
}

/** Options of {@link PasswordReset.request}. */
export interface PasswordResetRequestOptions {
  readonly mail: MailService;
  /** The page that reads the token and asks for the new password, e.g. `t => \`https://…/admin/core/reset?token=${t}\``. */
  readonly resetUrl: (token: string) => string;
}

interface ResetsTable {
  token_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

interface ResetsDb {
  core_password_resets: ResetsTable;
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The default mail: Vietnamese, plain text, the link and its lifetime, and what to do if unasked. */
export function defaultPasswordResetMessage(input: PasswordResetMessageInput): Pick<MailMessage, 'subject' | 'text'> {
  return {
    subject: 'Đặt lại mật khẩu',
    text:
      `Xin chào ${input.user.displayName},\n\n` +
      `Có yêu cầu đặt lại mật khẩu cho tài khoản ${input.user.username}. ` +
      `Mở liên kết sau trong vòng ${input.validMinutes} phút để đặt mật khẩu mới (liên kết chỉ dùng được một lần):\n\n` +
      `${input.url}\n\n` +
      'Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên.\n',
  };
}

/** The default invitation: Vietnamese, plain text, the link to set a first password and its lifetime. */
export function defaultInvitationMessage(input: PasswordResetMessageInput): Pick<MailMessage, 'subject' | 'text'> {
  const hours = Math.round(input.validMinutes / 60);
  return {
    subject: 'Mời sử dụng tài khoản quản trị',
    text:
      `Xin chào ${input.user.displayName},\n\n` +
      `Một tài khoản quản trị đã được tạo cho bạn với tên đăng nhập ${input.user.username}. ` +
      `Mở liên kết sau trong vòng ${hours >= 1 ? `${hours} giờ` : `${input.validMinutes} phút`} để đặt mật khẩu (liên kết chỉ dùng được một lần):\n\n` +
      `${input.url}\n\n` +
      'Nếu bạn không chờ thư này, hãy bỏ qua nó: tài khoản không dùng được khi chưa đặt mật khẩu.\n',
  };
}

/**
 * Password reset by e-mail link. {@link request} answers the same whether or not the account exists
 * (no account enumeration): it mails a link only to an active account with an address.
 * Tokens are 256 random bits, stored as SHA-256, valid for 30 minutes and once; a new request voids
 * the account's older links. {@link complete} sets the new password and ends every session of the
 * account, so whoever knew the old password is signed out too.
 */
export class PasswordReset {
  readonly ttlMs: number;
  readonly invitationTtlMs: number;
  readonly #kysely: Kysely<ResetsDb>;
  readonly #users: UserStore;
  readonly #sessions: SessionStore;
  readonly #message: (input: PasswordResetMessageInput) => Pick<MailMessage, 'subject' | 'text' | 'html'>;
  readonly #invitationMessage: (input: PasswordResetMessageInput) => Pick<MailMessage, 'subject' | 'text' | 'html'>;
  readonly #now: () => number;

  constructor(options: PasswordResetOptions) {
    this.#kysely = options.db.kysely as Kysely<ResetsDb>;
    this.#users = options.users;
    this.#sessions = options.sessions;
    this.ttlMs = options.ttlMs ?? 30 * 60_000;
    if (!(this.ttlMs > 0)) throw new RangeError(`PasswordReset option ttlMs must be positive, got ${this.ttlMs}`);
    this.#message = options.message ?? defaultPasswordResetMessage;
    this.invitationTtlMs = options.invitationTtlMs ?? 72 * 3_600_000;
    if (!(this.invitationTtlMs > 0)) throw new RangeError(`PasswordReset option invitationTtlMs must be positive, got ${this.invitationTtlMs}`);
    this.#invitationMessage = options.invitationMessage ?? defaultInvitationMessage;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Handles a "forgot password" form naming an e-mail address or a username. Always resolves to
   * undefined, whatever happened: the route answers one fixed message ("if the account exists, a mail
   * is on its way"). The token row, the voiding of older links and the mail (queued in the outbox)
   * commit in one transaction.
   */
  async request(emailOrUsername: string, options: PasswordResetRequestOptions): Promise<void> {
    const user = await this.#users.findByLogin(emailOrUsername);
    if (!user || user.status !== 'active' || !user.email) return;
    const token = randomBytes(32).toString('base64url');
    const now = this.#now();
    const message = this.#message({ user, url: options.resetUrl(token), validMinutes: Math.round(this.ttlMs / 60_000) });
    await this.#kysely.transaction().execute(async (trx) => {
      await trx
        .updateTable('core_password_resets')
        .set({ used_at: now })
        .where('user_id', '=', user.id)
        .where('used_at', 'is', null)
        .execute();
      await trx
        .insertInto('core_password_resets')
        .values({ token_hash: hashToken(token), user_id: user.id, created_at: now, expires_at: now + this.ttlMs, used_at: null })
        .execute();
      await options.mail.send({ to: user.email!, ...message }, { trx });
    });
  }

  /**
   * Sends an invitation: a link, like a reset link but valid for {@link invitationTtlMs}, with which
   * the holder of a new account sets its first password ({@link complete}). The token row, the voiding
   * of older links and the queued mail are written in `trx`, the transaction that created the account,
   * so an account never exists without its invitation or the other way round.
   */
  async invite(user: User, options: PasswordResetRequestOptions & { readonly trx: Transaction<any> }): Promise<void> {
    if (!user.email) throw new RangeError('An invitation needs an e-mail address');
    const token = randomBytes(32).toString('base64url');
    const now = this.#now();
    const message = this.#invitationMessage({ user, url: options.resetUrl(token), validMinutes: Math.round(this.invitationTtlMs / 60_000) });
    const trx = options.trx as Transaction<ResetsDb>;
    await trx.updateTable('core_password_resets').set({ used_at: now }).where('user_id', '=', user.id).where('used_at', 'is', null).execute();
    await trx
      .insertInto('core_password_resets')
      .values({ token_hash: hashToken(token), user_id: user.id, created_at: now, expires_at: now + this.invitationTtlMs, used_at: null })
      .execute();
    await options.mail.send({ to: user.email, ...message }, { trx: options.trx });
  }

  /** True when `token` is a live link: for the reset page, to show the form or "this link has expired". */
  async isValid(token: string): Promise<boolean> {
    return (await this.#live(this.#kysely, token)) !== undefined;
  }

  /**
   * Sets the new password of the link's account, uses the link up and ends all the account's
   * sessions, in one transaction. Throws `CONG_ERR_RESET_TOKEN_INVALID` (400) for a link that is
   * malformed, unknown, used, voided or expired (one answer for all), and `CONG_ERR_PASSWORD_POLICY`
   * (400) for a refused password, in which case the link still works. Returns the account's id, for
   * the audit log and the "your password was changed" notice.
   */
  async complete(token: string, newPassword: string): Promise<{ readonly userId: string }> {
    const row = await this.#live(this.#kysely, token);
    if (!row) throw CONG_ERR_RESET_TOKEN_INVALID.create();
    const user = await this.#users.findById(row.user_id);
    if (!user || user.status !== 'active') throw CONG_ERR_RESET_TOKEN_INVALID.create();
    // Refuse a weak password before the link is used up, so the user can try another.
    await this.#users.policy.assert(newPassword, { username: user.username, email: user.email });
    await this.#kysely.transaction().execute(async (trx) => {
      const now = this.#now();
      const claimed = await trx
        .updateTable('core_password_resets')
        .set({ used_at: now })
        .where('token_hash', '=', row.token_hash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      // A second request with the same link got here first.
      if (Number(claimed.numUpdatedRows) === 0) throw CONG_ERR_RESET_TOKEN_INVALID.create();
      await this.#users.setPassword(user.id, newPassword, { trx });
      await this.#sessions.revokeAll(user.id, { trx });
    });
    return { userId: user.id };
  }

  /** Deletes links that expired more than `olderThanMs` ago (default a day), used or not. */
  async purgeExpired(olderThanMs: number = 24 * 3_600_000): Promise<number> {
    const result = await this.#kysely.deleteFrom('core_password_resets').where('expires_at', '<', this.#now() - olderThanMs).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async #live(db: Kysely<ResetsDb> | Transaction<ResetsDb>, token: string): Promise<ResetsTable | undefined> {
    if (!TOKEN_PATTERN.test(token)) return undefined;
    return db
      .selectFrom('core_password_resets')
      .selectAll()
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', this.#now())
      .executeTakeFirst();
  }
}
