import { defineSchema, InputError, NotAllowedError, NotFoundError, respond, type LocalizedText, type RouteBuilder, type RouteRequest } from '@cong/sdk';
import { CORE_PERMISSIONS } from '../access/core-permissions.js';
import { expandPermission, isKnownPermissionEntry } from '../access/permission-patterns.js';
import { CONG_ERR_ROLE_BUILTIN, CONG_ERR_ROLE_IN_USE, CONG_ERR_ROLES_AT_PROVINCE } from '../errors.js';
import type { CoreApiDeps } from './core-api-deps.js';

const labelSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['vi'],
  properties: { vi: { type: 'string', minLength: 1, maxLength: 120 }, en: { type: 'string', maxLength: 120 } },
} as const;
const roleSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'labelVi', 'permissions', 'builtin'],
  properties: { id: { type: 'string' }, labelVi: { type: 'string' }, labelEn: { type: ['string', 'null'] }, permissions: { type: 'array', items: { type: 'string' } }, builtin: { type: 'boolean' } },
} as const;
const roleIdParams = defineSchema<{ id: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,59}$', description: 'Lower-case letters, digits and "-".' } },
});

interface PermissionEntry {
  readonly id: string;
  readonly label: LocalizedText;
  readonly plugin: string;
}

/** Roles are one list for the platform: only the province (or a super-admin naming no unit) defines them. */
async function assertAtProvince(req: RouteRequest<any, any, any>, deps: CoreApiDeps): Promise<void> {
  const atRoot = req.tenantId === undefined ? req.principal!.permissions.has('*') : req.tenantId === (await deps.defaultTenantId());
  if (!atRoot) throw CONG_ERR_ROLES_AT_PROVINCE.create({});
}

/**
 * Custom roles (issue: a province's "Biên tập viên" with the portal's permissions): the permission
 * catalogue, and creating, changing and deleting roles. No privilege escalation: a caller can only put
 * into a role what they hold themselves.
 */
export function roleRoutes(route: RouteBuilder, deps: CoreApiDeps): void {
  const catalogue = (): PermissionEntry[] => [
    ...CORE_PERMISSIONS.map((p) => ({ id: p.id, label: p.label, plugin: 'core' })),
    ...deps
      .installedPlugins()
      .filter((p) => p.id !== 'core')
      .flatMap((p) => (p.manifest.permissions ?? []).map((perm) => ({ id: perm.id, label: perm.label, plugin: p.id }))),
  ];

  route.get('/permissions', {
    summary: { vi: 'Danh mục quyền', en: 'Permission catalogue' },
    description: 'Every permission of the core and the installed plugins, with its label: what a role can hold.',
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
              items: { type: 'object', additionalProperties: false, required: ['id', 'label', 'plugin'], properties: { id: { type: 'string' }, label: labelSchema, plugin: { type: 'string' } } },
            },
          },
        },
      },
    },
    handler: () => ({ items: catalogue() }),
  });

  route.put('/roles/:id', {
    summary: { vi: 'Tạo hoặc sửa vai trò', en: 'Create or change a role' },
    description: 'From the province only. Permissions must exist (`plugin.*` covers a plugin) and the caller must hold each of them.',
    permission: 'core.access.manage',
    schema: {
      params: roleIdParams,
      body: defineSchema<{ label: LocalizedText; permissions: string[] }>({
        type: 'object',
        additionalProperties: false,
        required: ['label', 'permissions'],
        properties: { label: labelSchema, permissions: { type: 'array', maxItems: 200, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 100 } } },
      }),
      response: { 200: roleSchema, 201: roleSchema },
    },
    handler: async (req) => {
      await assertAtProvince(req, deps);
      const known = catalogue().map((k) => k.id);
      const unknown = req.body.permissions.findIndex((p) => !isKnownPermissionEntry(p, known));
      if (unknown >= 0) throw new InputError(`Permission ${req.body.permissions[unknown]} does not exist`, { errors: [{ in: 'body', pointer: `/permissions/${unknown}`, message: 'is not a known permission', keyword: 'enum' }] });
      // The caller must hold what the role would give (a wildcard counts as each permission it covers).
      for (const p of req.body.permissions.flatMap((entry) => expandPermission(entry, known))) if (!req.principal!.permissions.has(p) && !req.principal!.permissions.has('*')) throw new NotAllowedError(p);
      const before = (await deps.access.roles()).find((r) => r.id === req.params.id);
      const role = await deps.access.saveRole({ id: req.params.id, labelVi: req.body.label.vi, labelEn: req.body.label.en ?? null, permissions: req.body.permissions });
      await deps.audit.record({ action: before ? 'core.role.update' : 'core.role.create', objectType: 'role', objectId: role.id, tenantId: req.tenantId ?? null, before: before ?? null, after: role }, { request: req });
      return respond(before ? 200 : 201, role);
    },
  });

  route.delete('/roles/:id', {
    summary: { vi: 'Xóa vai trò', en: 'Delete a role' },
    description: 'From the province only; built-in roles and roles still granted cannot be deleted.',
    permission: 'core.access.manage',
    schema: { params: roleIdParams },
    handler: async (req) => {
      await assertAtProvince(req, deps);
      const role = (await deps.access.roles()).find((r) => r.id === req.params.id);
      if (!role) throw new NotFoundError();
      if (role.builtin) throw CONG_ERR_ROLE_BUILTIN.create({ role: role.id });
      const count = await deps.access.grantCount(role.id);
      if (count > 0) throw CONG_ERR_ROLE_IN_USE.create({ role: role.id, count });
      await deps.access.deleteRole(role.id);
      await deps.audit.record({ action: 'core.role.delete', objectType: 'role', objectId: role.id, tenantId: req.tenantId ?? null, before: role }, { request: req });
      return respond(204);
    },
  });
}
