/**
 * The plugin's own configuration: the `config` object of its entry in `cong.config.json`, validated
 * at boot against the JSON Schema its manifest names, defaults applied, then deep-frozen.
 */
export interface PluginConfigService {
  /** The configuration from cong.config.json (`pluginConfig.<id>`). */
  get<T = Readonly<Record<string, unknown>>>(): T;
  /**
   * The settings in force: the file's, then what admins set platform-wide, then (when the schema says
   * `"x-cong-per-tenant": true`) the unit's own. Defaults applied; read it when you need it, it can change.
   */
  forTenant<T = Readonly<Record<string, unknown>>>(tenantId: string | null): Promise<T>;
  /** The platform's public base URL (`http://localhost:3000`), for links in e-mails and feeds. */
  readonly publicUrl: string;
  /** Directory where the platform keeps data (`./data`); a plugin may use `<dataDir>/<pluginId>`. */
  readonly dataDir: string;
}
