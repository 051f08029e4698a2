import type { LocalizedText } from '../http/route.js';

/** The `cong` field of a plugin's package.json. `schemas/manifest.schema.json` is its JSON Schema. */
export interface PluginManifest {
  readonly id: string;
  readonly pluginApi: string;
  /** The plugin's display name in the admin shell (Vietnamese required, English optional; at most 100 characters each). Without it the shell shows the id. */
  readonly name?: LocalizedText;
  readonly requires?: Readonly<Record<string, string>>;
  readonly optional?: Readonly<Record<string, string>>;
  readonly permissions?: readonly { readonly id: string; readonly label: LocalizedText; readonly description?: LocalizedText }[];
  readonly config?: string;
  readonly admin?: {
    readonly module: string;
    readonly nav?: readonly AdminNavItem[];
    readonly slots?: readonly AdminSlot[];
    readonly settings?: boolean;
  };
  readonly widgets?: { readonly module: string; readonly elements: readonly string[] };
  /** Default is `continue`. */
  readonly failurePolicy?: 'continue' | 'abort';
  readonly hookTimeoutMs?: number;
}

export interface AdminNavItem {
  readonly id: string;
  readonly label: LocalizedText;
  readonly route: string;
  readonly element: string;
  readonly permission?: string;
  readonly icon?: string;
  readonly order?: number;
}

export interface AdminSlot {
  readonly zone: string;
  readonly element: string;
  readonly order?: number;
  readonly permission?: string;
}
