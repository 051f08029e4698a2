import type { AdminNavItem, AdminSlot, RouteBuilder } from '@cong/sdk';
import type { CoreApiDeps } from './core-api-deps.js';

const localized = { type: 'object', additionalProperties: false, required: ['vi'], properties: { vi: { type: 'string' }, en: { type: 'string' } } } as const;
const manifestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['tenantId', 'permissions', 'plugins'],
  properties: {
    tenantId: { type: ['string', 'null'] },
    permissions: { type: 'array', items: { type: 'string' } },
    plugins: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'version', 'state', 'module', 'nav', 'slots', 'settings'],
        properties: {
          id: { type: 'string' },
          name: { ...localized, type: ['object', 'null'], description: 'The manifest\'s display name; null when it has none (show the id).' },
          version: { type: 'string' },
          state: { type: 'string' },
          module: { type: ['string', 'null'], description: 'URL of the plugin\'s admin ESM bundle.' },
          nav: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'label', 'route', 'element'],
              properties: { id: { type: 'string' }, label: localized, route: { type: 'string' }, element: { type: 'string' }, icon: { type: 'string' }, order: { type: 'integer' } },
            },
          },
          slots: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['zone', 'element'],
              properties: { zone: { type: 'string' }, element: { type: 'string' }, order: { type: 'integer' } },
            },
          },
          settings: { type: 'boolean' },
        },
      },
    },
  },
} as const;

/** The admin shell's `/admin/plugins/<id>/…` URL of a manifest's module path (`./dist/admin/index.js`). */
export function adminModuleUrl(pluginId: string, module: string): string {
  return `/admin/plugins/${pluginId}/${module.replace(/^\.\//, '').split('/').pop()}`;
}

/**
 * What the admin shell shows the signed-in user in the unit the call names: the plugins enabled there
 * that have admin contributions, with nav items and zone slots filtered by the user's permissions.
 * Toggling a plugin changes the next answer at once; nothing is rebuilt.
 */
export function adminRoutes(route: RouteBuilder, deps: CoreApiDeps): void {
  route.get('/admin/manifest', {
    summary: { vi: 'Cấu hình giao diện quản trị', en: 'Admin shell manifest' },
    authenticated: true,
    schema: { response: { 200: manifestSchema } },
    handler: async (req) => {
      const tenantId = req.tenantId ?? null;
      const holds = (permission: string | undefined) => permission === undefined || req.can(permission);
      const candidates = deps.installedPlugins().filter((p) => p.id !== 'core' && p.manifest.admin);
      const shown = [];
      for (const p of candidates) if (tenantId === null || (await deps.modules.isEnabled(tenantId, p.id))) shown.push(p);
      const plugins = shown
        .map((p) => {
          const admin = p.manifest.admin!;
          return {
            id: p.id,
            name: p.manifest.name ?? null,
            version: p.version,
            state: p.state,
            module: p.state === 'started' ? adminModuleUrl(p.id, admin.module) : null,
            nav: (admin.nav ?? []).filter((n: AdminNavItem) => holds(n.permission)).map(({ permission: _p, ...n }) => n),
            slots: (admin.slots ?? []).filter((s: AdminSlot) => holds(s.permission)).map(({ permission: _p, ...s }) => s),
            settings: admin.settings === true,
          };
        });
      return { tenantId, permissions: [...(req.principal?.permissions ?? [])].sort(), plugins };
    },
  });
}
