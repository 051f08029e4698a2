import { defineSchema, NotFoundError, type RouteBuilder } from '@cong/sdk';
import type { CoreApiDeps } from './core-api-deps.js';

const moduleList = {
  type: 'object',
  additionalProperties: false,
  required: ['tenantId', 'items'],
  properties: {
    tenantId: { type: 'string' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['plugin', 'enabled', 'version', 'state'],
        properties: {
          plugin: { type: 'string' },
          enabled: { type: 'boolean' },
          version: { type: 'string' },
          state: { type: 'string', description: 'From the boot report: started, failed, …' },
          error: { type: 'object', additionalProperties: false, properties: { code: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  },
} as const;

/** Per-unit plugin switches for the unit the call names (`X-Cong-Tenant`). */
export function moduleRoutes(route: RouteBuilder, deps: CoreApiDeps): void {
  const list = async (tenantId: string) => {
    const disabled = new Set(await deps.modules.disabledFor(tenantId));
    const items = deps
      .installedPlugins()
      .filter((p) => p.id !== 'core')
      .map((p) => ({ plugin: p.id, enabled: !disabled.has(p.id), version: p.version, state: p.state, ...(p.error ? { error: p.error } : {}) }));
    return { tenantId, items };
  };

  route.get('/modules', {
    summary: { vi: 'Chức năng của đơn vị', en: 'Plugins of a unit' },
    permission: 'core.modules.manage',
    schema: { response: { 200: moduleList } },
    handler: async (req) => list(req.tenantId!),
  });

  route.put('/modules/:plugin', {
    summary: { vi: 'Bật/tắt chức năng cho đơn vị', en: 'Enable or disable a plugin for a unit' },
    description: 'Disabling never deletes data; the plugin\'s routes answer 404 there, its jobs wait and its listeners skip the unit.',
    permission: 'core.modules.manage',
    schema: {
      params: defineSchema<{ plugin: string }>({ type: 'object', additionalProperties: false, required: ['plugin'], properties: { plugin: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,30}$' } } }),
      body: defineSchema<{ enabled: boolean; subtree?: boolean }>({
        type: 'object',
        additionalProperties: false,
        required: ['enabled'],
        properties: { enabled: { type: 'boolean' }, subtree: { type: 'boolean', default: false } },
      }),
      response: { 200: moduleList },
    },
    handler: async (req) => {
      const plugin = req.params.plugin;
      if (plugin === 'core' || !deps.pluginIds().includes(plugin)) throw new NotFoundError(`No plugin ${plugin} is installed`);
      const tenantId = req.tenantId!;
      const ids = req.body.subtree ? await deps.tenants.subtreeIds(tenantId) : [tenantId];
      const changed = await deps.modules.setEnabled(plugin, ids, req.body.enabled, req.principal!.id);
      await deps.reconcileModules();
      for (const id of changed) {
        await deps.audit.record(
          { action: req.body.enabled ? 'core.module.enable' : 'core.module.disable', objectType: 'plugin', objectId: plugin, tenantId: id, after: { enabled: req.body.enabled } },
          { request: req },
        );
      }
      return list(tenantId);
    },
  });
}
