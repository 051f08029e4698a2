import type { Migration } from 'kysely';
import { CongError, type PluginContext, type PluginRegistrar, type RouteBuilder, type RouteDeclaration, type RouteOptions, type RouteSchemas } from '@cong/sdk';
import type { LoadedPlugin } from '../plugins/loaded-plugin.js';
import { loadPlugins } from '../plugins/load-plugins.js';
import { schemaCompiler } from '../validation/schema-compiler.js';

/** A route as `register` declared it, before the core compiles it. */
export interface DeclaredRoute {
  /** `/api/<id>` for `reg.routes`, empty for `reg.publicRoutes`. */
  readonly basePath: string;
  readonly declaration: RouteDeclaration;
}

/** What a plugin's `register` declares that the rules check, or why it could not be read. */
export type PluginRegistration =
  | { readonly ok: true; readonly loaded: LoadedPlugin; readonly routes: readonly DeclaredRoute[]; readonly migrations: Readonly<Record<string, Migration>> }
  | { readonly ok: false; readonly stage: 'load' | 'register'; readonly reason: string };

/**
 * Loads the plugin from its built entry with the core's loader (the exports map, the manifest, the
 * `definePlugin` check), then runs its `register` against a registrar that only records: no
 * database, no core services, no other plugins (a plugin's `requires` need not be installed). The
 * host's own registrar compiles each route as it is declared and stops at the first refusal; this
 * one keeps every route so each refusal becomes its own finding.
 */
export async function readRegistration(dir: string): Promise<PluginRegistration> {
  let loaded: LoadedPlugin;
  try {
    [loaded] = (await loadPlugins([dir], dir)) as [LoadedPlugin];
  } catch (error) {
    return { ok: false, stage: 'load', reason: CongError.is(error) ? `${error.code}: ${error.message}` : String((error as Error)?.message ?? error) };
  }
  const routes: DeclaredRoute[] = [];
  let migrations: Record<string, Migration> = {};
  const builder = (basePath: string): RouteBuilder => {
    const add = (method: RouteDeclaration['method']) => (path: string, options: RouteOptions<RouteSchemas>) => {
      routes.push({ basePath, declaration: { method, path, options } });
    };
    return { get: add('get'), post: add('post'), put: add('put'), patch: add('patch'), delete: add('delete') };
  };
  const recorded: Partial<PluginRegistrar> = {
    pluginId: loaded.id,
    config: <T>() => configDefaults(loaded) as T,
    routes: (declare) => declare(builder(`/api/${loaded.id}`)),
    publicRoutes: (declare) => declare(builder('')),
    migrations: (declared) => {
      migrations = { ...migrations, ...declared };
    },
  };
  // Everything else a plugin may declare (services, jobs, events, commands…) is accepted and ignored.
  const registrar = new Proxy(recorded, {
    get: (target, key) => (key in target ? target[key as keyof PluginRegistrar] : () => undefined),
  }) as PluginRegistrar;
  try {
    const result = loaded.plugin.register(registrar) as unknown;
    if (result instanceof Promise) {
      result.catch(() => undefined);
      return { ok: false, stage: 'register', reason: 'register returned a promise: it must be synchronous (do I/O in start)' };
    }
  } catch (error) {
    return { ok: false, stage: 'register', reason: CongError.is(error) ? `${error.code}: ${error.message}` : String((error as Error)?.message ?? error) };
  }
  return { ok: true, loaded, routes, migrations };
}

/** The configuration a plugin gets with nothing in cong.config.json: its schema's defaults. */
function configDefaults(loaded: LoadedPlugin): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  if (loaded.configSchema) {
    try {
      schemaCompiler.compile(loaded.configSchema)(value);
    } catch {
      /* an unusable config schema: the manifest rule's concern, the plugin gets {} */
    }
  }
  return value;
}

/** A context for compiling routes outside a platform: nothing may be resolved through it. */
export function inertContext(loaded: LoadedPlugin): PluginContext {
  const unavailable = (): never => {
    throw new Error('services are not available while verifying a plugin');
  };
  const noop = () => undefined;
  const logger = { trace: noop, debug: noop, info: noop, warn: noop, error: noop, fatal: noop, child: () => logger };
  return { pluginId: loaded.id, version: loaded.version, logger: logger as unknown as PluginContext['logger'], get: unavailable, getOptional: unavailable };
}
