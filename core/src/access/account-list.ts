import { sql, type Kysely } from 'kysely';
import { fold } from '@cong/sdk';
import type { UsersTable, UserStatus } from '../auth/user-store.js';
import type { Database } from '../db/create-database.js';
import type { Grant } from './access-control.js';

/** Columns the account list sorts on (an allowlist: nothing else reaches `ORDER BY`). */
export const ACCOUNT_SORTS = ['username', 'displayName', 'createdAt', 'lastLoginAt'] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

const SORT_COLUMNS: Readonly<Record<AccountSort, 'u.username' | 'u.display_name' | 'u.created_at' | 'u.last_login_at'>> = {
  username: 'u.username',
  displayName: 'u.display_name',
  createdAt: 'u.created_at',
  lastLoginAt: 'u.last_login_at',
};

/**
 * Whose accounts a caller may see and manage.
 * - `all`: the province (the call names the root unit): every account, super-admins included.
 * - otherwise the caller's unit and every unit below it (`tenantIds`).
 */
export interface AccountScope {
  readonly all: boolean;
  readonly tenantIds: ReadonlySet<string>;
  /** Super-admin accounts are managed (2FA reset) only by super-admins. */
  readonly callerIsSuperAdmin: boolean;
}

/** The facts about an account the visibility rules read. */
export interface AccountFacts {
  readonly isSuperAdmin: boolean;
  readonly createdInTenantId: string | null;
}

/**
 * A unit admin sees an account when it holds at least one grant and every grant is in their subtree,
 * or when it was created in their subtree (an invitation before any grant). Super-admin accounts are
 * seen only from the province: they hold every permission everywhere, so no unit owns them, and
 * listing them to every unit admin would tell whom to phish.
 */
export function canSeeAccount(scope: AccountScope, account: AccountFacts, grants: readonly Grant[]): boolean {
  if (scope.all) return true;
  if (account.isSuperAdmin) return false;
  const inside = grants.every((g) => scope.tenantIds.has(g.tenantId));
  return (grants.length > 0 && inside) || (account.createdInTenantId !== null && scope.tenantIds.has(account.createdInTenantId));
}

/**
 * A caller may disable an account or reset its two-factor sign-in when every grant of the account is
 * in their subtree, and the account has a grant there or was created there. An account created by a
 * unit and later given a role elsewhere stays visible to the unit that created it, but only the
 * province manages it. Super-admin accounts: only by a super-admin.
 */
export function canManageAccount(scope: AccountScope, account: AccountFacts, grants: readonly Grant[]): boolean {
  if (account.isSuperAdmin) return scope.callerIsSuperAdmin;
  if (scope.all) return true;
  const inside = grants.every((g) => scope.tenantIds.has(g.tenantId));
  return inside && (grants.length > 0 || (account.createdInTenantId !== null && scope.tenantIds.has(account.createdInTenantId)));
}

/** A page request of {@link AccountList.list}. */
export interface AccountListQuery {
  /** Matches username, display name and address, diacritics folded: `nguyen van` finds "Nguyễn Văn". */
  readonly text?: string;
  readonly status?: UserStatus;
  readonly sort: AccountSort;
  readonly order: 'asc' | 'desc';
  readonly limit: number;
  readonly offset: number;
  readonly scope: AccountScope;
}

/** An account as the list shows it. */
export interface AccountListItem {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly status: UserStatus;
  readonly isSuperAdmin: boolean;
  readonly totpEnabled: boolean;
  readonly passwordSet: boolean;
  readonly createdAt: Date;
  readonly lastLoginAt: Date | null;
  readonly createdInTenantId: string | null;
}

interface ListTables {
  core_users: UsersTable;
  core_grants: { id: string; user_id: string; tenant_id: string };
}

/**
 * The staff account list of the admin shell: one SQL query per page and one for the total, with the
 * visibility rule ({@link canSeeAccount}) in the WHERE clause, so totals never count what the caller
 * may not see. Search runs on the folded copy `core_users.search_folded`.
 */
export class AccountList {
  readonly #db: Kysely<ListTables>;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db.kysely as Kysely<ListTables>;
  }

  async list(query: AccountListQuery): Promise<{ items: AccountListItem[]; total: number }> {
    const base = this.#filtered(query);
    const column = SORT_COLUMNS[query.sort];
    const [rows, count] = await Promise.all([
      base
        .select([
          'u.id',
          'u.username',
          'u.email',
          'u.display_name',
          'u.status',
          'u.is_super_admin',
          'u.totp_enabled',
          'u.created_at',
          'u.last_login_at',
          'u.created_in_tenant_id',
          sql<number>`case when u.password_hash = '!' then 0 else 1 end`.as('password_set'),
        ])
        .orderBy(column, query.order)
        .orderBy('u.id', query.order)
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      total: Number(count.n),
      items: rows.map((r) => ({
        id: r.id,
        username: r.username,
        displayName: r.display_name,
        email: r.email,
        status: r.status,
        isSuperAdmin: Number(r.is_super_admin) === 1,
        totpEnabled: Number(r.totp_enabled) === 1,
        passwordSet: Number(r.password_set) === 1,
        createdAt: new Date(Number(r.created_at)),
        lastLoginAt: r.last_login_at === null ? null : new Date(Number(r.last_login_at)),
        createdInTenantId: r.created_in_tenant_id,
      })),
    };
  }

  #filtered(query: AccountListQuery) {
    let q = this.#db.selectFrom('core_users as u');
    if (query.status) q = q.where('u.status', '=', query.status);
    const needle = query.text === undefined ? '' : fold(query.text).replace(/\s+/g, ' ').trim();
    // `!` escapes LIKE's wildcards: one escape character that SQLite and MySQL read alike (a
    // backslash is itself an escape in MySQL string literals).
    if (needle !== '') q = q.where(sql<boolean>`u.search_folded like ${`%${needle.replace(/[!%_]/g, '!$&')}%`} escape '!'`);
    if (!query.scope.all) {
      const units = [...query.scope.tenantIds];
      if (units.length === 0) return q.where(sql<boolean>`1 = 0`);
      q = q.where('u.is_super_admin', '=', 0).where((eb) =>
        eb.or([
          eb.and([
            eb.exists(eb.selectFrom('core_grants as g').select('g.id').whereRef('g.user_id', '=', 'u.id')),
            eb.not(eb.exists(eb.selectFrom('core_grants as o').select('o.id').whereRef('o.user_id', '=', 'u.id').where('o.tenant_id', 'not in', units))),
          ]),
          eb('u.created_in_tenant_id', 'in', units),
        ]),
      );
    }
    return q;
  }
}
