import { html, type SafeHtml } from '../site/html.js';
import { pairIn, type Lang } from '../site/languages.js';
import type { Site } from '../site/site-context.js';
import type { MediaItem } from './media.schema.js';

/**
 * A media text (a vi/en pair, either may be missing) in a page's language, as `pairIn` picks: English
 * and every other language show the English, else the Vietnamese; null when there is nothing to show.
 */
export function mediaText(lang: Lang, text: { readonly vi: string | null; readonly en: string | null }): string | null {
  return text.vi === null ? (lang === 'vi' ? null : text.en) : pairIn(lang, text.vi, text.en).text;
}

/** What a page says about the space an image takes, for the browser to pick a width. */
export const DEFAULT_SIZES = '(min-width: 1024px) 800px, 100vw';

/** A media URL on the request's site: media paths are the same in both languages (no `/en`). */
const onSite = (site: Pick<Site, 'prefix'>, path: string) => `${site.prefix}${path}`;

/** `srcset` of an image's WebP derivatives, narrowest first: `/media/<id>/w320.webp 320w, …`. */
export function mediaSrcset(site: Pick<Site, 'prefix'>, item: Pick<MediaItem, 'variants'>): string {
  return item.variants
    .filter((v) => v.contentType === 'image/webp')
    .map((v) => `${onSite(site, v.url)} ${v.width}w`)
    .join(', ');
}

/** The JPEG/PNG derivative for `src` (readers without WebP or srcset), else the original. */
export function mediaFallbackUrl(site: Pick<Site, 'prefix'>, item: Pick<MediaItem, 'variants' | 'url'>): string {
  const fallback = item.variants.find((v) => v.contentType !== 'image/webp');
  return onSite(site, fallback?.url ?? item.url);
}

export interface MediaImageOptions {
  /** The `sizes` attribute; default {@link DEFAULT_SIZES}. */
  readonly sizes?: string;
  /** `eager` for the first image of a page (the largest contentful paint); default `lazy`. */
  readonly loading?: 'lazy' | 'eager';
  readonly className?: string;
}

/**
 * `<img>` of a library image for a public page: `src` the JPEG/PNG fallback, `srcset` the WebP widths,
 * `width`/`height` of the original (no layout shift), lazy loading, and the alt text in the page's
 * language ({@link mediaText}). An image still flagged `needsAlt` gets `alt=""`, which
 * screen readers skip as decorative, rather than its file name read aloud.
 */
export function mediaImageHtml(site: Pick<Site, 'prefix' | 'lang'>, item: Pick<MediaItem, 'variants' | 'url' | 'alt' | 'width' | 'height'>, options: MediaImageOptions = {}): SafeHtml {
  const alt = mediaText(site.lang, item.alt) ?? '';
  const srcset = mediaSrcset(site, item);
  return html`<img src="${mediaFallbackUrl(site, item)}"${srcset ? html` srcset="${srcset}" sizes="${options.sizes ?? DEFAULT_SIZES}"` : ''} alt="${alt}"${
    item.width ? html` width="${item.width}" height="${item.height ?? ''}"` : ''
  } loading="${options.loading ?? 'lazy'}" decoding="async"${options.className ? html` class="${options.className}"` : ''}>`;
}

/**
 * A library image as a `<figure>`: the {@link mediaImageHtml} image, and a `<figcaption>` with the
 * caption (page language, falling back to Vietnamese) and the credit ("Ảnh: …" / "Photo: …") when
 * there is either.
 */
export function mediaFigureHtml(
  site: Pick<Site, 'prefix' | 'lang' | 't'>,
  item: Pick<MediaItem, 'variants' | 'url' | 'alt' | 'width' | 'height' | 'caption' | 'credit'>,
  options: MediaImageOptions = {},
): SafeHtml {
  const caption = mediaText(site.lang, item.caption);
  const credit = item.credit ? html`<span class="credit">${site.t('Ảnh', 'Photo')}: ${item.credit}</span>` : '';
  return html`<figure class="media">${mediaImageHtml(site, item, options)}${caption || item.credit ? html`<figcaption>${caption ?? ''}${caption && item.credit ? ' ' : ''}${credit}</figcaption>` : ''}</figure>`;
}

/** schema.org `ImageObject` of a library image, for a page's JSON-LD: the original's absolute URL and size. */
export function mediaImageObject(site: Pick<Site, 'prefix' | 'lang' | 'origin'>, item: Pick<MediaItem, 'variants' | 'url' | 'alt' | 'width' | 'height' | 'caption' | 'credit'>): Record<string, unknown> {
  const caption = mediaText(site.lang, item.caption);
  const alt = mediaText(site.lang, item.alt);
  return {
    '@type': 'ImageObject',
    contentUrl: `${site.origin}${onSite(site, item.url)}`,
    ...(item.width ? { width: item.width, height: item.height } : {}),
    ...(caption ? { caption } : alt ? { caption: alt } : {}),
    ...(item.credit ? { creditText: item.credit } : {}),
  };
}
