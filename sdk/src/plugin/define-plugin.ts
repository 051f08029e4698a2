import type { PluginContext, TenantInfo } from './plugin-context.js';
import type { PluginRegistrar } from './plugin-registrar.js';

/** The hooks of a plugin. Only `register` is required. */
export interface PluginDefinition {
  /** Declares routes, services, jobs, events and migrations. Synchronous, without I/O. */
  register(reg: PluginRegistrar): void;
  /** Runs after migrations, in dependency order; I/O allowed. Has a timeout (default 10 s). */
  start?(ctx: PluginContext): Promise<void> | void;
  /** Runs at shutdown, in reverse dependency order, after in-flight requests have drained. */
  stop?(ctx: PluginContext): Promise<void> | void;
  /** The plugin was enabled for a tenant: seed its defaults. Never called twice for one tenant. */
  onTenantEnable?(ctx: PluginContext, tenant: TenantInfo): Promise<void> | void;
  /** The plugin was disabled for a tenant: stop its work. Never drop data here. */
  onTenantDisable?(ctx: PluginContext, tenant: TenantInfo): Promise<void> | void;
  /**
   * The platform runs as the demo province (`demo: true`) and has just created its units: add sample
   * content so a first visitor sees a working site. Called once, after every plugin started and
   * `onTenantEnable` ran for the units; never called outside demo mode. A failure is logged and the demo
   * still starts.
   */
  seedDemo?(ctx: PluginContext): Promise<void> | void;
}

/** A plugin, as the host receives it: an opaque, versioned envelope around the definition. */
export interface CongPlugin extends Readonly<PluginDefinition> {
  readonly $$type: '@cong/Plugin';
  /** Envelope version; the host refuses envelopes it does not know. */
  readonly version: 'v1';
}

/**
 * Defines a plugin. The package's default export.
 *
 * @example
 * ```ts
 * import { definePlugin, coreServices } from '@cong/sdk';
 *
 * export default definePlugin({
 *   register(reg) {
 *     reg.routes(route => {
 *       route.get('/ping', {
 *         summary: 'Liveness of the plugin',
 *         schema: { response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } }, additionalProperties: false } } },
 *         handler: () => ({ ok: true }),
 *       });
 *     });
 *   },
 *   async start(ctx) {
 *     ctx.logger.info('ready');
 *   },
 * });
 * ```
 */
export function definePlugin(definition: PluginDefinition): CongPlugin {
  if (typeof definition?.register !== 'function') {
    throw new TypeError('definePlugin needs a register(reg) function');
  }
  for (const hook of ['start', 'stop', 'onTenantEnable', 'onTenantDisable', 'seedDemo'] as const) {
    if (definition[hook] !== undefined && typeof definition[hook] !== 'function') {
      throw new TypeError(`definePlugin: ${hook} must be a function`);
    }
  }
  return Object.freeze({ ...definition, $$type: '@cong/Plugin', version: 'v1' });
}

/** True for a value made by {@link definePlugin}, also by another copy of this package. */
export function isCongPlugin(value: unknown): value is CongPlugin {
  return typeof value === 'object' && value !== null && (value as { $$type?: unknown }).$$type === '@cong/Plugin';
}
