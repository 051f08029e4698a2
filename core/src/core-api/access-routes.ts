import { ConflictError, defineSchema, InputError, NotAllowedError, NotFoundError, respond, type FieldIssue, type RouteBuilder, type RouteRequest } from '@cong/sdk';
import type { Grant } from '../access/access-control.js';
import { expandPermission } from '../access/permission-patterns.js';
import { ACCOUNT_SORTS, canManageAccount, type AccountScope, type AccountSort } from '../access/account-list.js';
import type { User, UserStatus } from '../auth/user-store.js';
import type { CoreApiDeps } from './core-api-deps.js';
import { resetPageUrl } from './password-reset-job.js';

const userSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'username', 'displayName', 'status', 'isSuperAdmin'],
  properties: {
    id: { type: 'string' },
    username: { type: 'string' },
    displayName: { type: 'string' },
    email: { type: ['string', 'null'] },
    status: { enum: ['active', 'disabled'] },
    isSuperAdmin: { type: 'boolean' },
    totpEnabled: { type: 'boolean' },
    passwordSet: { type: 'boolean', description: 'False while an invitation waits for its first password.' },
    createdAt: { type: 'string', format: 'date-time' },
    createdInTenantId: { type: ['string', 'null'] },
  },
} as const;
const grantSummarySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'tenantId', 'roleId', 'subtree'],
  properties: { id: { type: 'string' }, tenantId: { type: 'string' }, roleId: { type: 'string' }, subtree: { type: 'boolean' } },
} as const;
const userListItemSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...userSchema.required, 'email', 'totpEnabled', 'passwordSet', 'createdAt', 'lastLoginAt', 'createdInTenantId', 'manageable', 'grants'],
  properties: {
    ...userSchema.properties,
    lastLoginAt: { type: ['string', 'null'], format: 'date-time' },
    createdInTenantId: { type: ['string', 'null'], description: 'The unit the account was created in.' },
    manageable: { type: 'boolean', description: 'Whether the caller may disable the account or reset its two-factor sign-in here.' },
    grants: { type: 'array', items: grantSummarySchema, description: 'Only the grants made in units the caller sees.' },
  },
} as const;
const grantSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'userId', 'tenantId', 'roleId', 'subtree'],
  properties: { id: { type: 'string' }, userId: { type: 'string' }, tenantId: { type: 'string' }, roleId: { type: 'string' }, subtree: { type: 'boolean' } },
} as const;
const idParams = defineSchema<{ id: string }>({ type: 'object', additionalProperties: false, required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } });

function shownUser(user: User) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    status: user.status,
    isSuperAdmin: user.isSuperAdmin,
    totpEnabled: user.totpEnabled,
    passwordSet: user.passwordSet,
    createdAt: user.createdAt.toISOString(),
    createdInTenantId: user.createdInTenantId,
  };
}

/** Limits of the unit lists that used to answer everything at once; the default keeps old callers whole. */
const legacyPage = {
  limit: { type: 'integer', minimum: 1, maximum: 500, default: 500 },
  offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0 },
} as const;

/** Refuses to hand out a permission the caller does not hold in the unit (no privilege escalation). */
function assertHolds(req: RouteRequest<any, any, any>, permissions: Iterable<string>): void {
  for (const p of permissions) if (!req.principal!.permissions.has(p)) throw new NotAllowedError(p);
}

/**
 * A subtree grant reaches every unit below the one named: the caller must hold the role's permissions
 * in each of them too (a site admin's delegation stops at their site). API tokens act in their own
 * unit only, so they make subtree grants only where the subtree is that unit alone.
 */
async function assertHoldsBelow(deps: CoreApiDeps, req: RouteRequest<any, any, any>, permissions: readonly string[]): Promise<void> {
  const below = (await deps.tenants.subtreeIds(req.tenantId!)).filter((id) => id !== req.tenantId);
  if (below.length === 0) return;
  const caller = req.principal!.kind === 'user' ? await deps.auth.users.findById(req.principal!.id) : undefined;
  if (!caller) throw new NotAllowedError(permissions[0] ?? 'core.access.manage');
  for (const id of below) {
    const access = await deps.access.accessIn(caller.id, id, { superAdmin: caller.isSuperAdmin });
    const missing = permissions.find((p) => !access.permissions.has(p));
    if (missing !== undefined) throw new NotAllowedError(missing);
  }
}

/**
 * Whose accounts the caller sees: everything when the call names the province (the root unit),
 * otherwise accounts of the named unit's subtree ({@link canSeeAccount}).
 */
async function accountScope(deps: CoreApiDeps, req: RouteRequest<any, any, any>): Promise<AccountScope> {
  const caller = req.principal?.kind === 'user' ? await deps.auth.users.findById(req.principal.id) : undefined;
  const callerIsSuperAdmin = caller?.isSuperAdmin === true;
  const root = await deps.defaultTenantId();
  const all = req.tenantId === undefined ? callerIsSuperAdmin : req.tenantId === root;
  const tenantIds = new Set(all || req.tenantId === undefined ? [] : await deps.tenants.subtreeIds(req.tenantId));
  return { all, tenantIds, callerIsSuperAdmin };
}

/**
 * The account `id` when the caller may manage it ({@link canManageAccount}); 404 otherwise, so that
 * accounts of other units are indistinguishable from accounts that do not exist.
 */
async function manageableUser(deps: CoreApiDeps, req: RouteRequest<{ id: string }, any, any>): Promise<User> {
  const user = await deps.auth.users.findById(req.params.id);
  if (!user) throw new NotFoundError();
  const [scope, grants] = await Promise.all([accountScope(deps, req), deps.access.grantsOf(user.id)]);
  if (!canManageAccount(scope, user, grants)) throw new NotFoundError();
  return user;
}

function grantSummary(g: Grant) {
  return { id: g.id, tenantId: g.tenantId, roleId: g.roleId, subtree: g.subtree };
}

interface NewUserBody {
  username: string;
  password?: string;
  invite?: boolean;
  displayName?: string;
  email?: string;
}

/** `password` xor `invite: true`, and an invitation needs `email`: a 400 naming the field. */
function checkNewUser(body: NewUserBody): void {
  const issues: FieldIssue[] = [];
  if (body.invite === true) {
    if (body.password !== undefined) issues.push({ in: 'body', pointer: '/password', message: 'must not be given with invite: the invited person sets it', keyword: 'not' });
    if (body.email === undefined) issues.push({ in: 'body', pointer: '/email', message: 'is required with invite: the invitation is sent there', keyword: 'required' });
  } else if (body.password === undefined) {
    issues.push({ in: 'body', pointer: '/password', message: 'is required unless invite is true', keyword: 'required' });
  }
  if (issues.length > 0) throw new InputError(`body ${issues.map((i) => `${i.pointer} ${i.message}`).join('; ')}`, { errors: issues });
}

const tokenInfoSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'permissions', 'expiresAt', 'revokedAt', 'lastUsedAt', 'createdAt'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    prefix: { type: 'string' },
    createdBy: { type: ['string', 'null'] },
    tenantId: { type: 'string' },
    permissions: { type: 'array', items: { type: 'string' } },
    expiresAt: { type: ['string', 'null'] },
    revokedAt: { type: ['string', 'null'] },
    lastUsedAt: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
  },
} as const;

/** Staff accounts, grants of roles in the unit the call names, and API tokens scoped to it. */
export function accessRoutes(route: RouteBuilder, deps: CoreApiDeps): void {
  route.get('/users', {
    summary: { vi: 'Danh sách tài khoản', en: 'List accounts' },
    description:
      'From the province: every account. From another unit: accounts whose every grant is in the unit or below it, and accounts created there; ' +
      'never super-admins. `grants` lists only grants in units the caller sees. Search folds diacritics ("nguyen van" finds "Nguyễn Văn").',
    permission: 'core.users.manage',
    schema: {
      query: defineSchema<{ text?: string; status?: UserStatus; sort: AccountSort; order: 'asc' | 'desc'; limit: number; offset: number }>({
        type: 'object',
        additionalProperties: false,
        properties: {
          text: { type: 'string', maxLength: 100, description: 'Part of the username, display name or e-mail address.' },
          status: { enum: ['active', 'disabled'] },
          sort: { enum: [...ACCOUNT_SORTS], default: 'username' },
          order: { enum: ['asc', 'desc'], default: 'asc' },
          limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
          offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0 },
        },
      }),
      response: {
        200: { type: 'object', additionalProperties: false, required: ['items', 'total'], properties: { items: { type: 'array', items: userListItemSchema }, total: { type: 'integer' } } },
      },
    },
    handler: async (req) => {
      const scope = await accountScope(deps, req);
      const page = await deps.accounts.list({ ...req.query, scope });
      const grants = await deps.access.grantsOfUsers(page.items.map((u) => u.id));
      const byUser = new Map<string, Grant[]>();
      for (const g of grants) byUser.set(g.userId, [...(byUser.get(g.userId) ?? []), g]);
      return {
        total: page.total,
        items: page.items.map((u) => {
          const held = byUser.get(u.id) ?? [];
          return {
            ...u,
            createdAt: u.createdAt.toISOString(),
            lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
            manageable: canManageAccount(scope, u, held),
            grants: held.filter((g) => scope.all || scope.tenantIds.has(g.tenantId)).map(grantSummary),
          };
        }),
      };
    },
  });

  route.post('/users', {
    summary: { vi: 'Tạo tài khoản hoặc mời', en: 'Create or invite an account' },
    description:
      'Either with `password`, or with `invite: true` and `email`: the account is then created without a usable password and a link to ' +
      '`/admin/core/reset?token=…` (valid 72 hours, once) is mailed, with which its holder sets one. The account belongs to the unit the call names.',
    permission: 'core.users.manage',
    schema: {
      body: defineSchema<NewUserBody>({
        type: 'object',
        additionalProperties: false,
        required: ['username'],
        properties: {
          username: { type: 'string', minLength: 1, maxLength: 64 },
          password: { type: 'string', minLength: 1, maxLength: 1024 },
          invite: { type: 'boolean', description: 'Mail a link to set the first password instead of giving one.' },
          displayName: { type: 'string', minLength: 1, maxLength: 200 },
          email: { type: 'string', format: 'email', maxLength: 254 },
        },
      }),
      response: { 201: userSchema },
    },
    handler: async (req) => {
      checkNewUser(req.body);
      const { invite, password, ...fields } = req.body;
      const invited = invite === true;
      const user = await deps.db.kysely.transaction().execute(async (trx) => {
        const created = await deps.auth.users.create(
          {
            ...fields,
            password: invited ? null : password!,
            isSuperAdmin: false,
            createdInTenantId: req.tenantId ?? null,
            createdBy: req.principal?.kind === 'user' ? req.principal.id : null,
          },
          { trx },
        );
        if (invited) await deps.auth.passwordReset.invite(created, { trx, mail: deps.mail.forPlugin('core'), resetUrl: (token) => resetPageUrl(deps.publicUrl, token) });
        await deps.audit.record(
          { action: invited ? 'core.user.invite' : 'core.user.create', objectType: 'user', objectId: created.id, tenantId: req.tenantId ?? null, after: shownUser(created) },
          { request: req, trx },
        );
        return created;
      });
      return respond(201, shownUser(user));
    },
  });

  route.post('/users/:id/disable', {
    summary: { vi: 'Khóa tài khoản', en: 'Disable an account' },
    description: 'Ends its sessions at once; its API tokens stop working. Accounts the caller may not manage answer 404.',
    permission: 'core.users.manage',
    schema: { params: idParams, response: { 200: userSchema } },
    handler: async (req) => {
      const user = await manageableUser(deps, req);
      // Super-admins are disabled with the CLI only: no web session can lock the platform's owners out.
      if (user.isSuperAdmin) throw new NotFoundError();
      await deps.db.kysely.transaction().execute(async (trx) => {
        await deps.auth.users.disable(user.id, { trx });
        await deps.audit.record({ action: 'core.user.disable', objectType: 'user', objectId: user.id, tenantId: req.tenantId ?? null, before: shownUser(user) }, { request: req, trx });
      });
      return shownUser((await deps.auth.users.findById(user.id))!);
    },
  });

  route.post('/users/:id/totp/reset', {
    summary: { vi: 'Đặt lại xác thực hai lớp', en: 'Reset two-factor sign-in' },
    description:
      'For someone who lost their authenticator: turns two-factor sign-in off, forgets the secret and ends every session of the account; ' +
      'they sign in with their password and enrol again. Same visibility as disabling (404 otherwise); not for the caller\'s own account (409).',
    permission: 'core.users.manage',
    schema: {
      params: idParams,
      response: {
        200: { type: 'object', additionalProperties: false, required: ['user', 'sessionsEnded'], properties: { user: userSchema, sessionsEnded: { type: 'integer' } } },
      },
    },
    handler: async (req) => {
      const user = await manageableUser(deps, req);
      if (req.principal?.id === user.id) throw new ConflictError('Turn your own two-factor sign-in off from your account page, with a code');
      const sessionsEnded = await deps.db.kysely.transaction().execute(async (trx) => {
        await deps.auth.users.disableTotp(user.id, { trx });
        const ended = await deps.auth.sessions.revokeAll(user.id, { trx });
        await deps.audit.record(
          {
            action: 'core.user.totp-reset',
            objectType: 'user',
            objectId: user.id,
            tenantId: req.tenantId ?? null,
            // `twoFactor`, not `totp…`: the audit log redacts keys named like secrets.
            before: { twoFactor: user.totpEnabled },
            after: { twoFactor: false, sessionsEnded: ended },
          },
          { request: req, trx },
        );
        return ended;
      });
      return { user: shownUser((await deps.auth.users.findById(user.id))!), sessionsEnded };
    },
  });

  route.get('/roles', {
    summary: { vi: 'Vai trò', en: 'Roles' },
    permission: 'core.access.manage',
    schema: {
      response: {
        200: {
          type: 'object',
          additionalProperties: false,
          required: ['items'],
          properties: {
            items: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['id', 'labelVi', 'permissions', 'builtin'],
                properties: { id: { type: 'string' }, labelVi: { type: 'string' }, labelEn: { type: ['string', 'null'] }, permissions: { type: 'array', items: { type: 'string' } }, builtin: { type: 'boolean' } },
              },
            },
          },
        },
      },
    },
    handler: async () => ({ items: await deps.access.roles() }),
  });

  route.post('/grants', {
    summary: { vi: 'Giao vai trò trong đơn vị', en: 'Grant a role in the unit' },
    description: 'For the unit the call names; with `subtree`, also for every unit below it. A caller can only grant what they hold.',
    permission: 'core.access.manage',
    schema: {
      body: defineSchema<{ userId: string; roleId: string; subtree?: boolean }>({
        type: 'object',
        additionalProperties: false,
        required: ['userId', 'roleId'],
        properties: { userId: { type: 'string', maxLength: 36 }, roleId: { type: 'string', maxLength: 60 }, subtree: { type: 'boolean', default: false } },
      }),
      response: { 201: grantSchema },
    },
    handler: async (req) => {
      const role = (await deps.access.roles()).find((r) => r.id === req.body.roleId);
      if (!role) throw new NotFoundError(`Role ${req.body.roleId} does not exist`);
      // A wildcard counts as each permission it covers (`portal.*`, `*`): nobody hands out more than they hold.
      const needed = [...new Set(role.permissions.flatMap((p) => expandPermission(p, deps.access.knownPermissions())))];
      if (!req.principal!.permissions.has('*')) {
        assertHolds(req, needed);
        if (req.body.subtree) await assertHoldsBelow(deps, req, needed);
      }
      if (!(await deps.auth.users.findById(req.body.userId))) throw new NotFoundError();
      const grant = await deps.access.grant({ userId: req.body.userId, tenantId: req.tenantId!, roleId: role.id, subtree: req.body.subtree ?? false, createdBy: req.principal!.id });
      await deps.audit.record({ action: 'core.grant.create', objectType: 'grant', objectId: grant.id, tenantId: grant.tenantId, after: grant }, { request: req });
      return respond(201, grant);
    },
  });

  route.get('/grants', {
    summary: { vi: 'Phân quyền trong đơn vị', en: 'Grants in the unit' },
    description: 'Oldest first; `userId` keeps one account\'s grants. Without `limit`, up to 500.',
    permission: 'core.access.manage',
    schema: {
      query: defineSchema<{ userId?: string; limit: number; offset: number }>({
        type: 'object',
        additionalProperties: false,
        properties: { userId: { type: 'string', maxLength: 36 }, ...legacyPage },
      }),
      response: {
        200: { type: 'object', additionalProperties: false, required: ['items', 'total'], properties: { items: { type: 'array', items: grantSchema }, total: { type: 'integer' } } },
      },
    },
    handler: async (req) => deps.access.pageOfGrantsIn(req.tenantId!, req.query),
  });

  route.delete('/grants/:id', {
    summary: { vi: 'Thu hồi vai trò', en: 'Revoke a grant' },
    permission: 'core.access.manage',
    schema: { params: idParams },
    handler: async (req) => {
      const grant = await deps.access.grantIn(req.tenantId!, req.params.id);
      if (!grant) throw new NotFoundError();
      await deps.access.revoke(grant.id);
      await deps.audit.record({ action: 'core.grant.revoke', objectType: 'grant', objectId: grant.id, tenantId: grant.tenantId, before: grant }, { request: req });
      return respond(204);
    },
  });

  route.get('/tokens', {
    summary: { vi: 'Khóa API của đơn vị', en: 'API tokens of the unit' },
    description: 'Tokens not revoked, newest first. Without `limit`, up to 500.',
    permission: 'core.access.manage',
    schema: {
      query: defineSchema<{ limit: number; offset: number }>({ type: 'object', additionalProperties: false, properties: legacyPage }),
      response: {
        200: { type: 'object', additionalProperties: false, required: ['items', 'total'], properties: { items: { type: 'array', items: tokenInfoSchema }, total: { type: 'integer' } } },
      },
    },
    handler: async (req) => {
      const page = await deps.auth.apiTokens.page(req.tenantId!, req.query);
      return { items: page.items.map(toJsonDates), total: page.total };
    },
  });

  route.post('/tokens', {
    summary: { vi: 'Tạo khóa API', en: 'Create an API token' },
    description: 'The token is shown once. It works only in the unit the call names, with the permissions listed (which the caller must hold).',
    permission: 'core.access.manage',
    schema: {
      body: defineSchema<{ name: string; permissions: string[]; expiresAt?: string }>({
        type: 'object',
        additionalProperties: false,
        required: ['name', 'permissions'],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 100 },
          permissions: { type: 'array', minItems: 1, maxItems: 100, uniqueItems: true, items: { type: 'string', maxLength: 100 } },
          expiresAt: { type: 'string', format: 'date-time' },
        },
      }),
      response: {
        201: { type: 'object', additionalProperties: false, required: ['id', 'token'], properties: { id: { type: 'string' }, token: { type: 'string' } } },
      },
    },
    handler: async (req) => {
      assertHolds(req, req.body.permissions);
      const { token, info } = await deps.auth.apiTokens.create({
        name: req.body.name,
        tenantId: req.tenantId!,
        permissions: req.body.permissions,
        ...(req.body.expiresAt ? { expiresAt: new Date(req.body.expiresAt) } : {}),
        createdBy: req.principal!.id,
      });
      await deps.audit.record({ action: 'core.token.create', objectType: 'api-token', objectId: info.id, tenantId: req.tenantId!, after: { name: info.name, permissions: req.body.permissions } }, { request: req });
      return respond(201, { id: info.id, token }, { 'cache-control': 'no-store' });
    },
  });

  route.delete('/tokens/:id', {
    summary: { vi: 'Thu hồi khóa API', en: 'Revoke an API token' },
    permission: 'core.access.manage',
    schema: { params: idParams },
    handler: async (req) => {
      if (!(await deps.auth.apiTokens.revoke(req.params.id, { tenantId: req.tenantId! }))) throw new NotFoundError();
      await deps.audit.record({ action: 'core.token.revoke', objectType: 'api-token', objectId: req.params.id, tenantId: req.tenantId! }, { request: req });
      return respond(204);
    },
  });
}

function toJsonDates<T extends object>(value: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
}
