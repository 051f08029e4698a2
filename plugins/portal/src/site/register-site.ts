import type { PluginRegistrar } from '@cong/sdk';

/** Routes, jobs and listeners of the portal's site area. */
export function registerSite(_reg: PluginRegistrar): void {}
