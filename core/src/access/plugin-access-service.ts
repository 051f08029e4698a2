import type { AccessService, AuditService, PersonContact, RoleInfo } from '@cong/sdk';
import type { AccessControl, Role } from './access-control.js';

function toRoleInfo(role: Role): RoleInfo {
  return { id: role.id, label: { vi: role.labelVi, ...(role.labelEn ? { en: role.labelEn } : {}) }, permissions: role.permissions, builtin: role.builtin };
}

/**
 * The roles as plugins see them (`coreServices.access`): read, and seeded when missing. Roles a plugin
 * seeds are audited like the ones admins create (`core.role.create`); an existing role is never
 * overwritten, and granting stays with the core's grant API and its no-escalation rule.
 */
export function createPluginAccessService(
  access: () => AccessControl,
  audit: AuditService,
  contacts: (userIds: readonly string[]) => Promise<readonly PersonContact[]>,
): AccessService {
  return {
    roles: async () => (await access().roles()).map(toRoleInfo),
    ensureRole: async (role, options = {}) => {
      const existing = (await access().roles()).find((r) => r.id === role.id);
      if (existing) return { role: toRoleInfo(existing), created: false };
      const saved = await access().saveRole({ id: role.id, labelVi: role.label.vi, labelEn: role.label.en ?? null, permissions: role.permissions });
      await audit.record(
        { action: 'core.role.create', objectType: 'role', objectId: saved.id, tenantId: options.request?.tenantId ?? null, before: null, after: saved },
        options.request ? { request: options.request } : {},
      );
      return { role: toRoleInfo(saved), created: true };
    },
    holders: async ({ tenantIds, roleIds }) =>
      (await access().grantsOfRolesIn(tenantIds, roleIds)).map((g) => ({ tenantId: g.tenantId, userId: g.userId, roleId: g.roleId, subtree: g.subtree })),
    contacts,
  };
}
