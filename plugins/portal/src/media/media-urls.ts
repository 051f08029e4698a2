import type { Site } from '../site/site-context.js';

/** `src="/media/…"` and `href="/media/…"` as the sanitizer writes them (double quotes, no spaces). */
const MEDIA_ATTRIBUTE = /\b(src|href)="\/media\//g;

/** A library image at one WebP width, as bodies store it (the editor's picker writes these). */
const MEDIA_WEBP_IMAGE = /<img src="\/media\/([0-9a-f-]{36})\/w(\d{2,4})\.webp"/g;
/** The derivative widths (src/media/image-derivatives.ts); every one narrower than an image's stored width exists. */
const WIDTHS = [320, 640, 1024, 1600];
/** Article bodies are at most about 60rem wide on the public site. */
const BODY_SIZES = '(max-width: 60rem) 100vw, 60rem';

/**
 * Stored HTML (an article body) with its library images given the narrower WebP derivatives as a
 * `srcset` (a phone downloads the 320 or 640 px file, not the 1024), and its `/media/<id>/<variant>`
 * links and images pointed at the request's site. Bodies keep media URLs site-relative so they survive a change of host; on the
 * platform host a unit's pages live under `/t/<slug>`, where a bare `/media/…` would name no unit.
 * Only for HTML that went through the sanitizer, which writes attributes as `name="value"`.
 */
export function siteMediaUrls(storedHtml: string, site: Pick<Site, 'prefix'>): string {
  const responsive = storedHtml.replace(MEDIA_WEBP_IMAGE, (_, id: string, w: string) => {
    const width = Number(w);
    const set = [...WIDTHS.filter((x) => x < width), width].map((x) => `${site.prefix}/media/${id}/w${x}.webp ${x}w`).join(', ');
    return `<img srcset="${set}" sizes="${BODY_SIZES}" src="/media/${id}/w${w}.webp"`;
  });
  if (site.prefix === '') return responsive;
  return responsive.replace(MEDIA_ATTRIBUTE, (_, attribute: string) => `${attribute}="${site.prefix}/media/`);
}
