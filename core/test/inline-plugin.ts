import { definePlugin, type PluginDefinition, type PluginManifest } from '@cong/sdk';

/** An inline plugin for kernel tests: a manifest (id and pluginApi filled in) and a definition. */
export function inlinePlugin(
  manifest: Partial<PluginManifest> & { id: string },
  definition: Partial<PluginDefinition> = {},
  version = '1.0.0',
) {
  return {
    manifest: { pluginApi: '^1.0.0', ...manifest } as PluginManifest,
    plugin: definePlugin({ register() {}, ...definition }),
    version,
    packageName: `@test/plugin-${manifest.id}`,
  };
}

/** A plugin with one public GET route `/api/<id>/ping`. */
export function pingPlugin(id: string, extra: Partial<PluginManifest> = {}, definition: Partial<PluginDefinition> = {}, version = '1.0.0') {
  return inlinePlugin({ id, ...extra }, {
    ...definition,
    register(reg) {
      reg.routes((route) =>
        route.get('/ping', {
          summary: 'ping',
          schema: { response: { 200: { type: 'object', additionalProperties: false, properties: { plugin: { type: 'string' } } } } },
          handler: () => ({ plugin: id }),
        }),
      );
      definition.register?.(reg);
    },
  }, version);
}
