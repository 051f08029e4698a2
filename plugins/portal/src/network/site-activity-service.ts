import { createServiceRef } from '@cong/sdk';

/** What a unit's site has published and left undone, as the network dashboard reads it. */
export interface SiteActivity {
  readonly tenantId: string;
  /** ISO time of the newest published content: an article's publication or update, a page's update. Null when nothing is published. */
  readonly lastUpdate: string | null;
  /** Articles first published at or after `since`. */
  readonly publishedSince: number;
  /** Mandated sections that apply to the unit (not marked "not applicable"). */
  readonly mandatedSections: number;
  /** Of those, the ones with nothing in them (the compliance report's `empty`). */
  readonly emptyMandatedSections: number;
  /** Organisation rows (units, leaders, schedule, contacts) whose English no longer matches the Vietnamese (POR-23). */
  readonly staleEnglish: number;
}

/** One outbound link (http or https, to another host or not) in a published article or page of a unit. */
export interface OutboundLink {
  /** As written in the content, without its `#fragment`. */
  readonly url: string;
  readonly itemType: 'article' | 'page';
  readonly itemId: string;
  readonly title: string;
  /** Where the item is read on the unit's site, language-neutral: `/tin/<slug>`, `/trang/<slug>`. */
  readonly path: string;
}

/**
 * Batched reads of many units' sites at once (the tenant-sites plugin's network dashboard and link
 * checker): a fixed number of queries whatever the number of units, never one per unit. Like
 * {@link PortalArticlesService}, it reads any unit the caller names: the calling plugin decides which
 * units its user may see.
 */
export interface SiteActivityService {
  /** One entry per unit asked for, in the order asked; a unit without content has zeros and nulls. */
  activity(tenantIds: readonly string[], options: { readonly since: Date }): Promise<SiteActivity[]>;
  /** The outbound links of the unit's published articles and pages, one entry per link and item. */
  outboundLinks(tenantId: string): Promise<OutboundLink[]>;
}

/** `ctx.get(siteActivityRef)` in a plugin that `requires` the portal. */
export const siteActivityRef = createServiceRef<SiteActivityService>({ id: 'portal.site-activity' });
