import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { InputError, type Principal } from '@cong/sdk';
import type { Database } from '../db/create-database.js';
import { hashToken } from './session-store.js';

/** Options of {@link ApiTokens}. */
export interface ApiTokensOptions {
  readonly db: Database;
  /**
   * `verify` writes `last_used_at` at most this often per token. Default is 60 s: the admin list
   * shows when a token was last used to the minute, without one write per API request.
   */
  readonly touchIntervalMs?: number;
  /** The clock, in epoch milliseconds. Default is `Date.now`; tests pass a fake one. */
  readonly now?: () => number;
}

/** Input of {@link ApiTokens.create}. */
export interface NewApiToken {
  /** What the token is for, shown in lists ("Đồng bộ cổng quốc gia"). 1 to 255 characters. */
  readonly name: string;
  /** The one tenant the token acts in; it is refused for any other. */
  readonly tenantId: string;
  /** Permission ids the token grants, at most 100. The caller grants only permissions the creator holds. */
  readonly permissions: readonly string[];
  /** When the token stops working; must be in the future. Default is never (null). */
  readonly expiresAt?: Date | null;
  /** The user who made it. Default is none (a system token). */
  readonly createdBy?: string | null;
}

/** A token as lists show it: everything but the secret. */
export interface ApiTokenInfo {
  readonly id: string;
  readonly name: string;
  /** `cong_<id>_<first 4 characters of the secret>…`, enough to recognise a token someone pasted. */
  readonly prefix: string;
  readonly tenantId: string;
  readonly permissions: readonly string[];
  readonly createdBy: string | null;
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
  readonly lastUsedAt: Date | null;
}

/** What a verified token grants. */
export interface VerifiedApiToken {
  readonly tokenId: string;
  readonly tenantId: string;
  readonly permissions: readonly string[];
  /** The token's name, for logs and {@link apiTokenPrincipal}. */
  readonly name: string;
}

interface ApiTokensTable {
  id: string;
  token_hash: string;
  prefix: string;
  name: string;
  created_by: string | null;
  tenant_id: string;
  permissions_json: string;
  expires_at: number | null;
  revoked_at: number | null;
  last_used_at: number | null;
  created_at: number;
}

interface ApiTokensDb {
  core_api_tokens: ApiTokensTable;
  core_users: { id: string; status: string };
}

/** `cong_` + a UUID (the row id, for the lookup) + `_` + 32 random bytes in base64url (the secret). */
const TOKEN_PATTERN = /^cong_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
const PERMISSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const MAX_PERMISSIONS = 100;
const MAX_NAME_LENGTH = 255;
const MAX_TENANT_ID_LENGTH = 64;

/** The principal of a request authenticated by an API token, for the request pipeline. */
export function apiTokenPrincipal(token: VerifiedApiToken): Principal {
  return Object.freeze({ id: token.tokenId, kind: 'token', displayName: token.name, permissions: new Set(token.permissions) });
}

/**
 * API tokens for machine clients in `core_api_tokens`. The plaintext (`cong_<id>_<secret>`) is
 * returned once, at creation; the table keeps its SHA-256, found by the id part and compared in
 * constant time. A token is scoped to one tenant and a fixed list of permissions, may expire, can be
 * revoked, and stops working when the user who made it is disabled.
 */
export class ApiTokens {
  readonly #kysely: Kysely<ApiTokensDb>;
  readonly #touchIntervalMs: number;
  readonly #now: () => number;

  constructor(options: ApiTokensOptions) {
    this.#kysely = options.db.kysely as Kysely<ApiTokensDb>;
    this.#touchIntervalMs = Math.max(0, options.touchIntervalMs ?? 60_000);
    this.#now = options.now ?? Date.now;
  }

  /** Creates a token. Throws `InputError` (400) for a bad name, tenant, permission or expiry. */
  async create(input: NewApiToken): Promise<{ readonly token: string; readonly info: ApiTokenInfo }> {
    const now = this.#now();
    const name = input.name.normalize('NFC').trim();
    if (name.length === 0 || name.length > MAX_NAME_LENGTH) invalid('/name', `must have 1 to ${MAX_NAME_LENGTH} characters`);
    if (input.tenantId.length === 0 || input.tenantId.length > MAX_TENANT_ID_LENGTH) invalid('/tenantId', 'is not a tenant id');
    if (input.permissions.length > MAX_PERMISSIONS) invalid('/permissions', `must have at most ${MAX_PERMISSIONS} items`);
    input.permissions.forEach((p, i) => {
      if (!PERMISSION_PATTERN.test(p)) invalid(`/permissions/${i}`, 'is not a permission id');
    });
    const expiresAt = input.expiresAt ? input.expiresAt.getTime() : null;
    if (expiresAt !== null && !(expiresAt > now)) invalid('/expiresAt', 'must be in the future');

    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    const token = `cong_${id}_${secret}`;
    const row: ApiTokensTable = {
      id,
      token_hash: hashToken(token),
      prefix: secret.slice(0, 4),
      name,
      created_by: input.createdBy ?? null,
      tenant_id: input.tenantId,
      permissions_json: JSON.stringify([...new Set(input.permissions)].sort()),
      expires_at: expiresAt,
      revoked_at: null,
      last_used_at: null,
      created_at: now,
    };
    await this.#kysely.insertInto('core_api_tokens').values(row).execute();
    return { token, info: toInfo(row) };
  }

  /**
   * What `token` grants, or undefined when it is malformed, unknown, tampered with, revoked,
   * expired, made by a now disabled user, or (with `tenantId`) for another tenant. Pass the
   * request's tenant: a token never acts outside the tenant it was made for.
   */
  async verify(token: string, options: { readonly tenantId?: string } = {}): Promise<VerifiedApiToken | undefined> {
    const match = TOKEN_PATTERN.exec(token);
    if (!match) return undefined;
    const row = await this.#kysely
      .selectFrom('core_api_tokens as t')
      .leftJoin('core_users as u', 'u.id', 't.created_by')
      .selectAll('t')
      .select('u.status as creator_status')
      .where('t.id', '=', match[1]!)
      .executeTakeFirst();
    if (!row) return undefined;
    const expected = Buffer.from(row.token_hash, 'hex');
    const actual = Buffer.from(hashToken(token), 'hex');
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
    const now = this.#now();
    if (row.revoked_at !== null) return undefined;
    if (row.expires_at !== null && now >= Number(row.expires_at)) return undefined;
    if (row.creator_status === 'disabled') return undefined;
    if (options.tenantId !== undefined && row.tenant_id !== options.tenantId) return undefined;
    if (row.last_used_at === null || now - Number(row.last_used_at) >= this.#touchIntervalMs) {
      await this.#kysely.updateTable('core_api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
    }
    return Object.freeze({ tokenId: row.id, tenantId: row.tenant_id, permissions: Object.freeze(parsePermissions(row.permissions_json)), name: row.name });
  }

  /** Revokes a token for good. With `tenantId`, only a token of that tenant. True when a live token was revoked. */
  async revoke(id: string, options: { readonly tenantId?: string } = {}): Promise<boolean> {
    let query = this.#kysely.updateTable('core_api_tokens').set({ revoked_at: this.#now() }).where('id', '=', id).where('revoked_at', 'is', null);
    if (options.tenantId !== undefined) query = query.where('tenant_id', '=', options.tenantId);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** The tenant's tokens, newest first, without secrets; revoked ones only with `includeRevoked`. */
  async list(tenantId: string, options: { readonly includeRevoked?: boolean } = {}): Promise<ApiTokenInfo[]> {
    let query = this.#kysely.selectFrom('core_api_tokens').selectAll().where('tenant_id', '=', tenantId);
    if (!options.includeRevoked) query = query.where('revoked_at', 'is', null);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id').execute();
    return rows.map(toInfo);
  }

  /** One page of {@link list} (newest first) and how many tokens there are in all. */
  async page(tenantId: string, options: { readonly limit: number; readonly offset: number; readonly includeRevoked?: boolean }): Promise<{ items: ApiTokenInfo[]; total: number }> {
    let query = this.#kysely.selectFrom('core_api_tokens').where('tenant_id', '=', tenantId);
    if (!options.includeRevoked) query = query.where('revoked_at', 'is', null);
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(options.limit).offset(options.offset).execute(),
      query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toInfo), total: Number(count.n) };
  }

  /** How many tokens of these units still work (not revoked, not expired). */
  async countActive(tenantIds: readonly string[]): Promise<number> {
    if (tenantIds.length === 0) return 0;
    const now = this.#now();
    const row = await this.#kysely
      .selectFrom('core_api_tokens')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('tenant_id', 'in', tenantIds)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

function toInfo(row: ApiTokensTable): ApiTokenInfo {
  return {
    id: row.id,
    name: row.name,
    prefix: `cong_${row.id}_${row.prefix}`,
    tenantId: row.tenant_id,
    permissions: parsePermissions(row.permissions_json),
    createdBy: row.created_by,
    createdAt: new Date(Number(row.created_at)),
    expiresAt: row.expires_at === null ? null : new Date(Number(row.expires_at)),
    revokedAt: row.revoked_at === null ? null : new Date(Number(row.revoked_at)),
    lastUsedAt: row.last_used_at === null ? null : new Date(Number(row.last_used_at)),
  };
}

function parsePermissions(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : [];
}

function invalid(pointer: string, message: string): never {
  throw new InputError(`${pointer.slice(1)} ${message}`, { errors: [{ in: 'body', pointer, message }] });
}
