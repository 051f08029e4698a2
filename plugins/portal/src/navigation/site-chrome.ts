import { coreServices } from '@cong/sdk';
import type { AlertSeverity } from '../alerts/alerts-database.js';
import { alertsInForce } from '../alerts/alerts-in-force.js';
import type { Site } from '../site/site-context.js';
import { BannerRepository } from './banner.repository.js';
import { MenuService, type MenuItem } from './menu.service.js';
import type { BannerPlacement, BannerRow, MenuLocation, NavigationDatabase } from './navigation-database.js';

/** An emergency alert as the layout shows it. */
export interface ChromeAlert {
  readonly id: string;
  readonly severity: AlertSeverity;
  readonly message: string;
  /** The message's language: on pages in other languages the English, else the Vietnamese when the alert has none. */
  readonly lang: 'vi' | 'en';
  /** The unit that posted it, when it is a unit above this one (a subtree alert). */
  readonly from: string | null;
}

/** What the layout shows around every page: menus, banners in their window, alerts in force. */
export interface SiteChrome {
  readonly menus: ReadonlyMap<MenuLocation, readonly MenuItem[]>;
  readonly banners: Readonly<Record<BannerPlacement, readonly BannerRow[]>>;
  readonly alerts: readonly ChromeAlert[];
}

/** The alerts in force for the site's unit, most severe first, then newest. */
export async function activeAlerts(site: Site, now: number): Promise<ChromeAlert[]> {
  const { rows, units } = await alertsInForce(site.ctx, site.tenant, now);
  const nameOf = (id: string) => {
    const unit = units.get(id);
    return unit ? site.pair(unit.nameVi, unit.nameEn).text : null;
  };
  return rows.map((row) => {
    const message = site.pair(row.message_vi, row.message_en);
    return { id: row.id, severity: row.severity, message: message.text, lang: message.lang, from: row.tenant_id === site.tenant.id ? null : nameOf(row.tenant_id) };
  });
}

/**
 * The chrome of each unit and language, kept for a second: an uncached page would otherwise read
 * menus, banners, alerts and the unit's ancestors again for every visitor. A change in this process
 * drops the unit's entry at once (`portal.site-changed`, see register-site.ts); other processes see it
 * within the second, as they see the page cache's changes.
 */
class ChromeCache {
  readonly #entries = new Map<string, { readonly at: number; readonly chrome: Promise<SiteChrome> }>();
  constructor(readonly ttlMs: number) {}

  get(key: string, now: number, load: () => Promise<SiteChrome>): Promise<SiteChrome> {
    const found = this.#entries.get(key);
    if (found && now - found.at < this.ttlMs) return found.chrome;
    const chrome = load();
    this.#entries.set(key, { at: now, chrome });
    chrome.catch(() => this.#entries.delete(key)); // a failed read is not kept
    if (this.#entries.size > 10_000) this.#entries.delete(this.#entries.keys().next().value!);
    return chrome;
  }

  invalidate(tenantId: string): void {
    for (const key of this.#entries.keys()) if (key.startsWith(`${tenantId}\u0000`)) this.#entries.delete(key);
  }
}

export const siteChromeCache = new ChromeCache(1_000);

/** Reads the chrome of one page (through {@link siteChromeCache}); a print view needs only the alerts. */
export async function loadChrome(site: Site, options: { readonly print?: boolean; readonly now?: number } = {}): Promise<SiteChrome> {
  const now = options.now ?? Date.now();
  if (options.now !== undefined) return readChrome(site, now, options.print ?? false);
  return siteChromeCache.get(`${site.tenant.id}\u0000${site.lang}\u0000${options.print ? 'print' : 'page'}`, now, () => readChrome(site, now, options.print ?? false));
}

async function readChrome(site: Site, now: number, print: boolean): Promise<SiteChrome> {
  const alerts = activeAlerts(site, now);
  if (print) return { menus: new Map(), banners: { 'home-top': [], 'home-side': [], footer: [] }, alerts: await alerts };
  const db = site.ctx.get(coreServices.database).kysely<NavigationDatabase>();
  const [menus, showing] = await Promise.all([new MenuService(site.ctx).all(site.tenant.id), new BannerRepository(db).showing(site.tenant.id, now)]);
  const banners: Record<BannerPlacement, BannerRow[]> = { 'home-top': [], 'home-side': [], footer: [] };
  for (const b of showing) banners[b.placement].push(b);
  return { menus, banners, alerts: await alerts };
}
