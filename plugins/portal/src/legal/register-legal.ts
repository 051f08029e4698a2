import type { PluginRegistrar } from '@cong/sdk';

/** Routes, jobs and listeners of the portal's legal area. */
export function registerLegal(_reg: PluginRegistrar): void {}
