/**
 * The plugin's own configuration: the `config` object of its entry in `cong.config.json`, validated
 * at boot against the JSON Schema its manifest names, defaults applied, then deep-frozen.
 */
export interface PluginConfigService {
  get<T = Readonly<Record<string, unknown>>>(): T;
  /** The platform's public base URL (`http://localhost:3000`), for links in e-mails and feeds. */
  readonly publicUrl: string;
  /** Directory where the platform keeps data (`./data`); a plugin may use `<dataDir>/<pluginId>`. */
  readonly dataDir: string;
}
