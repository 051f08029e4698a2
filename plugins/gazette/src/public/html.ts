import { createHash } from 'node:crypto';
import { respond, type RouteRequest, type RouteResponse } from '@cong/sdk';

/**
 * The public site's HTML template with auto-escaping: `html\`<p>${text}</p>\`` escapes every
 * interpolation unless it is another `html` fragment (or an array of them). Nothing else makes
 * {@link SafeHtml}: the site stores no rich text, so there is no "trusted" escape hatch.
 */
export class SafeHtml {
  readonly #text: string;
  constructor(text: string, key: symbol) {
    if (key !== KEY) throw new TypeError('SafeHtml is made only by html``');
    this.#text = text;
  }
  toString(): string {
    return this.#text;
  }
}

const KEY = Symbol('SafeHtml');
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Text for an HTML text node, a quoted attribute value, or XML content. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out, KEY);
}

/** JSON inside `<script type="application/ld+json">`: `<`, `>`, `&` and line separators escaped, so nothing closes the element. */
export function jsonForScript(value: unknown): SafeHtml {
  const json = JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return new SafeHtml(json, KEY);
}

/** Published issues never change (GAZ-24) and the lists change at most a few times a day: five minutes of caching. */
export const PAGE_CACHE = 'public, max-age=300, stale-while-revalidate=600';
/** Search results: a minute, so a newly published document shows up soon. */
export const SEARCH_CACHE = 'public, max-age=60';

/** A body with its type, cache header and a weak ETag; 304 when the client has it already. */
export function sendBody(req: RouteRequest, status: number, body: string, type: string, cache: string): RouteResponse {
  const etag = `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`;
  const headers = { 'content-type': type, 'cache-control': status === 200 ? cache : 'public, max-age=30', etag, vary: 'accept-encoding' };
  if (status === 200 && req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) return respond(304, undefined, headers);
  return respond(status, body, headers);
}

/** `2026-03-12` → `12-03-2026`, the way Vietnamese gazettes print dates. */
export function vnDate(date: string | null | undefined): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : date;
}

/** Bytes for a reader: `1,2 MB`. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}
