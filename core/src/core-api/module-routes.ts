import { defineSchema, NotFoundError, type RouteBuilder } from '@cong/sdk';
import { moduleKey } from '../modules/tenant-modules.js';
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
        required: ['plugin', 'name', 'enabled', 'version', 'state'],
        properties: {
          plugin: { type: 'string' },
          name: {
            type: ['object', 'null'],
            additionalProperties: false,
            required: ['vi'],
            properties: { vi: { type: 'string' }, en: { type: 'string' } },
            description: 'The manifest\'s display name; null when it has none (show the id).',
          },
          enabled: { type: 'boolean' },
          version: { type: 'string' },
          state: { type: 'string', description: 'From the boot report: started, failed, …' },
          error: { type: 'object', additionalProperties: false, properties: { code: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  },
} as const;

const pluginParams = defineSchema<{ plugin: string }>({ type: 'object', additionalProperties: false, required: ['plugin'], properties: { plugin: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,30}$' } } });

/** At most this many unit ids in an impact answer; `tenants` always counts them all. */
const IMPACT_IDS = 200;

/** Per-unit plugin switches for the unit the call names (`X-Cong-Tenant`). */
export function moduleRoutes(route: RouteBuilder, deps: CoreApiDeps): void {
  const requirePlugin = (plugin: string) => {
    if (plugin === 'core' || !deps.pluginIds().includes(plugin)) throw new NotFoundError(`No plugin ${plugin} is installed`);
  };
  /** The units a switch would cover: the named unit, or it and every unit below it. */
  const targets = async (tenantId: string, subtree: boolean | undefined) => (subtree ? deps.tenants.subtreeIds(tenantId) : [tenantId]);

  const list = async (tenantId: string) => {
    const disabled = new Set(await deps.modules.disabledFor(tenantId));
    const items = deps
      .installedPlugins()
      .filter((p) => p.id !== 'core')
      .map((p) => ({ plugin: p.id, name: p.manifest.name ?? null, enabled: !disabled.has(p.id), version: p.version, state: p.state, ...(p.error ? { error: p.error } : {}) }));
    return { tenantId, items };
  };

  route.get('/modules', {
    summary: { vi: 'Chức năng của đơn vị', en: 'Plugins of a unit' },
    permission: 'core.modules.manage',
    schema: { response: { 200: moduleList } },
    handler: async (req) => list(req.tenantId!),
  });

  route.get('/modules/:plugin/impact', {
    summary: { vi: 'Số đơn vị bị ảnh hưởng khi bật/tắt', en: 'Units a plugin switch would change' },
    description: 'What PUT /modules/{plugin} with the same `enabled` and `subtree` would change, without changing it: for the confirmation dialog.',
    permission: 'core.modules.manage',
    schema: {
      params: pluginParams,
      query: defineSchema<{ enabled: boolean; subtree: boolean }>({
        type: 'object',
        additionalProperties: false,
        required: ['enabled'],
        properties: { enabled: { type: 'boolean' }, subtree: { type: 'boolean', default: false } },
      }),
      response: {
        200: {
          type: 'object',
          additionalProperties: false,
          required: ['plugin', 'enabled', 'subtree', 'tenants', 'tenantIds'],
          properties: {
            plugin: { type: 'string' },
            enabled: { type: 'boolean' },
            subtree: { type: 'boolean' },
            tenants: { type: 'integer', description: 'How many units would change state.' },
            tenantIds: { type: 'array', maxItems: IMPACT_IDS, items: { type: 'string' }, description: `The first ${IMPACT_IDS} of them.` },
          },
        },
      },
    },
    handler: async (req) => {
      const plugin = req.params.plugin;
      requirePlugin(plugin);
      const ids = await targets(req.tenantId!, req.query.subtree);
      const disabled = await deps.modules.disabledPairs();
      const changing = ids.filter((id) => disabled.has(moduleKey(id, plugin)) === req.query.enabled);
      return { plugin, enabled: req.query.enabled, subtree: req.query.subtree, tenants: changing.length, tenantIds: changing.slice(0, IMPACT_IDS) };
    },
  });

  route.put('/modules/:plugin', {
    summary: { vi: 'Bật/tắt chức năng cho đơn vị', en: 'Enable or disable a plugin for a unit' },
    description: 'Disabling never deletes data; the plugin\'s routes answer 404 there, its jobs wait and its listeners skip the unit.',
    permission: 'core.modules.manage',
    schema: {
      params: pluginParams,
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
      requirePlugin(plugin);
      const tenantId = req.tenantId!;
      const ids = await targets(tenantId, req.body.subtree);
      // The switches and their audit entries commit together.
      await deps.modules.setEnabled(plugin, ids, req.body.enabled, req.principal!.id, {
        within: async (trx, changed) => {
          for (const id of changed) {
            await deps.audit.record(
              { action: req.body.enabled ? 'core.module.enable' : 'core.module.disable', objectType: 'plugin', objectId: plugin, tenantId: id, after: { enabled: req.body.enabled } },
              { request: req, trx },
            );
          }
        },
      });
      await deps.reconcileModules();
      return list(tenantId);
    },
  });
}
