import { defineSchema, NotFoundError, type RouteBuilder, type RouteRequest } from '@cong/sdk';
import type { CoreApiDeps } from './core-api-deps.js';

const params = defineSchema<{ plugin: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['plugin'],
  properties: { plugin: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,30}$' } },
});
const query = defineSchema<{ scope: 'platform' | 'tenant' }>({
  type: 'object',
  additionalProperties: false,
  properties: { scope: { enum: ['platform', 'tenant'], default: 'tenant', description: 'platform: the values for every unit (from the province only).' } },
});
const view = {
  type: 'object',
  additionalProperties: false,
  required: ['schema', 'values', 'secretsSet', 'perTenant', 'fileOnly'],
  properties: {
    schema: { type: 'object' },
    values: { type: 'object' },
    secretsSet: { type: 'array', items: { type: 'string' } },
    perTenant: { type: 'boolean' },
    fileOnly: { type: 'object', description: 'Values of fields marked "x-cong-file-only": true, from cong.config.json: shown, never written here.' },
  },
} as const;

/** A plugin's settings form data: its config schema and this scope's values, secrets write-only. */
export function settingsRoutes(route: RouteBuilder, deps: CoreApiDeps): void {
  const target = async (req: RouteRequest<{ plugin: string }, { scope: 'platform' | 'tenant' }, unknown>) => {
    const plugin = deps.installedPlugins().find((p) => p.id === req.params.plugin && p.id !== 'core');
    if (!plugin) throw new NotFoundError(`No plugin ${req.params.plugin} is installed`);
    if (req.query.scope === 'platform') {
      // Platform-wide values are the province's to set.
      if (req.tenantId !== (await deps.defaultTenantId())) throw new NotFoundError();
      return { plugin, tenantId: null };
    }
    return { plugin, tenantId: plugin.settings.schema?.['x-cong-per-tenant'] === true ? req.tenantId! : null };
  };

  route.get('/plugins/:plugin/settings', {
    summary: { vi: 'Cấu hình chức năng', en: 'Plugin settings' },
    description: 'Secrets are never returned: `secretsSet` lists the ones that have a value. `fileOnly` holds the values of fields set in cong.config.json only.',
    permission: 'core.settings.manage',
    schema: { params, query, response: { 200: view } },
    handler: async (req) => {
      const { plugin, tenantId } = await target(req);
      return deps.pluginSettings.read(plugin.settings, tenantId);
    },
  });

  route.put('/plugins/:plugin/settings', {
    summary: { vi: 'Lưu cấu hình chức năng', en: 'Save plugin settings' },
    description:
      'Replaces this scope\'s values after checking them against the plugin\'s schema; a secret left out keeps its value, null clears it. ' +
      'A field marked "x-cong-file-only": true is refused (400 CONG_ERR_SETTING_FILE_ONLY naming /values/<field>): set it in cong.config.json and restart.',
    permission: 'core.settings.manage',
    schema: {
      params,
      query,
      body: defineSchema<{ values: Record<string, unknown> }>({
        type: 'object',
        additionalProperties: false,
        required: ['values'],
        // Any keys here: the service checks them against the plugin's own (closed) config schema.
        properties: { values: { type: 'object', additionalProperties: {}, maxProperties: 200 } },
      }),
      response: { 200: view },
    },
    handler: async (req) => {
      const { plugin, tenantId } = await target(req);
      // Values shared by every unit are the province's to change, whichever scope the call names.
      if (tenantId === null && req.tenantId !== (await deps.defaultTenantId())) throw new NotFoundError();
      const saved = await deps.pluginSettings.write(plugin.settings, tenantId, req.body.values, req.principal!.id);
      await deps.audit.record(
        { action: 'core.settings.save', objectType: 'plugin', objectId: plugin.id, tenantId, after: saved.values },
        { request: req },
      );
      return saved;
    },
  });
}
