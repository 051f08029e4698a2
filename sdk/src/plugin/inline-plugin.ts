import type { JsonSchema } from '../http/json-schema.js';
import type { CongPlugin } from './define-plugin.js';
import type { PluginManifest } from './plugin-manifest.js';

/**
 * A plugin given to a platform as values instead of a package: its manifest and definition. Test
 * platforms take these beside package names and paths.
 */
export interface InlinePlugin {
  readonly manifest: PluginManifest;
  readonly plugin: CongPlugin;
  /** Default is `0.0.0`. */
  readonly version?: string;
  /** Shown in reports and errors. Default is the plugin id. */
  readonly packageName?: string;
  /** JSON Schema of the plugin's configuration (a package names it in its manifest's `config`). */
  readonly configSchema?: JsonSchema;
}
