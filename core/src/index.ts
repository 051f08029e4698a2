// @cong/core: the kernel. Its public surface is createPlatform; everything else is reached through it.
import { Platform, type PlatformOptions } from './kernel/platform.js';

/**
 * Creates a platform from `cong.config.json`, `CONG_*` environment variables and `options`. The
 * configuration is validated at once; call `start()` to boot plugins and `listen()` to serve.
 *
 * @example
 * ```ts
 * const platform = createPlatform();
 * await platform.start();
 * console.log(await platform.listen());
 * ```
 */
export function createPlatform(options: PlatformOptions = {}): Platform {
  return new Platform(options);
}

export type { Platform, PlatformOptions };
export type { BootReport, PlatformState } from './kernel/boot-report.js';
export type { PluginReport, PluginState } from './plugins/plugin-host.js';
export type { PluginSource } from './plugins/loaded-plugin.js';
export type { CongConfig } from './config/cong-config.js';
