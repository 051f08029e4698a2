import { coreServices } from '@cong/sdk';
import type { AlertSeverity } from '../alerts/alerts-database.js';
import { alertsInForce } from '../alerts/alerts-in-force.js';
import type { Site } from '../site/site-context.js';
import { BannerRepository } from './banner.repository.js';
import { MenuService, type MenuItem } from './menu.service.js';
import type { BannerPlacement, BannerRow, MenuLocation, NavigationDatabase } from './navigation-database.js';
import { unitMemo } from '../site/unit-memo.js';

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
 * The chrome of each unit and language: menus, banners, alerts and the unit's ancestors are the same
 * for every visitor (unit-memo.ts says when it is dropped).
 */
export const siteChromeCache = unitMemo<SiteChrome>();

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
