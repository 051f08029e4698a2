import type { PluginRegistrar } from '@cong/sdk';

/** Routes, jobs and listeners of the portal's search area. */
export function registerSearch(_reg: PluginRegistrar): void {}
