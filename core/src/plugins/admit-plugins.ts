import satisfies from 'semver/functions/satisfies.js';
import {
  CONG_ERR_PLUGIN_API_MISMATCH,
  CONG_ERR_PLUGIN_DEPENDENCY_MISSING,
  CONG_ERR_PLUGIN_DEPENDENCY_VERSION,
  CONG_ERR_PLUGIN_DUPLICATE_ID,
} from '../errors.js';
import type { LoadedPlugin } from './loaded-plugin.js';
import { topologicalOrder } from './plugin-graph.js';

/** Plugins that passed admission, in boot order, with the ids each depends on (present ones only). */
export interface AdmittedPlugins {
  readonly order: readonly LoadedPlugin[];
  readonly dependencies: ReadonlyMap<string, readonly string[]>;
}

/**
 * The checks a set of plugins must pass before anything of theirs runs, each failure with its own
 * code and a message naming the plugins: unique ids, `pluginApi` satisfied by this core's sdk,
 * every `requires` present in a matching version, `optional` ones matching when present, no cycles.
 */
export function admitPlugins(plugins: readonly LoadedPlugin[], pluginApiVersion: string): AdmittedPlugins {
  const byId = new Map<string, LoadedPlugin>();
  for (const plugin of plugins) {
    const first = byId.get(plugin.id);
    if (first) throw CONG_ERR_PLUGIN_DUPLICATE_ID.create({ plugin: plugin.id, first: first.packageName, second: plugin.packageName });
    byId.set(plugin.id, plugin);
  }

  const dependencies = new Map<string, string[]>();
  for (const plugin of plugins) {
    const { manifest } = plugin;
    if (!satisfies(pluginApiVersion, manifest.pluginApi, { includePrerelease: true })) {
      throw CONG_ERR_PLUGIN_API_MISMATCH.create({ plugin: plugin.id, range: manifest.pluginApi, version: pluginApiVersion });
    }
    const deps: string[] = [];
    for (const [dep, range] of Object.entries(manifest.requires ?? {})) {
      const found = byId.get(dep);
      if (!found) throw CONG_ERR_PLUGIN_DEPENDENCY_MISSING.create({ plugin: plugin.id, dependency: dep });
      checkVersion(plugin.id, found, range);
      deps.push(dep);
    }
    for (const [dep, range] of Object.entries(manifest.optional ?? {})) {
      const found = byId.get(dep);
      if (!found) continue;
      checkVersion(plugin.id, found, range);
      deps.push(dep);
    }
    dependencies.set(plugin.id, deps);
  }

  const order = topologicalOrder(plugins.map((p) => p.id), dependencies);
  return { order: order.map((id) => byId.get(id)!), dependencies };
}

function checkVersion(pluginId: string, dependency: LoadedPlugin, range: string): void {
  if (!satisfies(dependency.version, range, { includePrerelease: true })) {
    throw CONG_ERR_PLUGIN_DEPENDENCY_VERSION.create({ plugin: pluginId, dependency: dependency.id, range, version: dependency.version });
  }
}
