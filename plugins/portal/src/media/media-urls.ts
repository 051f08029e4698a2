import type { Site } from '../site/site-context.js';

/** `src="/media/…"` and `href="/media/…"` as the sanitizer writes them (double quotes, no spaces). */
const MEDIA_ATTRIBUTE = /\b(src|href)="\/media\//g;

/**
 * Stored HTML (an article body) with its `/media/<id>/<variant>` links and images pointed at the
 * request's site. Bodies keep media URLs site-relative so they survive a change of host; on the
 * platform host a unit's pages live under `/t/<slug>`, where a bare `/media/…` would name no unit.
 * Only for HTML that went through the sanitizer, which writes attributes as `name="value"`.
 */
export function siteMediaUrls(storedHtml: string, site: Pick<Site, 'prefix'>): string {
  if (site.prefix === '') return storedHtml;
  return storedHtml.replace(MEDIA_ATTRIBUTE, (_, attribute: string) => `${attribute}="${site.prefix}/media/`);
}
