import type { CongPlugin, InlinePlugin, JsonSchema, PluginManifest } from '@cong/sdk';

/** A plugin whose package was found, whose manifest is valid and whose entry was imported. */
export interface LoadedPlugin {
  readonly id: string;
  readonly manifest: PluginManifest;
  readonly plugin: CongPlugin;
  readonly version: string;
  readonly packageName: string;
  /** Package directory, for files the manifest names; absent for inline test plugins. */
  readonly root?: string;
  /** The JSON Schema the manifest's `config` names, when it names one. */
  readonly configSchema?: JsonSchema;
}

/** A plugin given to the platform: a package name, a directory path, or an inline definition (tests). */
export type PluginSource = string | InlinePlugin;
