import type { LoggerService } from '../services/logger-service.js';
import type { ServiceRef } from '../services/service-ref.js';

/**
 * What `start`, `stop`, the tenant hooks, route handlers and jobs receive: the plugin's identity and
 * access to the services it may use.
 */
export interface PluginContext {
  readonly pluginId: string;
  /** The plugin's package version. */
  readonly version: string;
  /** The plugin's logger (every line carries `plugin`). */
  readonly logger: LoggerService;
  /**
   * A service by ref: a core service (`coreServices.*`), one this plugin provides, or one of a plugin
   * it lists in `requires` (or in `optional`, when that plugin is present). Anything else throws
   * `CONG_ERR_SERVICE_NOT_DECLARED`.
   */
  get<T>(ref: ServiceRef<T>): T;
  /** Like {@link get}, but `undefined` when an optional plugin is absent or failed. */
  getOptional<T>(ref: ServiceRef<T>): T | undefined;
}

/** A tenant (an organisational unit), as plugins see it. */
export interface TenantInfo {
  readonly id: string;
  readonly slug: string;
  readonly nameVi: string;
  readonly nameEn: string | null;
  /** `province`, `department`, `commune`, `ward`, `special-zone` or `district` (legacy, archived). */
  readonly kind: string;
  readonly parentId: string | null;
  readonly status: 'active' | 'archived';
  readonly primaryHost: string | null;
}
