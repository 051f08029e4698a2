import { createExtensionPoint } from '@cong/sdk';

/** A site's availability as a monitoring plugin measured it. */
export interface SiteUptime {
  /** Share of successful checks over the period, 0–100. */
  readonly percent: number;
  /** Days the figure covers. */
  readonly periodDays: number;
}

/** Answers the uptime of many units' sites at once; units it does not watch are left out of the map. */
export type UptimeSource = (tenantIds: readonly string[]) => Promise<ReadonlyMap<string, SiteUptime>>;

/**
 * `sites.uptime`: where a monitoring plugin (IT monitoring, DOMAIN.md §9) plugs in the uptime the
 * network dashboard shows. Optional: without a source the dashboard shows "—".
 *
 * @example
 * ```ts
 * reg.extend(sitesUptimePoint, (uptime, ctx) => uptime.provide((ids) => myChecks(ctx).uptimeOf(ids)));
 * ```
 */
export interface SitesUptime {
  /** Sets the source; a second call replaces the first. */
  provide(source: UptimeSource): void;
}

export const sitesUptimePoint = createExtensionPoint<SitesUptime>({ id: 'sites.uptime', version: 1 });

/** The sites plugin's implementation: holds the one source, if any. */
export class UptimeRegistry implements SitesUptime {
  #source: UptimeSource | undefined;

  provide(source: UptimeSource): void {
    this.#source = source;
  }

  /** The uptime of these units, or null when no monitoring plugin provides it (or it fails: the dashboard still answers). */
  async of(tenantIds: readonly string[]): Promise<ReadonlyMap<string, SiteUptime> | null> {
    if (!this.#source) return null;
    try {
      return await this.#source(tenantIds);
    } catch {
      return null;
    }
  }
}
