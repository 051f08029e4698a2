import { coreServices, respond, type PluginContext, type RouteBuilder, type RouteRequest, type RouteResponse } from '@cong/sdk';
import type { NoticeKind, NoticeStatus } from '../api/index.js';
import { KINDS, STATUSES } from '../notices/notice-labels.js';
import type { ProcurementDatabase } from '../notices/notice-database.js';
import { NoticeRepository } from '../notices/notice.repository.js';
import { publicFilterQuery, publicNoticePage } from '../notices/notice.schema.js';
import { publicNoticeOf } from '../notices/notice-view.js';
import { FEED_ENTRIES, noticeFeed } from './notice-feed.js';
import { detailPage, listPage } from './notice-pages.js';
import { BASE, publicBaseOf, type PublicBase } from './public-layout.js';

const HTML = 'text/html; charset=utf-8';
const PER_PAGE = 20;
/** Pages and the feed may be cached briefly by browsers and proxies; a publication shows within a minute. */
const CACHE = 'public, max-age=60';

/** Query strings of public pages: the named parameters, and any other (tracking tags) as short strings, ignored — a shared link never answers 400. */
const pageQuery = {
  type: 'object',
  properties: { q: { type: 'string', maxLength: 200 }, loai: { type: 'string', maxLength: 20 }, 'trang-thai': { type: 'string', maxLength: 20 }, trang: { type: 'string', maxLength: 6 } },
  additionalProperties: { type: 'string', maxLength: 500 },
} as const;
const noQuery = { type: 'object', additionalProperties: { type: 'string', maxLength: 500 } } as const;
const slugParams = { type: 'object', additionalProperties: false, required: ['slug'], properties: { slug: { type: 'string', maxLength: 200 } } } as const;

const notFoundPage =
  '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Không tìm thấy trang</title></head><body><main><h1>Không tìm thấy trang</h1><p>Dự án hoặc thông báo này không có hoặc đã được gỡ.</p></main></body></html>';

const repository = (ctx: PluginContext) => new NoticeRepository(ctx.get(coreServices.database).kysely<ProcurementDatabase>());

/** The unit's public base, or the not-found page for a request that names no (active) unit. */
function page(render: (req: RouteRequest<any, any>, base: PublicBase, ctx: PluginContext) => Promise<RouteResponse>) {
  return async (req: RouteRequest<any, any>, ctx: PluginContext): Promise<RouteResponse> => {
    const base = await publicBaseOf(req, ctx);
    return base ? render(req, base, ctx) : respond(404, notFoundPage, { 'content-type': HTML });
  };
}

/**
 * Public routes on every unit's site (its host, or `/t/<slug>/`): the list and detail pages and the
 * Atom feed, server-rendered, anonymous, only published notices of the request's unit; and the JSON
 * the embeddable widget reads (CORS for the unit's allowed origins).
 */
export function publicNoticeRoutes(route: RouteBuilder): void {
  route.get(BASE, {
    summary: { vi: 'Danh sách dự án, thông báo mua sắm công', en: 'Public investment and procurement notices' },
    schema: { query: pageQuery },
    handler: page(async (req, base, ctx) => {
      const q = req.query as Record<string, string | undefined>;
      const kind = KINDS.includes(q.loai as NoticeKind) ? (q.loai as NoticeKind) : undefined;
      const status = STATUSES.includes(q['trang-thai'] as NoticeStatus) ? (q['trang-thai'] as NoticeStatus) : undefined;
      const text = q.q?.trim() || undefined;
      const asked = Math.max(1, Math.floor(Number(q.trang)) || 1);
      const found = await repository(ctx).page(base.tenant.id, { kind, status, q: text, published: true, limit: PER_PAGE, offset: (asked - 1) * PER_PAGE });
      const pages = Math.max(1, Math.ceil(found.total / PER_PAGE));
      const body = listPage(base.tenant, base.prefix, found.items.map(publicNoticeOf), { kind, status, q: text, page: Math.min(asked, pages), pages, total: found.total });
      return respond(200, body.toString(), { 'content-type': HTML, 'cache-control': CACHE });
    }),
  });

  route.get(`${BASE}/feed.atom`, {
    summary: { vi: 'Tin Atom các dự án, thông báo mới', en: 'Atom feed of the newest notices' },
    schema: { query: noQuery },
    handler: page(async (_req, base, ctx) => {
      const found = await repository(ctx).page(base.tenant.id, { published: true, limit: FEED_ENTRIES, offset: 0 });
      return respond(200, noticeFeed(base, found.items.map(publicNoticeOf)), { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': CACHE });
    }),
  });

  route.get(`${BASE}/:slug`, {
    summary: { vi: 'Trang một dự án, thông báo', en: 'A notice\'s page' },
    schema: { params: slugParams, query: noQuery },
    handler: page(async (req, base, ctx) => {
      const row = await repository(ctx).findPublished(base.tenant.id, (req.params as { slug: string }).slug);
      if (!row) return respond(404, notFoundPage, { 'content-type': HTML });
      return respond(200, detailPage(base.tenant, base.prefix, publicNoticeOf(row)).toString(), { 'content-type': HTML, 'cache-control': CACHE });
    }),
  });

  route.get('/procurement/notices', {
    summary: { vi: 'Dự án, thông báo đã công bố của đơn vị (công khai, cho tiện ích nhúng)', en: 'The unit\'s published notices (public, for the embedded widget)' },
    cors: true,
    schema: { query: publicFilterQuery, response: { 200: publicNoticePage } },
    handler: page(async (req, base, ctx) => {
      const query = req.query as { kind?: NoticeKind; status?: NoticeStatus; q?: string; limit: number; offset: number };
      const found = await repository(ctx).page(base.tenant.id, { ...query, published: true });
      return respond(200, { items: found.items.map(publicNoticeOf), total: found.total, limit: query.limit, offset: query.offset }, { 'cache-control': CACHE });
    }),
  });
}
