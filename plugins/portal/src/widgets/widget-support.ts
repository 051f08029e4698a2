/** Where this bundle was loaded from: the portal, and a `/t/<slug>/` prefix if the page used one. */
const SCRIPT_URL = new URL(import.meta.url);
const SCRIPT_TENANT = /^\/t\/([a-z0-9]+(?:-[a-z0-9]+)*)\//.exec(SCRIPT_URL.pathname)?.[1];

export type WidgetLanguage = 'vi' | 'en';

/** English when `lang` starts with `en`, otherwise Vietnamese. */
export function widgetLanguage(lang: string | null | undefined): WidgetLanguage {
  return lang?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

/**
 * The URL of a public API path for a unit, or undefined when `server` is not an http(s) URL or no unit
 * is known. The unit goes in the path (`/t/<slug>/api/…`): a custom header would need a preflight.
 */
export function publicApiUrl(server: string | undefined, tenant: string | undefined, path: string, query: Record<string, string | undefined>): string | undefined {
  let origin: string;
  try {
    const url = new URL(server || SCRIPT_URL.origin);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    origin = url.origin;
  } catch {
    return undefined;
  }
  const unit = tenant || SCRIPT_TENANT;
  if (!unit) return undefined;
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') search.set(k, v);
  const qs = search.toString();
  return `${origin}/t/${encodeURIComponent(unit)}/api/portal/public/${path}${qs ? `?${qs}` : ''}`;
}

/** An anonymous JSON GET (no cookies), as other sites' pages make it. */
export async function fetchJson<T>(url: string | undefined, signal: AbortSignal): Promise<T> {
  if (!url) throw new TypeError('server must be an http(s) origin and tenant a unit slug');
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
