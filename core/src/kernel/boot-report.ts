import type { PluginReport } from '../plugins/plugin-host.js';

/** The platform's state, each plugin's state, versions and timings: logged at start, served at /readyz. */
export interface BootReport {
  readonly state: PlatformState;
  readonly coreVersion: string;
  readonly pluginApiVersion: string;
  readonly database: { readonly dialect: string; readonly description: string };
  readonly timings: { readonly bootMs?: number; readonly coreMigrateMs?: number };
  readonly plugins: readonly PluginReport[];
}

export type PlatformState = 'created' | 'starting' | 'running' | 'failed' | 'stopping' | 'stopped';
