import type { RoleDefinition } from '@cong/sdk';

/**
 * The per-site roles (first version item 4). Roles are one list for the platform, granted per unit:
 * a grant of `site-editor` in a commune makes an editor of that commune's site only. A site admin
 * holds `core.access.manage` and `core.users.manage` in their unit, so they make accounts and grant
 * these roles there, and nowhere else (the core's grant API: another unit is 404, and nobody grants a
 * permission they do not hold: a site admin cannot hand out `unit-admin` or `sites.network.manage`).
 * Provisioning creates the roles a template names when they are missing; roles an admin changed are
 * left as they are.
 */
export const SITE_ROLES: readonly RoleDefinition[] = [
  {
    id: 'site-admin',
    label: { vi: 'Quản trị trang thành phần', en: 'Site administrator' },
    permissions: ['sites.site.configure', 'sites.syndication.propose', 'portal.*', 'core.users.manage', 'core.access.manage', 'core.audit.read'],
  },
  {
    id: 'site-editor',
    label: { vi: 'Biên tập viên trang thành phần', en: 'Site editor' },
    permissions: [
      'portal.content.write',
      'portal.content.approve',
      'portal.pages.write',
      'portal.legal.write',
      'portal.organisation.write',
      'portal.media.write',
      'sites.syndication.propose',
    ],
  },
  {
    id: 'site-author',
    label: { vi: 'Tác giả trang thành phần', en: 'Site author' },
    permissions: ['portal.content.write', 'portal.media.write'],
  },
];

export type SiteRoleId = 'site-admin' | 'site-editor' | 'site-author';
