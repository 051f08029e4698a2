import type { MenuTargetKind } from './navigation-database.js';

/** A menu item's target as stored. */
export interface MenuTarget {
  readonly kind: MenuTargetKind;
  readonly value: string;
}

/** A language-neutral site path or an external URL: where a menu item (or a banner) leads. */
export type Href = { readonly internal: true; readonly path: string } | { readonly internal: false; readonly url: string };

/**
 * Where a target leads. Internal paths are language-neutral (`/trang/gioi-thieu`); the site writes
 * them per language (`/en/trang/gioi-thieu`) and with the unit's prefix.
 */
export function hrefOf(target: MenuTarget): Href {
  switch (target.kind) {
    case 'category':
      return { internal: true, path: `/chuyen-muc/${target.value}` };
    case 'page':
      return { internal: true, path: `/trang/${target.value}` };
    case 'article':
      return { internal: true, path: `/tin/${target.value}` };
    case 'legal':
      return { internal: true, path: '/van-ban' };
    case 'path':
      return { internal: true, path: target.value };
    case 'url':
      return { internal: false, url: target.value };
  }
}

/** A site path: `/…`, never `//…` or `/\…` (another host), no spaces or control characters, no `/en` prefix (the site adds it). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what the path must not hold
export const SITE_PATH = /^\/(?![/\\])[^\s\\\u0000-\u001f]*$/u;

export function isSitePath(value: string): boolean {
  return SITE_PATH.test(value) && value.length <= 500 && !/^\/en(\/|$|\?|#)/.test(value);
}

/** An absolute https URL with a host. */
export function isHttpsUrl(value: string): boolean {
  if (!/^https:\/\//i.test(value) || /\s/.test(value)) return false;
  try {
    return new URL(value).hostname !== '';
  } catch {
    return false;
  }
}
