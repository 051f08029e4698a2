import type { TenantInfo } from '@cong/sdk';
import { sitePath, type Lang } from '../site/languages.js';

type Unit = Pick<TenantInfo, 'slug' | 'primaryHost'>;

/**
 * The root of a unit's public site. From a page (`from`: the request's origin and protocol) it is
 * absolute: the unit's primary host, else `/t/<slug>` on the request's origin. Without a request (an
 * API answer) it is `https://<primary host>`, else the path `/t/<slug>` on this platform.
 */
export function unitSiteRoot(unit: Unit, from?: { readonly origin: string }): string {
  if (unit.primaryHost) return `${from ? from.origin.split('://')[0] : 'https'}://${unit.primaryHost}`;
  return `${from?.origin ?? ''}/t/${unit.slug}`;
}

/** An article's public address on its own unit's site, in a language (default Vietnamese). */
export function unitArticleUrl(unit: Unit, slug: string, options: { readonly from?: { readonly origin: string }; readonly lang?: Lang } = {}): string {
  return `${unitSiteRoot(unit, options.from)}${sitePath(`/tin/${slug}`, options.lang ?? 'vi')}`;
}

/** A linked item's address on the showing unit's site, language-neutral. */
export function linkedItemPath(id: string): string {
  return `/tin-lien-ket/${id}`;
}
