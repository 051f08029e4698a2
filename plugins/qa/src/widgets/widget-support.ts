// What the Q&A widgets share: where the bundle came from, the page's language, the public API's URLs,
// anonymous JSON calls, and links that are only ever http(s). No admin shell, no @cong/sdk.

/** Where this bundle was loaded from: the server, and a `/t/<slug>/` prefix if the page used one. */
const SCRIPT_URL = new URL(import.meta.url);
const SCRIPT_UNIT = /^\/t\/([a-z0-9]+(?:-[a-z0-9]+)*)\//.exec(SCRIPT_URL.pathname)?.[1];
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type WidgetLanguage = 'vi' | 'en';

/** English when `lang` starts with `en`, otherwise Vietnamese. */
export function widgetLanguage(lang: string | null | undefined): WidgetLanguage {
  return lang?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

/**
 * The unit's base URL on the portal (`https://cong.example/t/<slug>`), or undefined when `server` is
 * not an http(s) URL or no unit is known. The unit goes in the path: a custom header would need a
 * CORS preflight the core does not grant (it allows `Content-Type` only).
 */
export function unitBase(server: string | undefined, unit: string | undefined): string | undefined {
  let origin: string;
  try {
    const url = new URL(server || SCRIPT_URL.origin);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    origin = url.origin;
  } catch {
    return undefined;
  }
  const slug = unit || SCRIPT_UNIT;
  if (!slug || !SLUG.test(slug)) return undefined;
  return `${origin}/t/${slug}`;
}

/** The URL of a path of the Q&A public API (`/api/qa/public/<path>`) for a unit, or undefined. */
export function publicApiUrl(server: string | undefined, unit: string | undefined, path: string, query: Readonly<Record<string, string | undefined>> = {}): string | undefined {
  const base = unitBase(server, unit);
  if (!base) return undefined;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') search.append(key, value);
  const qs = search.toString();
  return `${base}/api/qa/public/${path}${qs ? `?${qs}` : ''}`;
}

/** A refusal of the API: its status and problem+json body (`code`, `errors[].pointer`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: { readonly code?: string; readonly errors?: readonly { readonly pointer?: string; readonly message?: string }[] } | undefined,
  ) {
    super(`HTTP ${status}${problem?.code ? ` ${problem.code}` : ''}`);
  }
}

const BAD_SERVER = 'server must be an http(s) origin and tenant a unit slug';

/** An anonymous JSON GET (no cookies), as other sites' pages make it. */
export async function fetchJson<T>(url: string | undefined, signal: AbortSignal): Promise<T> {
  if (!url) throw new TypeError(BAD_SERVER);
  const res = await fetch(url, { mode: 'cors', credentials: 'omit', headers: { accept: 'application/json' }, signal });
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => undefined));
  return (await res.json()) as T;
}

/** An anonymous JSON POST (no cookies); a refusal throws {@link ApiError} with the problem document. */
export async function postJson<T>(url: string | undefined, body: unknown, signal: AbortSignal): Promise<T> {
  if (!url) throw new TypeError(BAD_SERVER);
  const res = await fetch(url, { method: 'POST', mode: 'cors', credentials: 'omit', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => undefined));
  return (await res.json()) as T;
}

/**
 * An anonymous `multipart/form-data` POST of one file with its text fields: a CORS "simple" request,
 * so no preflight. A refusal throws {@link ApiError} with the problem document.
 */
export async function postFile<T>(url: string | undefined, fields: Readonly<Record<string, string>>, file: File, signal: AbortSignal): Promise<T> {
  if (!url) throw new TypeError(BAD_SERVER);
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append('file', file, file.name);
  const res = await fetch(url, { method: 'POST', mode: 'cors', credentials: 'omit', headers: { accept: 'application/json' }, body, signal });
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => undefined));
  return (await res.json()) as T;
}

/** Only http(s) links become hrefs; anything else is dropped. */
export function safeHref(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** An instant of the API (ISO 8601) as the reader writes its day (20/03/2026, or 20 Mar 2026), Vietnam time. */
export function formatDay(instant: unknown, language: WidgetLanguage): string {
  if (typeof instant !== 'string') return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', { day: '2-digit', month: language === 'en' ? 'short' : '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(date);
}

/** A whole number attribute clamped to `[min, max]`, or `fallback`. */
export function clampCount(value: unknown, fallback: number, min: number, max: number): number {
  const n = Math.trunc(Number(value));
  return Number.isFinite(n) && n > 0 ? Math.min(max, Math.max(min, n)) : fallback;
}
