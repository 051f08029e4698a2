import { randomUUID } from 'node:crypto';
import { coreServices, InputError, normalizeText, NotFoundError, respond, type FieldIssue, type PluginContext, type RouteBuilder, type RouteRequest } from '@cong/sdk';
import { PLATFORM_FILES_PREFIX } from '../html/sanitize-html.js';
import { PAGES_WRITE } from '../pages/page.service.js';
import { siteChanged } from '../site/site-events.js';
import { BannerRepository, toBanner, type BannerInput } from './banner.repository.js';
import { isHttpsUrl, isSitePath } from './menu-target.js';
import { MenuService } from './menu.service.js';
import type { BannerRow, NavigationDatabase } from './navigation-database.js';
import {
  bannerIdParams,
  bannerList,
  bannerListQuery,
  bannerSchema,
  createBannerBody,
  menuParams,
  menuSchema,
  putMenuBody,
  siteClockResponse,
  updateBannerBody,
} from './navigation.schema.js';
import { runSiteClock } from './site-clock.js';

function unit(req: RouteRequest): string {
  if (req.tenantId === undefined) throw new NotFoundError('Name a unit (X-Cong-Tenant) to reach its menus and banners');
  return req.tenantId;
}

const banners = (ctx: PluginContext) => new BannerRepository(ctx.get(coreServices.database).kysely<NavigationDatabase>());
const text = (value: string) => normalizeText(value).trim();
const timeOf = (value: string | null | undefined, current: number | null) => (value === undefined ? current : value === null ? null : Date.parse(value));

/** An image on https or among the platform's files; a link on https or a site path; a window that closes after it opens. */
function checkBanner(row: BannerRow): void {
  const errors: FieldIssue[] = [];
  if (!isHttpsUrl(row.image_url) && !(row.image_url.startsWith(PLATFORM_FILES_PREFIX) && isSitePath(row.image_url))) {
    errors.push({ in: 'body', pointer: '/imageUrl', message: `must be an https:// URL or a file of the platform (${PLATFORM_FILES_PREFIX}…)`, keyword: 'format' });
  }
  if (row.alt_vi === '') errors.push({ in: 'body', pointer: '/alt/vi', message: 'must not be blank', keyword: 'minLength' });
  if (row.alt_en === '') errors.push({ in: 'body', pointer: '/alt/en', message: 'must not be blank', keyword: 'minLength' });
  if (row.link_url !== null && !isHttpsUrl(row.link_url) && !isSitePath(row.link_url)) {
    errors.push({ in: 'body', pointer: '/linkUrl', message: 'must be an https:// URL or a site path starting with / (without /en)', keyword: 'format' });
  }
  if (row.starts_at !== null && row.ends_at !== null && row.ends_at <= row.starts_at) errors.push({ in: 'body', pointer: '/endsAt', message: 'must be after startsAt', keyword: 'formatMinimum' });
  if (errors.length > 0) throw new InputError(`body ${errors[0]!.pointer} ${errors[0]!.message}`, { errors });
}

function applyBanner(row: BannerRow, b: BannerInput, now: number): BannerRow {
  return {
    ...row,
    ...(b.placement !== undefined ? { placement: b.placement } : {}),
    ...(b.imageUrl !== undefined ? { image_url: b.imageUrl.trim() } : {}),
    ...(b.alt !== undefined ? { alt_vi: text(b.alt.vi), alt_en: text(b.alt.en) } : {}),
    ...(b.linkUrl !== undefined ? { link_url: b.linkUrl === null || b.linkUrl.trim() === '' ? null : b.linkUrl.trim() } : {}),
    starts_at: timeOf(b.startsAt, row.starts_at),
    ends_at: timeOf(b.endsAt, row.ends_at),
    ...(b.order !== undefined ? { sort_order: b.order } : {}),
    ...(b.active !== undefined ? { active: b.active ? 1 : 0 } : {}),
    updated_at: now,
  };
}

const changed = (ctx: PluginContext, tenantId: string, area: string) => ctx.get(coreServices.events).emit(siteChanged, { tenantId, area }, { tenantId });

/**
 * Menus and banners of a unit under /api/portal: `/menus/:location` (read, replace whole) and
 * `/banners`. Writes need `portal.pages.write`, are audited, and drop the unit's cached pages.
 */
export function navigationRoutes(route: RouteBuilder): void {
  route.get('/menus/:location', {
    summary: { vi: 'Trình đơn của đơn vị', en: 'A menu of the unit' },
    permission: PAGES_WRITE,
    schema: { params: menuParams, response: { 200: menuSchema } },
    handler: async (req, ctx) => new MenuService(ctx).get(unit(req), req.params.location),
  });

  route.put('/menus/:location', {
    summary: { vi: 'Thay toàn bộ trình đơn', en: 'Replace a whole menu' },
    description: 'Two levels at most, at most 60 items. Targets are checked: category, page and article slugs must exist in the unit. Without a main menu the header lists the categories.',
    permission: PAGES_WRITE,
    schema: { params: menuParams, body: putMenuBody, response: { 200: menuSchema } },
    handler: async (req, ctx) => new MenuService(ctx).replace(unit(req), req.params.location, req.body.items, req),
  });

  route.get('/banners', {
    summary: { vi: 'Banner của đơn vị', en: 'The unit\'s banners' },
    permission: PAGES_WRITE,
    schema: { query: bannerListQuery, response: { 200: bannerList } },
    handler: async (req, ctx) => {
      const now = Date.now();
      return { items: (await banners(ctx).list(unit(req), req.query.placement)).map((r) => toBanner(r, now)) };
    },
  });

  route.post('/banners', {
    summary: { vi: 'Thêm banner', en: 'Add a banner' },
    permission: PAGES_WRITE,
    schema: { body: createBannerBody, response: { 201: bannerSchema } },
    handler: async (req, ctx) => {
      const tenantId = unit(req);
      const now = Date.now();
      const empty: BannerRow = {
        id: randomUUID(),
        tenant_id: tenantId,
        placement: req.body.placement,
        image_url: '',
        alt_vi: '',
        alt_en: '',
        link_url: null,
        starts_at: null,
        ends_at: null,
        sort_order: 0,
        active: 1,
        created_by: req.principal!.id,
        created_at: now,
        updated_at: now,
      };
      const row = applyBanner(empty, req.body, now);
      checkBanner(row);
      await ctx.get(coreServices.database).transaction<NavigationDatabase, void>(async (trx) => {
        await trx.insertInto('portal_banners').values(row).execute();
        await ctx.get(coreServices.audit).record(
          { action: 'portal.banner.create', objectType: 'banner', objectId: row.id, tenantId, after: { placement: row.placement, imageUrl: row.image_url, startsAt: row.starts_at, endsAt: row.ends_at } },
          { request: req, trx },
        );
      });
      await changed(ctx, tenantId, 'banners');
      return respond(201, toBanner(row, Date.now()), { location: `/api/portal/banners/${row.id}` });
    },
  });

  route.patch('/banners/:id', {
    summary: { vi: 'Sửa banner', en: 'Update a banner' },
    permission: PAGES_WRITE,
    schema: { params: bannerIdParams, body: updateBannerBody, response: { 200: bannerSchema } },
    handler: async (req, ctx) => {
      const tenantId = unit(req);
      const current = await banners(ctx).find(tenantId, req.params.id);
      if (!current) throw new NotFoundError(`Banner ${req.params.id} does not exist`);
      const next = applyBanner(current, req.body, Date.now());
      checkBanner(next);
      await ctx.get(coreServices.database).transaction<NavigationDatabase, void>(async (trx) => {
        const { id: _id, tenant_id: _tenant, created_by: _by, created_at: _at, ...changes } = next;
        await trx.updateTable('portal_banners').set(changes).where('tenant_id', '=', tenantId).where('id', '=', current.id).execute();
        await ctx.get(coreServices.audit).record({ action: 'portal.banner.update', objectType: 'banner', objectId: current.id, tenantId, before: toBanner(current, next.updated_at), after: req.body }, { request: req, trx });
      });
      await changed(ctx, tenantId, 'banners');
      return toBanner(next, Date.now());
    },
  });

  route.delete('/banners/:id', {
    summary: { vi: 'Xóa banner', en: 'Delete a banner' },
    permission: PAGES_WRITE,
    schema: { params: bannerIdParams, response: { 204: {} } },
    handler: async (req, ctx) => {
      const tenantId = unit(req);
      const current = await banners(ctx).find(tenantId, req.params.id);
      if (!current) throw new NotFoundError(`Banner ${req.params.id} does not exist`);
      await ctx.get(coreServices.database).transaction<NavigationDatabase, void>(async (trx) => {
        await trx.deleteFrom('portal_banners').where('tenant_id', '=', tenantId).where('id', '=', current.id).execute();
        await ctx.get(coreServices.audit).record({ action: 'portal.banner.delete', objectType: 'banner', objectId: current.id, tenantId, before: toBanner(current, Date.now()) }, { request: req, trx });
      });
      await changed(ctx, tenantId, 'banners');
      return respond(204);
    },
  });

  route.post('/site-clock', {
    summary: { vi: 'Làm mới ngay trang công khai theo lịch banner và cảnh báo của đơn vị', en: 'Run the unit\'s banner and alert schedule now' },
    description: 'What the every-minute job does, for this unit only: drops its cached pages when a banner or alert window opened or closed in the last two minutes.',
    permission: PAGES_WRITE,
    schema: { response: { 200: siteClockResponse } },
    handler: async (req, ctx) => {
      const tenantId = unit(req);
      return { refreshed: (await runSiteClock(ctx, Date.now(), tenantId)).length > 0 };
    },
  });
}
