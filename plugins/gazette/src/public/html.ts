import { createHash } from 'node:crypto';
import { respond, type RouteRequest, type RouteResponse } from '@cong/sdk';

// The template helper is the SDK's: `html` escapes every interpolation that is not another fragment.
export { escapeHtml, escapeXml, html, jsonForScript, SafeHtml, type HtmlValue } from '@cong/sdk';

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
