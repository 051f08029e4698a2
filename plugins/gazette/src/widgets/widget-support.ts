// What the gazette widgets share: where the bundle came from, the page's language, the public API v1's
// URLs, an anonymous JSON GET, and links that are only ever http(s). No admin shell, no @cong/sdk.

/** Where this bundle was loaded from: the server, and a `/t/<slug>/` prefix if the page used one. */
const SCRIPT_URL = new URL(import.meta.url);
const SCRIPT_UNIT = /^\/t\/([a-z0-9]+(?:-[a-z0-9]+)*)\//.exec(SCRIPT_URL.pathname)?.[1];

export type WidgetLanguage = 'vi' | 'en';

/** English when `lang` starts with `en`, otherwise Vietnamese. */
export function widgetLanguage(lang: string | null | undefined): WidgetLanguage {
  return lang?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

/** A query value: several values repeat the parameter (`conditions[type][]=a&conditions[type][]=b`). */
export type QueryValue = string | readonly string[] | undefined;

/**
 * The URL of a path of the gazette's public API v1 for a unit, or undefined when `server` is not an
 * http(s) URL or no unit is known. The unit goes in the path (`/t/<slug>/api/gazette/v1/…`): a custom
 * header would need a CORS preflight, and a plain GET needs none.
 */
export function publicApiUrl(server: string | undefined, unit: string | undefined, path: string, query: Readonly<Record<string, QueryValue>>): string | undefined {
  let origin: string;
  try {
    const url = new URL(server || SCRIPT_URL.origin);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    origin = url.origin;
  } catch {
    return undefined;
  }
  const slug = unit || SCRIPT_UNIT;
  if (!slug || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) return undefined;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const one of typeof value === 'string' ? [value] : (value ?? [])) if (one !== '') search.append(key, one);
  }
  const qs = search.toString();
  return `${origin}/t/${slug}/api/gazette/v1/${path}${qs ? `?${qs}` : ''}`;
}

/** An anonymous JSON GET (no cookies), as other sites' pages make it. */
export async function fetchJson<T>(url: string | undefined, signal: AbortSignal): Promise<T> {
  if (!url) throw new TypeError('server must be an http(s) origin and unit a unit slug');
  const res = await fetch(url, { mode: 'cors', credentials: 'omit', headers: { accept: 'application/json' }, signal });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** Only http(s) links from the API become hrefs; anything else is dropped. */
export function safeHref(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A calendar date of the API (`2026-03-20`) as the reader writes it (20/03/2026, or 20 Mar 2026). */
export function formatDay(date: unknown, language: WidgetLanguage): string {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return '';
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', { day: '2-digit', month: language === 'en' ? 'short' : '2-digit', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A whole number attribute clamped to `[min, max]`, or `fallback`. */
export function clampCount(value: unknown, fallback: number, min: number, max: number): number {
  const n = Math.trunc(Number(value));
  return Number.isFinite(n) && n > 0 ? Math.min(max, Math.max(min, n)) : fallback;
}
