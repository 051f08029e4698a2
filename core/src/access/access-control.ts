import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ConflictError, InputError, NotFoundError } from '@cong/sdk';
import type { Database } from '../db/create-database.js';
import type { TenantDirectory } from '../tenancy/tenant-directory.js';
import { BUILTIN_ROLES } from './core-permissions.js';
import { expandPermission, isKnownPermissionEntry } from './permission-patterns.js';

interface AccessTables {
  core_roles: { id: string; label_vi: string; label_en: string | null; permissions_json: string; builtin: number; updated_at: number };
  core_grants: { id: string; user_id: string; tenant_id: string; role_id: string; subtree: number; created_at: number; created_by: string | null };
}

/** A role: a named set of permissions (`*` and `<plugin>.*` are wildcards). */
export interface Role {
  readonly id: string;
  readonly labelVi: string;
  readonly labelEn: string | null;
  readonly permissions: readonly string[];
  readonly builtin: boolean;
}

/** A user's role in a unit, and optionally in every unit below it. */
export interface Grant {
  readonly id: string;
  readonly userId: string;
  readonly tenantId: string;
  readonly roleId: string;
  readonly subtree: boolean;
}

/** What a user may do in one unit. `member` is false when no grant reaches the unit at all. */
export interface TenantAccess {
  readonly member: boolean;
  readonly permissions: ReadonlySet<string>;
}

/**
 * Roles and grants (CORE-14): a grant gives a user a role in a unit, inherited down the tree when
 * `subtree` is set. Permissions for a unit are the union of the roles of every grant that reaches it,
 * with wildcards expanded against the permissions that exist. A user with no grant reaching a unit is
 * not a member there: the HTTP edge answers 404, never 403, so a unit's existence does not leak.
 */
export class AccessControl {
  readonly #db: Kysely<AccessTables>;
  readonly #now: () => number;

  constructor(
    private readonly options: {
      readonly db: Database;
      readonly directory: TenantDirectory;
      /** Every permission that exists: the core's and the loaded plugins'. */
      readonly knownPermissions: () => readonly string[];
      readonly now?: () => number;
    },
  ) {
    this.#db = options.db.kysely as Kysely<AccessTables>;
    this.#now = options.now ?? Date.now;
  }

  /** Every permission that exists: the core's and the loaded plugins'. */
  knownPermissions(): readonly string[] {
    return this.options.knownPermissions();
  }

  /** Creates the built-in roles that are missing (never changes an admin's edits to them). */
  async ensureBuiltinRoles(): Promise<void> {
    const existing = new Set((await this.#db.selectFrom('core_roles').select('id').execute()).map((r) => r.id));
    for (const role of BUILTIN_ROLES) {
      if (existing.has(role.id)) continue;
      await this.#db
        .insertInto('core_roles')
        .values({ id: role.id, label_vi: role.label.vi, label_en: role.label.en ?? null, permissions_json: JSON.stringify(role.permissions), builtin: 1, updated_at: this.#now() })
        .execute();
    }
  }

  async roles(): Promise<Role[]> {
    const rows = await this.#db.selectFrom('core_roles').selectAll().orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, labelVi: r.label_vi, labelEn: r.label_en, permissions: JSON.parse(r.permissions_json) as string[], builtin: r.builtin === 1 }));
  }

  /** Creates or replaces a role (built-in ones keep their id; their permissions may change). */
  async saveRole(role: { readonly id: string; readonly labelVi: string; readonly labelEn?: string | null; readonly permissions: readonly string[] }): Promise<Role> {
    if (!/^[a-z][a-z0-9-]{1,59}$/.test(role.id)) throw new InputError('A role id is lower-case letters, digits and "-"');
    const known = this.options.knownPermissions();
    for (const p of role.permissions) if (!isKnownPermissionEntry(p, known)) throw new InputError(`Permission ${p} does not exist`);
    const existing = await this.#db.selectFrom('core_roles').select('builtin').where('id', '=', role.id).executeTakeFirst();
    const values = { label_vi: role.labelVi, label_en: role.labelEn ?? null, permissions_json: JSON.stringify([...new Set(role.permissions)]), updated_at: this.#now() };
    if (existing) await this.#db.updateTable('core_roles').set(values).where('id', '=', role.id).execute();
    else await this.#db.insertInto('core_roles').values({ id: role.id, builtin: 0, ...values }).execute();
    return (await this.roles()).find((r) => r.id === role.id)!;
  }

  /** How many grants hand out the role (in any unit). */
  async grantCount(roleId: string): Promise<number> {
    const row = await this.#db.selectFrom('core_grants').select((eb) => eb.fn.countAll<number>().as('n')).where('role_id', '=', roleId).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Deletes a role nobody holds; false when it does not exist. The caller checks grants and built-ins. */
  async deleteRole(roleId: string): Promise<boolean> {
    const result = await this.#db.deleteFrom('core_roles').where('id', '=', roleId).where('builtin', '=', 0).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async grant(grant: { readonly userId: string; readonly tenantId: string; readonly roleId: string; readonly subtree?: boolean; readonly createdBy?: string }): Promise<Grant> {
    if (!(await this.#db.selectFrom('core_roles').select('id').where('id', '=', grant.roleId).executeTakeFirst())) {
      throw new NotFoundError(`Role ${grant.roleId} does not exist`);
    }
    if (!(await this.options.directory.get(grant.tenantId))) throw new NotFoundError(`Unit ${grant.tenantId} does not exist`);
    const existing = await this.#db
      .selectFrom('core_grants')
      .selectAll()
      .where('user_id', '=', grant.userId)
      .where('tenant_id', '=', grant.tenantId)
      .where('role_id', '=', grant.roleId)
      .executeTakeFirst();
    if (existing) throw new ConflictError('The user already has this role in this unit');
    const row = {
      id: randomUUID(),
      user_id: grant.userId,
      tenant_id: grant.tenantId,
      role_id: grant.roleId,
      subtree: grant.subtree ? 1 : 0,
      created_at: this.#now(),
      created_by: grant.createdBy ?? null,
    };
    await this.#db.insertInto('core_grants').values(row).execute();
    return toGrant(row);
  }

  async revoke(grantId: string): Promise<void> {
    await this.#db.deleteFrom('core_grants').where('id', '=', grantId).execute();
  }

  async grantsOf(userId: string): Promise<Grant[]> {
    return (await this.#db.selectFrom('core_grants').selectAll().where('user_id', '=', userId).orderBy('created_at').execute()).map(toGrant);
  }

  /** The grants made in one unit. */
  async grantsIn(tenantId: string): Promise<Grant[]> {
    return (await this.#db.selectFrom('core_grants').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at').execute()).map(toGrant);
  }

  /** A page of the grants made in one unit (oldest first), optionally of one user, and how many there are. */
  async pageOfGrantsIn(
    tenantId: string,
    options: { readonly userId?: string; readonly limit: number; readonly offset: number },
  ): Promise<{ items: Grant[]; total: number }> {
    let query = this.#db.selectFrom('core_grants').where('tenant_id', '=', tenantId);
    if (options.userId !== undefined) query = query.where('user_id', '=', options.userId);
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('created_at').orderBy('id').limit(options.limit).offset(options.offset).execute(),
      query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toGrant), total: Number(count.n) };
  }

  /** The grants of these roles made in these units (not inherited ones), by unit, role and user; read in chunks of 500 units. */
  async grantsOfRolesIn(tenantIds: readonly string[], roleIds: readonly string[]): Promise<Grant[]> {
    if (tenantIds.length === 0 || roleIds.length === 0) return [];
    const out: Grant[] = [];
    for (let i = 0; i < tenantIds.length; i += 500) {
      const rows = await this.#db.selectFrom('core_grants').selectAll().where('tenant_id', 'in', tenantIds.slice(i, i + 500)).where('role_id', 'in', roleIds).execute();
      out.push(...rows.map(toGrant));
    }
    return out.sort((a, b) => a.tenantId.localeCompare(b.tenantId) || a.roleId.localeCompare(b.roleId) || a.userId.localeCompare(b.userId));
  }

  /** Every grant of these users (for a page of the account list), oldest first. */
  async grantsOfUsers(userIds: readonly string[]): Promise<Grant[]> {
    if (userIds.length === 0) return [];
    return (await this.#db.selectFrom('core_grants').selectAll().where('user_id', 'in', userIds).orderBy('created_at').orderBy('id').execute()).map(toGrant);
  }

  /** How many grants are made in these units, and to how many distinct users. */
  async grantStats(tenantIds: readonly string[]): Promise<{ grants: number; users: number }> {
    if (tenantIds.length === 0) return { grants: 0, users: 0 };
    const row = await this.#db
      .selectFrom('core_grants')
      .select((eb) => [eb.fn.countAll<number | string>().as('grants'), eb.fn.count<number | string>('user_id').distinct().as('users')])
      .where('tenant_id', 'in', tenantIds)
      .executeTakeFirstOrThrow();
    return { grants: Number(row.grants), users: Number(row.users) };
  }

  /** One grant made in `tenantId`; undefined for an unknown id or a grant of another unit. */
  async grantIn(tenantId: string, grantId: string): Promise<Grant | undefined> {
    const row = await this.#db.selectFrom('core_grants').selectAll().where('id', '=', grantId).where('tenant_id', '=', tenantId).executeTakeFirst();
    return row === undefined ? undefined : toGrant(row);
  }

  /** What `userId` may do in `tenantId`: grants on the unit itself and subtree grants on its ancestors. */
  async accessIn(userId: string, tenantId: string, options: { readonly superAdmin?: boolean } = {}): Promise<TenantAccess> {
    const known = this.options.knownPermissions();
    if (options.superAdmin) return { member: true, permissions: new Set(known) };
    const grants = await this.grantsOf(userId);
    if (grants.length === 0) return { member: false, permissions: new Set() };
    const ancestors = await this.#ancestors(tenantId);
    const reaching = grants.filter((g) => g.tenantId === tenantId || (g.subtree && ancestors.includes(g.tenantId)));
    if (reaching.length === 0) return { member: false, permissions: new Set() };
    const roles = new Map((await this.roles()).map((r) => [r.id, r]));
    const permissions = new Set<string>();
    for (const grant of reaching) {
      for (const p of roles.get(grant.roleId)?.permissions ?? []) for (const expanded of expandPermission(p, known)) permissions.add(expanded);
    }
    return { member: true, permissions };
  }

  async #ancestors(tenantId: string): Promise<string[]> {
    const out: string[] = [];
    let cursor = await this.options.directory.get(tenantId);
    for (let depth = 0; cursor?.parentId && depth < 20; depth++) {
      out.push(cursor.parentId);
      cursor = await this.options.directory.get(cursor.parentId);
    }
    return out;
  }
}

function toGrant(row: AccessTables['core_grants']): Grant {
  return { id: row.id, userId: row.user_id, tenantId: row.tenant_id, roleId: row.role_id, subtree: row.subtree === 1 };
}
