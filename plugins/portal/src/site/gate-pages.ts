import { respond, type RouteRequest, type RouteResponse } from '@cong/sdk';
import { escapeHtml } from './html.js';
import { bodyText } from './layout.js';
import type { SiteGateVerdict } from './site-gate.js';

/** A small bilingual page (Vietnamese first) for the gate's answers; never cached by anyone. */
function plainPage(status: number, title: { vi: string; en: string }, text: { vi: string; en: string }, headers: Record<string, string> = {}): RouteResponse {
  const body =
    `<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">` +
    `<title>${escapeHtml(title.vi)} — ${escapeHtml(title.en)}</title>` +
    `<main style="max-width:40rem;margin:3rem auto;padding:0 1rem;font-family:system-ui,sans-serif;color:#1f2328">` +
    `<h1>${escapeHtml(title.vi)}</h1><p>${escapeHtml(text.vi)}</p>` +
    `<div lang="en"><h2>${escapeHtml(title.en)}</h2><p>${escapeHtml(text.en)}</p></div></main></html>`;
  return respond(status, body, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
}

const NOT_FOUND = { vi: 'Không tìm thấy trang', en: 'Page not found' };

/**
 * The answer of a unit whose site is not served as a live site, or `undefined` to serve the page:
 * a draft site is 404 for the public (staff of the unit signed in see it); a suspended one is 503 with
 * `Retry-After`; one no longer served is 410.
 */
export function gateResponse(req: RouteRequest, verdict: SiteGateVerdict): RouteResponse | undefined {
  switch (verdict.kind) {
    case 'members-only':
      return req.principal !== undefined ? undefined : plainPage(404, NOT_FOUND, { vi: 'Trang bạn tìm không có trên cổng thông tin này.', en: 'The page you asked for is not on this site.' });
    case 'closed':
      return plainPage(
        503,
        { vi: 'Trang thông tin tạm ngừng hoạt động', en: 'This site is temporarily unavailable' },
        { vi: 'Trang thông tin điện tử này đang tạm ngừng hoạt động. Vui lòng quay lại sau.', en: 'This website is temporarily out of service. Please come back later.' },
        { 'retry-after': String(verdict.retryAfterSeconds) },
      );
    case 'gone':
      return plainPage(410, { vi: 'Trang thông tin đã ngừng hoạt động', en: 'This site is no longer available' }, { vi: 'Trang thông tin điện tử này đã ngừng hoạt động.', en: 'This website has been closed.' });
    default:
      return undefined;
  }
}

/**
 * A served page with the gate's notice (an archived site) right after `<body>`; other answers as they
 * are. The ETag changes with it, so a copy cached before the notice is not confirmed by a 304.
 */
export function withNotice(res: RouteResponse, verdict: SiteGateVerdict): RouteResponse {
  if (verdict.kind !== 'notice' || !/^text\/html/.test(res.headers?.['content-type'] ?? '')) return res;
  const text = bodyText(res);
  if (text === undefined) return res;
  const notice = `<div class="site-notice" role="note" style="background:#fff4ce;color:#3d2c00;border-bottom:3px solid #8a6100;padding:.5rem 1rem"><p style="margin:0">${escapeHtml(verdict.text.vi)}</p><p lang="en" style="margin:0">${escapeHtml(verdict.text.en)}</p></div>`;
  const body = text.replace(/<body[^>]*>/, (tag) => `${tag}\n${notice}`);
  const etag = res.headers?.etag;
  return respond(res.status, body, { ...res.headers, ...(etag ? { etag: etag.replace(/"$/, '-n"') } : {}) });
}
