import { defineSchema, NotAllowedError, NotFoundError, respond, type RouteBuilder, type RouteRequest } from '@cong/sdk';
import type { User } from '../auth/user-store.js';
import type { CoreApiDeps } from './core-api-deps.js';

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
  return { id: user.id, username: user.username, displayName: user.displayName, email: user.email, status: user.status, isSuperAdmin: user.isSuperAdmin };
}

/** Refuses to hand out a permission the caller does not hold in the unit (no privilege escalation). */
function assertHolds(req: RouteRequest<any, any, any>, permissions: Iterable<string>): void {
  for (const p of permissions) if (!req.principal!.permissions.has(p)) throw new NotAllowedError(p);
}

/** True when every grant of the user is in the unit or below it (a user without grants is free). */
async function withinSubtree(deps: CoreApiDeps, userId: string, tenantId: string): Promise<boolean> {
  const grants = await deps.access.grantsOf(userId);
  if (grants.length === 0) return true;
  const subtree = new Set(await deps.tenants.subtreeIds(tenantId));
  return grants.every((g) => subtree.has(g.tenantId));
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
  route.post('/users', {
    summary: { vi: 'Tạo tài khoản', en: 'Create an account' },
    permission: 'core.users.manage',
    schema: {
      body: defineSchema<{ username: string; password: string; displayName?: string; email?: string }>({
        type: 'object',
        additionalProperties: false,
        required: ['username', 'password'],
        properties: {
          username: { type: 'string', minLength: 1, maxLength: 64 },
          password: { type: 'string', minLength: 1, maxLength: 1024 },
          displayName: { type: 'string', minLength: 1, maxLength: 200 },
          email: { type: 'string', format: 'email', maxLength: 254 },
        },
      }),
      response: { 201: userSchema },
    },
    handler: async (req) => {
      const user = await deps.auth.users.create({ ...req.body, isSuperAdmin: false });
      await deps.audit.record({ action: 'core.user.create', objectType: 'user', objectId: user.id, tenantId: req.tenantId ?? null, after: shownUser(user) }, { request: req });
      return respond(201, shownUser(user));
    },
  });

  route.post('/users/:id/disable', {
    summary: { vi: 'Khóa tài khoản', en: 'Disable an account' },
    description: 'Ends its sessions at once; its API tokens stop working.',
    permission: 'core.users.manage',
    schema: { params: idParams, response: { 200: userSchema } },
    handler: async (req) => {
      const user = await deps.auth.users.findById(req.params.id);
      // Accounts are platform-wide; a unit admin manages only accounts whose every grant is in their subtree.
      if (!user || user.isSuperAdmin || !(await withinSubtree(deps, user.id, req.tenantId!))) throw new NotFoundError();
      await deps.auth.users.disable(user.id);
      await deps.audit.record({ action: 'core.user.disable', objectType: 'user', objectId: user.id, tenantId: req.tenantId ?? null, before: shownUser(user) }, { request: req });
      return shownUser((await deps.auth.users.findById(user.id))!);
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
      if (role.permissions.includes('*') && !req.principal!.permissions.has('*')) {
        assertHolds(req, ['core.tenants.manage', 'core.access.manage', 'core.users.manage']);
      }
      assertHolds(req, role.permissions.filter((p) => !p.includes('*')));
      if (!(await deps.auth.users.findById(req.body.userId))) throw new NotFoundError();
      const grant = await deps.access.grant({ userId: req.body.userId, tenantId: req.tenantId!, roleId: role.id, subtree: req.body.subtree ?? false, createdBy: req.principal!.id });
      await deps.audit.record({ action: 'core.grant.create', objectType: 'grant', objectId: grant.id, tenantId: grant.tenantId, after: grant }, { request: req });
      return respond(201, grant);
    },
  });

  route.get('/grants', {
    summary: { vi: 'Phân quyền trong đơn vị', en: 'Grants in the unit' },
    permission: 'core.access.manage',
    schema: { response: { 200: { type: 'object', additionalProperties: false, required: ['items'], properties: { items: { type: 'array', items: grantSchema } } } } },
    handler: async (req) => ({ items: await deps.access.grantsIn(req.tenantId!) }),
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
    permission: 'core.access.manage',
    schema: { response: { 200: { type: 'object', additionalProperties: false, required: ['items'], properties: { items: { type: 'array', items: tokenInfoSchema } } } } },
    handler: async (req) => ({ items: (await deps.auth.apiTokens.list(req.tenantId!)).map(toJsonDates) }),
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
