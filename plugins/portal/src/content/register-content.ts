import type { PluginRegistrar } from '@cong/sdk';

/** Routes, jobs and listeners of the portal's content area. */
export function registerContent(_reg: PluginRegistrar): void {}
