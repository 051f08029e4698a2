import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/create-database.js';

/** Options of {@link SessionStore}. */
export interface SessionStoreOptions {
  readonly db: Database;
  /** A session unused this long ends. Default is 30 minutes (ASVS 3.3.2, level 2). */
  readonly idleTimeoutMs?: number;
  /** A session ends this long after sign-in, however busy. Default is 12 hours (ASVS 3.3.2). */
  readonly absoluteTimeoutMs?: number;
  /**
   * `get` writes `last_seen_at` at most this often. Default is 60 s: one write a minute per active
   * session instead of one per request, at the cost of the idle timeout running up to a minute early.
   */
  readonly touchIntervalMs?: number;
  /** The clock, in epoch milliseconds. Default is `Date.now`; tests pass a fake one to step time. */
  readonly now?: () => number;
}

/** A live session, as the request pipeline and "my sessions" see it. Never carries the token. */
export interface Session {
  /** SHA-256 of the token (hex): names the session in lists and in {@link SessionStore.revokeById}. */
  readonly id: string;
  readonly userId: string;
  readonly tenantId: string | null;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  /** When the absolute timeout ends the session. */
  readonly expiresAt: Date;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/** A session in {@link SessionStore.list}. */
export interface SessionListEntry extends Session {
  /** True for the session of the token passed as `current`. */
  readonly current: boolean;
}

/** Options of {@link SessionStore.create}. */
export interface CreateSessionOptions {
  readonly ip?: string;
  readonly userAgent?: string;
  readonly tenantId?: string | null;
  /**
   * The token of the session the browser had before signing in, revoked in the same step. The new
   * session always has a new token (no session fixation, ASVS 3.2.1); this only cleans up the old one.
   */
  readonly replaces?: string;
  readonly trx?: Transaction<any>;
}

/** Cookie attributes for the session token, in the shape Koa's `ctx.cookies.set` takes. */
export interface SessionCookieSettings {
  /** `__Host-sid` when secure: the prefix makes browsers insist on Secure, Path=/ and no Domain. */
  readonly name: '__Host-sid' | 'sid';
  readonly httpOnly: true;
  readonly secure: boolean;
  readonly sameSite: 'strict' | 'lax';
  readonly path: '/';
  /** The token is 256 random bits looked up server-side; a signature would add nothing. */
  readonly signed: false;
  readonly overwrite: true;
}

/**
 * The session cookie's attributes (ASVS 3.4.1–3.4.5): HttpOnly always; Secure and the `__Host-`
 * prefix when the site is served over TLS (`secure`, also behind a TLS-terminating proxy);
 * SameSite=Strict for the admin shell, Lax elsewhere so links from e-mail into the portal keep the
 * user signed in; Path=/. No Max-Age: a browser session cookie, the server enforcing both timeouts.
 * `admin` defaults to true: staff sessions are admin sessions unless the caller says otherwise.
 */
export function sessionCookie(options: { readonly secure: boolean; readonly admin?: boolean }): SessionCookieSettings {
  return Object.freeze({
    name: options.secure ? '__Host-sid' : 'sid',
    httpOnly: true,
    secure: options.secure,
    sameSite: options.admin === false ? 'lax' : 'strict',
    path: '/',
    signed: false,
    overwrite: true,
  });
}

interface SessionsTable {
  id: string;
  user_id: string;
  tenant_id: string | null;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  ip: string | null;
  user_agent: string | null;
  revoked_at: number | null;
}

interface SessionsDb {
  core_sessions: SessionsTable;
}

/** 32 random bytes in base64url without padding. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const MAX_IP_LENGTH = 64;
const MAX_USER_AGENT_LENGTH = 512;

/** SHA-256 of a token, hex: what the tables keep instead of bearer secrets. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Server-side sessions in `core_sessions`. The browser holds a random 256-bit token; the table holds
 * only its SHA-256, so a copy of the database cannot be replayed as cookies. Every sign-in gets a new
 * token ({@link create}); {@link get} enforces the idle and absolute timeouts; sessions can be listed
 * and revoked one by one or all at once ("log out everywhere", ASVS 3.3.4).
 */
export class SessionStore {
  readonly idleTimeoutMs: number;
  readonly absoluteTimeoutMs: number;
  readonly #kysely: Kysely<SessionsDb>;
  readonly #touchIntervalMs: number;
  readonly #now: () => number;

  constructor(options: SessionStoreOptions) {
    this.#kysely = options.db.kysely as Kysely<SessionsDb>;
    this.idleTimeoutMs = positive(options.idleTimeoutMs ?? 30 * 60_000, 'idleTimeoutMs');
    this.absoluteTimeoutMs = positive(options.absoluteTimeoutMs ?? 12 * 3_600_000, 'absoluteTimeoutMs');
    this.#touchIntervalMs = Math.max(0, options.touchIntervalMs ?? 60_000);
    this.#now = options.now ?? Date.now;
  }

  /** Starts a session for `userId` and returns its token, once: put it in the cookie, never log it. */
  async create(userId: string, options: CreateSessionOptions = {}): Promise<{ readonly token: string; readonly session: Session }> {
    const db = (options.trx as Transaction<SessionsDb> | undefined) ?? this.#kysely;
    const token = randomBytes(32).toString('base64url');
    const now = this.#now();
    const row: SessionsTable = {
      id: hashToken(token),
      user_id: userId,
      tenant_id: options.tenantId ?? null,
      created_at: now,
      last_seen_at: now,
      expires_at: now + this.absoluteTimeoutMs,
      ip: options.ip ? options.ip.slice(0, MAX_IP_LENGTH) : null,
      user_agent: options.userAgent ? options.userAgent.slice(0, MAX_USER_AGENT_LENGTH) : null,
      revoked_at: null,
    };
    if (options.replaces !== undefined) await this.#revokeHash(db, hashOf(options.replaces), now);
    await db.insertInto('core_sessions').values(row).execute();
    return { token, session: toSession(row) };
  }

  /**
   * The session of `token`, or undefined when the token is malformed, unknown, revoked, idle for
   * longer than the idle timeout or older than the absolute one. Refreshes `last_seen_at` (at most
   * once per touch interval).
   */
  async get(token: string): Promise<Session | undefined> {
    const id = hashOf(token);
    if (id === undefined) return undefined;
    const row = await this.#kysely.selectFrom('core_sessions').selectAll().where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    if (!row) return undefined;
    const now = this.#now();
    if (!this.#alive(row, now)) return undefined;
    if (now - Number(row.last_seen_at) >= this.#touchIntervalMs) {
      await this.#kysely.updateTable('core_sessions').set({ last_seen_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute();
      return toSession({ ...row, last_seen_at: now });
    }
    return toSession(row);
  }

  /** Ends the session of `token` (log out). True when a live session was revoked. */
  async revoke(token: string): Promise<boolean> {
    const id = hashOf(token);
    return id === undefined ? false : this.#revokeHash(this.#kysely, id, this.#now());
  }

  /** Ends one of `userId`'s sessions by its {@link Session.id}, from a "my sessions" list. */
  async revokeById(userId: string, sessionId: string): Promise<boolean> {
    const result = await this.#kysely
      .updateTable('core_sessions')
      .set({ revoked_at: this.#now() })
      .where('id', '=', sessionId)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Ends every session of `userId` ("log out everywhere"; also after a password reset), except the
   * one of the token `except` when given (the session the user clicked the button in). Returns how
   * many were revoked.
   */
  async revokeAll(userId: string, options: { readonly except?: string; readonly trx?: Transaction<any> } = {}): Promise<number> {
    const db = (options.trx as Transaction<SessionsDb> | undefined) ?? this.#kysely;
    let query = db.updateTable('core_sessions').set({ revoked_at: this.#now() }).where('user_id', '=', userId).where('revoked_at', 'is', null);
    const keep = options.except === undefined ? undefined : hashOf(options.except);
    if (keep !== undefined) query = query.where('id', '!=', keep);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** `userId`'s live sessions, most recently used first; `current` marks the caller's own. */
  async list(userId: string, options: { readonly current?: string } = {}): Promise<SessionListEntry[]> {
    const now = this.#now();
    const rows = await this.#kysely
      .selectFrom('core_sessions')
      .selectAll()
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .where('last_seen_at', '>', now - this.idleTimeoutMs)
      .orderBy('last_seen_at', 'desc')
      .orderBy('id')
      .execute();
    const current = options.current === undefined ? undefined : hashOf(options.current);
    return rows.filter((row) => this.#alive(row, now)).map((row) => ({ ...toSession(row), current: row.id === current }));
  }

  /** Deletes sessions that ended (expired, idle or revoked) before `olderThanMs` ago. Default: a day ago. */
  async purgeExpired(olderThanMs: number = 24 * 3_600_000): Promise<number> {
    const cutoff = this.#now() - olderThanMs;
    const result = await this.#kysely
      .deleteFrom('core_sessions')
      .where((eb) =>
        eb.or([eb('expires_at', '<', cutoff), eb('last_seen_at', '<', cutoff - this.idleTimeoutMs), eb('revoked_at', '<', cutoff)]),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  #alive(row: SessionsTable, now: number): boolean {
    return now < Number(row.expires_at) && now - Number(row.last_seen_at) < this.idleTimeoutMs;
  }

  async #revokeHash(db: Kysely<SessionsDb>, id: string | undefined, now: number): Promise<boolean> {
    if (id === undefined) return false;
    const result = await db.updateTable('core_sessions').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

/** The hash of a well-formed token; undefined for anything else, so junk never reaches the database. */
function hashOf(token: string): string | undefined {
  return TOKEN_PATTERN.test(token) ? hashToken(token) : undefined;
}

function toSession(row: SessionsTable): Session {
  return {
    id: row.id,
    userId: row.user_id,
    tenantId: row.tenant_id,
    createdAt: new Date(Number(row.created_at)),
    lastSeenAt: new Date(Number(row.last_seen_at)),
    expiresAt: new Date(Number(row.expires_at)),
    ip: row.ip,
    userAgent: row.user_agent,
  };
}

function positive(value: number, name: string): number {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`SessionStore option ${name} must be a positive number, got ${value}`);
  return value;
}
