import { randomUUID } from 'node:crypto';
import { coreServices, fold, NotFoundError, respond, slugify, type PluginContext, type RouteBuilder, type RouteRequest } from '@cong/sdk';
import type { Kysely } from 'kysely';
import { noticePublished } from '../api/index.js';
import { PROCUREMENT_ERR_DATES, PROCUREMENT_ERR_PUBLISHED, PROCUREMENT_ERR_SLUG_TAKEN, PROCUREMENT_ERR_TENDER_CLOSE } from '../errors.js';
import type { NoticeRow, ProcurementDatabase } from './notice-database.js';
import { NoticeRepository } from './notice.repository.js';
import { createNoticeBody, noticeFilterQuery, noticeIdParams, noticePage, noticeSchema, updateNoticeBody, type NoticeInput } from './notice.schema.js';
import { noticeOf } from './notice-view.js';

const kysely = (ctx: PluginContext) => ctx.get(coreServices.database).kysely<ProcurementDatabase>();

/** The unit the call names (`X-Cong-Tenant`); notices always belong to a unit. */
function unitOf(req: RouteRequest): string {
  if (!req.tenantId) throw new NotFoundError('Chọn một đơn vị (X-Cong-Tenant) / Name a unit (X-Cong-Tenant)');
  return req.tenantId;
}

/** The columns an input sets, with the rules JSON Schema cannot say (dates in order, a tender's closing time). */
function columnsOf(input: Partial<NoticeInput>, current?: NoticeRow): Partial<NoticeRow> {
  const merged = {
    startOn: input.startOn !== undefined ? input.startOn : (current?.start_on ?? null),
    endOn: input.endOn !== undefined ? input.endOn : (current?.end_on ?? null),
    kind: input.kind ?? current?.kind,
    status: input.status ?? current?.status,
    closesAt: input.closesAt !== undefined ? input.closesAt : current?.closes_at != null ? new Date(Number(current.closes_at)).toISOString() : null,
  };
  if (merged.startOn && merged.endOn && merged.endOn < merged.startOn) {
    throw PROCUREMENT_ERR_DATES.create({ startOn: merged.startOn, endOn: merged.endOn }, { errors: [{ in: 'body', pointer: '/endOn', message: 'ends before it starts' }] });
  }
  if (merged.kind === 'tender' && merged.status === 'open' && !merged.closesAt) {
    throw PROCUREMENT_ERR_TENDER_CLOSE.create({}, { errors: [{ in: 'body', pointer: '/closesAt', message: 'an open invitation to bid needs its closing time', keyword: 'required' }] });
  }
  const columns: Partial<NoticeRow> = {};
  if (input.kind !== undefined) columns.kind = input.kind;
  if (input.name !== undefined) Object.assign(columns, { name: input.name, name_folded: fold(input.name) });
  if (input.objective !== undefined) columns.objective = input.objective;
  if (input.field !== undefined) columns.field = input.field;
  if (input.projectGroup !== undefined) columns.project_group = input.projectGroup;
  if (input.startOn !== undefined) columns.start_on = input.startOn;
  if (input.endOn !== undefined) columns.end_on = input.endOn;
  if (input.budgetVnd !== undefined) columns.budget_vnd = input.budgetVnd;
  if (input.funding !== undefined) columns.funding = input.funding;
  if (input.donor !== undefined) columns.donor = input.donor;
  if (input.status !== undefined) columns.status = input.status;
  if (input.closesAt !== undefined) columns.closes_at = input.closesAt === null ? null : Date.parse(input.closesAt);
  if (input.result !== undefined) columns.result = input.result;
  return columns;
}

async function slugFree(repo: NoticeRepository, tenantId: string, slug: string, exceptId: string | null, db: Kysely<ProcurementDatabase>): Promise<void> {
  if (await repo.slugTaken(tenantId, slug, exceptId, db)) {
    throw PROCUREMENT_ERR_SLUG_TAKEN.create({ slug }, { errors: [{ in: 'body', pointer: '/slug', message: 'another notice of this unit uses this address' }] });
  }
}

/**
 * Staff routes under /api/procurement: the unit's notices, drafts included. Reading needs no permission
 * beyond being staff of the unit; writing needs `procurement.manage`, making public `procurement.publish`.
 * Another unit's notice is 404, like one that does not exist.
 */
export function noticeRoutes(route: RouteBuilder): void {
  route.get('/notices', {
    summary: { vi: 'Dự án, thông báo mua sắm của đơn vị', en: 'The unit\'s projects and procurement notices' },
    permission: 'procurement.manage',
    schema: { query: noticeFilterQuery, response: { 200: noticePage } },
    handler: async (req, ctx) => {
      const page = await new NoticeRepository(kysely(ctx)).page(unitOf(req), req.query);
      return { items: page.items.map(noticeOf), total: page.total, limit: req.query.limit, offset: req.query.offset };
    },
  });

  route.get('/notices/:id', {
    summary: { vi: 'Xem một dự án, thông báo', en: 'Read a notice' },
    permission: 'procurement.manage',
    schema: { params: noticeIdParams, response: { 200: noticeSchema } },
    handler: async (req, ctx) => {
      const row = await new NoticeRepository(kysely(ctx)).find(unitOf(req), req.params.id);
      if (!row) throw new NotFoundError(`Notice ${req.params.id} does not exist`);
      return noticeOf(row);
    },
  });

  route.post('/notices', {
    summary: { vi: 'Tạo dự án, thông báo (bản nháp)', en: 'Create a notice (a draft)' },
    permission: 'procurement.manage',
    schema: { body: createNoticeBody, response: { 201: noticeSchema } },
    handler: async (req, ctx) => {
      const tenantId = unitOf(req);
      const db = ctx.get(coreServices.database);
      const repo = new NoticeRepository(kysely(ctx));
      const now = Date.now();
      const slug = req.body.slug ?? (slugify(req.body.name, 100) || 'thong-bao');
      const row: NoticeRow = {
        id: randomUUID(),
        tenant_id: tenantId,
        slug,
        kind: req.body.kind,
        name: req.body.name,
        name_folded: fold(req.body.name),
        objective: req.body.objective,
        field: req.body.field,
        project_group: null,
        start_on: null,
        end_on: null,
        budget_vnd: null,
        funding: req.body.funding,
        donor: null,
        status: req.body.status,
        closes_at: null,
        result: null,
        published_at: null,
        created_by: req.principal?.id ?? 'unknown',
        created_at: now,
        updated_at: now,
        ...columnsOf(req.body),
      };
      await db.transaction<ProcurementDatabase, void>(async (trx) => {
        await slugFree(repo, tenantId, slug, null, trx);
        await repo.insert(row, trx);
        await ctx.get(coreServices.audit).record({ action: 'procurement.notice.create', objectType: 'procurement-notice', objectId: row.id, tenantId, after: { name: row.name, kind: row.kind } }, { request: req, trx });
      });
      return respond(201, noticeOf((await repo.find(tenantId, row.id))!), { location: `/api/procurement/notices/${row.id}` });
    },
  });

  route.patch('/notices/:id', {
    summary: { vi: 'Sửa dự án, thông báo', en: 'Change a notice' },
    permission: 'procurement.manage',
    schema: { params: noticeIdParams, body: updateNoticeBody, response: { 200: noticeSchema } },
    handler: async (req, ctx) => {
      const tenantId = unitOf(req);
      const repo = new NoticeRepository(kysely(ctx));
      const current = await repo.find(tenantId, req.params.id);
      if (!current) throw new NotFoundError(`Notice ${req.params.id} does not exist`);
      const changes = { ...columnsOf(req.body, current), ...(req.body.slug !== undefined ? { slug: req.body.slug } : {}), updated_at: Date.now() };
      await ctx.get(coreServices.database).transaction<ProcurementDatabase, void>(async (trx) => {
        if (changes.slug !== undefined) await slugFree(repo, tenantId, changes.slug, current.id, trx);
        await repo.update(tenantId, current.id, changes, trx);
        await ctx.get(coreServices.audit).record({ action: 'procurement.notice.update', objectType: 'procurement-notice', objectId: current.id, tenantId, before: { name: current.name, status: current.status }, after: req.body }, { request: req, trx });
      });
      // A public notice changed: its pages and the portal's home block show it again.
      if (current.published_at !== null) await ctx.get(coreServices.events).emit(noticePublished, { tenantId, id: current.id, kind: changes.kind ?? current.kind });
      return noticeOf((await repo.find(tenantId, current.id))!);
    },
  });

  route.delete('/notices/:id', {
    summary: { vi: 'Xóa dự án, thông báo chưa công bố', en: 'Delete a notice that is not public' },
    permission: 'procurement.manage',
    schema: { params: noticeIdParams, response: { 204: {} } },
    handler: async (req, ctx) => {
      const tenantId = unitOf(req);
      const repo = new NoticeRepository(kysely(ctx));
      const current = await repo.find(tenantId, req.params.id);
      if (!current) throw new NotFoundError(`Notice ${req.params.id} does not exist`);
      if (current.published_at !== null) throw PROCUREMENT_ERR_PUBLISHED.create();
      await ctx.get(coreServices.database).transaction<ProcurementDatabase, void>(async (trx) => {
        await repo.delete(tenantId, current.id, trx);
        await ctx.get(coreServices.audit).record({ action: 'procurement.notice.delete', objectType: 'procurement-notice', objectId: current.id, tenantId, before: { name: current.name } }, { request: req, trx });
      });
      return respond(204, undefined);
    },
  });

  for (const [path, publish] of [['/notices/:id/publish', true], ['/notices/:id/unpublish', false]] as const) {
    route.post(path, {
      summary: publish ? { vi: 'Công bố trên cổng', en: 'Publish on the portal' } : { vi: 'Gỡ công bố', en: 'Unpublish' },
      permission: 'procurement.publish',
      schema: { params: noticeIdParams, response: { 200: noticeSchema } },
      handler: async (req, ctx) => {
        const tenantId = unitOf(req);
        const repo = new NoticeRepository(kysely(ctx));
        const current = await repo.find(tenantId, req.params.id);
        if (!current) throw new NotFoundError(`Notice ${req.params.id} does not exist`);
        const now = Date.now();
        await ctx.get(coreServices.database).transaction<ProcurementDatabase, void>(async (trx) => {
          await repo.update(tenantId, current.id, { published_at: publish ? (current.published_at ?? now) : null, updated_at: now }, trx);
          await ctx.get(coreServices.audit).record({ action: publish ? 'procurement.notice.publish' : 'procurement.notice.unpublish', objectType: 'procurement-notice', objectId: current.id, tenantId }, { request: req, trx });
        });
        await ctx.get(coreServices.events).emit(noticePublished, { tenantId, id: current.id, kind: current.kind });
        return noticeOf((await repo.find(tenantId, current.id))!);
      },
    });
  }
}
