// The only module that calls tsyringe's container APIs (STYLE.md §3.3).
import 'reflect-metadata';
import { container as globalContainer, type DependencyContainer } from 'tsyringe';
import { CONG_ERR_PLUGIN_REGISTRATION_INVALID } from '../errors.js';

/** The platform's root container: a child of tsyringe's global one, so two platforms in one process stay apart. */
export function createRootContainer(): DependencyContainer {
  return globalContainer.createChildContainer();
}

/** A container for one plugin, whose tokens (service ref ids) resolve through `resolveById`. */
export interface PluginContainer {
  /** Builds an instance of a class whose constructor parameters each carry `@inject(ref)`. */
  construct<T>(type: new (...args: never[]) => T): T;
}

/**
 * Creates a plugin's child container. Every token a class asks for is resolved through `resolveById`,
 * which applies the plugin's declaration rules; a parameter without `@inject` is refused up front
 * (esbuild emits no decorator metadata, so tsyringe could not know the type).
 */
export function createPluginContainer(
  root: DependencyContainer,
  pluginId: string,
  resolveById: (id: string) => unknown,
): PluginContainer {
  const child = root.createChildContainer();
  return {
    construct<T>(type: new (...args: never[]) => T): T {
      const tokens = (Reflect.getMetadata('injectionTokens', type) ?? {}) as Record<number, unknown>;
      for (let i = 0; i < type.length; i++) {
        // tsyringe 4.10 records `{ token, multiple, isOptional }`; older versions the bare token.
        const entry = tokens[i];
        const token = typeof entry === 'object' && entry !== null ? (entry as { token?: unknown }).token : entry;
        if (typeof token !== 'string') {
          throw CONG_ERR_PLUGIN_REGISTRATION_INVALID.create({
            plugin: pluginId,
            reason: `constructor parameter ${i} of ${type.name} has no @inject(ref) (decorator metadata is not emitted by esbuild)`,
          });
        }
        if (!child.isRegistered(token)) child.register(token, { useFactory: () => resolveById(token) });
      }
      return child.resolve(type as never) as T;
    },
  };
}
