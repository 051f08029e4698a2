import { coreServices, type PluginContext } from '@cong/sdk';

/** The plugin's settings (config.schema.json), defaults applied. */
export interface SitesSettings {
  /** The province's domain (`quangtri.gov.vn`); without it, CORE-02's name from the root unit. */
  readonly provinceDomain?: string;
  /** What an archived site's public pages do: `notice` (served with an archive notice) or `gone` (410). */
  readonly archivedSites: 'notice' | 'gone';
  /** What a merged unit's site becomes: `move` (content to the successor, hosts redirect page by page) or `archive` (kept readable). */
  readonly mergedSites: 'move' | 'archive';
  /** `Retry-After` of a suspended site's 503, in seconds. */
  readonly suspendedRetryAfterSeconds: number;
}

/** The settings in force for a unit (`null`: platform-wide). */
export function sitesSettings(ctx: PluginContext, tenantId: string | null): Promise<SitesSettings> {
  return ctx.get(coreServices.config).forTenant<SitesSettings>(tenantId);
}
