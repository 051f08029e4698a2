import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { coreServices, csvLine, NotFoundError, normalizeText, respond, type PluginContext, type RouteBuilder, type RouteRequest } from '@cong/sdk';
import { PORTAL_ERR_ROYALTY_NOT_PUBLISHED, PORTAL_ERR_ROYALTY_OWN, PORTAL_ERR_ROYALTY_STATE, PORTAL_ERR_ROYALTY_UNIT_VALUE } from '../errors.js';
import { vietnamDate } from '../time/vietnam-time.js';
import type { RoyaltiesDatabase, RoyaltyStatus } from './royalties-database.js';
import { periodOf, RoyaltyRepository, toRoyalty, type RoyaltyRow } from './royalty.repository.js';
import {
  createRoyaltyBody,
  listRoyaltiesQuery,
  periodQuery,
  periodSummarySchema,
  royaltyIdParams,
  royaltyPage,
  royaltySchema,
  updateRoyaltyBody,
} from './royalties.schema.js';

/** Who records, approves and marks royalties paid: the unit's editorial office (Ban Biên tập). */
export const ROYALTIES_PERMISSION = 'portal.royalties.manage';

const repository = (ctx: PluginContext) => new RoyaltyRepository(ctx.get(coreServices.database).kysely());

function unit(req: RouteRequest): string {
  if (req.tenantId === undefined) throw new NotFoundError('Name a unit (X-Cong-Tenant) to reach its royalties');
  return req.tenantId;
}

/** The unit value of one coefficient point (giá trị một đơn vị hệ số nhuận bút), set by the head of the unit in the settings. */
async function unitValue(ctx: PluginContext, tenantId: string): Promise<number | null> {
  const value = (await ctx.get(coreServices.config).forTenant<{ royaltyUnitValueVnd?: number }>(tenantId)).royaltyUnitValueVnd;
  return typeof value === 'number' && value > 0 ? value : null;
}

const hundredths = (coefficient: number) => Math.round(coefficient * 100);
const amount = (coefficientHundredths: number, unitValueVnd: number) => Math.round((coefficientHundredths * unitValueVnd) / 100);

async function load(req: RouteRequest<{ id: string }>, ctx: PluginContext): Promise<RoyaltyRow> {
  const row = await repository(ctx).find(unit(req), req.params.id);
  if (!row) throw new NotFoundError(`Royalty ${req.params.id} does not exist`);
  return row;
}

/** Writes one row change and its audit entry in one transaction. */
async function save(req: RouteRequest, ctx: PluginContext, action: string, before: RoyaltyRow | null, after: RoyaltyRow): Promise<void> {
  await ctx.get(coreServices.database).transaction<RoyaltiesDatabase, void>(async (trx) => {
    if (before) {
      const { id: _id, tenant_id: _tenant, ...changes } = after;
      await trx.updateTable('portal_royalties').set(changes).where('tenant_id', '=', after.tenant_id).where('id', '=', after.id).execute();
    } else {
      await trx.insertInto('portal_royalties').values(after).execute();
    }
    await ctx.get(coreServices.audit).record(
      { action, objectType: 'royalty', objectId: after.id, tenantId: after.tenant_id, before: before ? toRoyalty(before) : null, after: toRoyalty(after) },
      { request: req, trx },
    );
  });
}

function requireStatus(row: RoyaltyRow, allowed: readonly RoyaltyStatus[], action: string): void {
  if (!allowed.includes(row.status)) throw PORTAL_ERR_ROYALTY_STATE.create({ status: row.status, action });
}

/**
 * Royalties (nhuận bút, POR-43; NĐ 43/2011 Art. 26): recorded per published article and recipient with a
 * genre and a coefficient, priced at the unit's value per coefficient point when recorded, approved by
 * someone other than the recipient, then marked paid. Per period: totals by recipient, the articles
 * still without a decision, and a CSV for the accounting office.
 */
export function royaltyRoutes(route: RouteBuilder): void {
  route.get('/royalties', {
    summary: { vi: 'Nhuận bút', en: 'Royalties' },
    permission: ROYALTIES_PERMISSION,
    schema: { query: listRoyaltiesQuery, response: { 200: royaltyPage } },
    handler: async (req, ctx) => {
      const page = await repository(ctx).page(unit(req), req.query);
      return { items: page.items.map(toRoyalty), total: page.total, limit: req.query.limit, offset: req.query.offset };
    },
  });

  route.post('/royalties', {
    summary: { vi: 'Ghi nhuận bút cho tin bài', en: 'Record a royalty for an article' },
    description: 'The article must be published. Amount = coefficient × the unit value set in the settings (`royaltyUnitValueVnd`), fixed now.',
    permission: ROYALTIES_PERMISSION,
    schema: { body: createRoyaltyBody, response: { 201: royaltySchema } },
    handler: async (req, ctx) => {
      const tenantId = unit(req);
      const repo = repository(ctx);
      const article = await repo.article(tenantId, req.body.articleId);
      if (!article) throw new NotFoundError(`Article ${req.body.articleId} does not exist`);
      if (article.status !== 'published' || article.published_at === null) throw PORTAL_ERR_ROYALTY_NOT_PUBLISHED.create({ status: article.status });
      const value = await unitValue(ctx, tenantId);
      if (value === null) throw PORTAL_ERR_ROYALTY_UNIT_VALUE.create({});
      const now = Date.now();
      const coefficient = hundredths(req.body.coefficient);
      const row: RoyaltyRow = {
        id: randomUUID(),
        tenant_id: tenantId,
        subject_kind: 'article',
        subject_id: article.id,
        subject_title: article.title,
        published_at: Number(article.published_at),
        period: periodOf(Number(article.published_at)),
        recipient_name: normalizeText(req.body.recipient.name).trim(),
        recipient_user_id: req.body.recipient.userId ?? null,
        role: req.body.role,
        genre: req.body.genre,
        coefficient_hundredths: coefficient,
        unit_value_vnd: value,
        amount_vnd: amount(coefficient, value),
        status: 'proposed',
        note: req.body.note ? normalizeText(req.body.note).trim() || null : null,
        created_by: req.principal!.id,
        approved_by: null,
        approved_at: null,
        paid_at: null,
        created_at: now,
        updated_at: now,
      };
      await save(req, ctx, 'portal.royalty.create', null, row);
      return respond(201, toRoyalty(row), { location: `/api/portal/royalties/${row.id}` });
    },
  });

  route.get('/royalties/summary', {
    summary: { vi: 'Tổng hợp nhuận bút theo kỳ', en: 'Royalty totals of a period' },
    permission: ROYALTIES_PERMISSION,
    schema: { query: periodQuery, response: { 200: periodSummarySchema } },
    handler: async (req, ctx) => {
      const tenantId = unit(req);
      const repo = repository(ctx);
      const [rows, unrecorded, value] = await Promise.all([repo.inPeriod(tenantId, req.query.period), repo.unrecorded(tenantId, req.query.period), unitValue(ctx, tenantId)]);
      const byRecipient = new Map<string, { name: string; userId: string | null; items: number; proposedVnd: number; approvedVnd: number; paidVnd: number }>();
      for (const row of rows) {
        const key = row.recipient_user_id ?? `name:${row.recipient_name.toLowerCase()}`;
        const entry = byRecipient.get(key) ?? { name: row.recipient_name, userId: row.recipient_user_id, items: 0, proposedVnd: 0, approvedVnd: 0, paidVnd: 0 };
        entry.items++;
        entry[`${row.status}Vnd` as const] += Number(row.amount_vnd);
        byRecipient.set(key, entry);
      }
      return {
        period: req.query.period,
        unitValueVnd: value,
        recipients: [...byRecipient.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi')),
        totalVnd: rows.reduce((sum, r) => sum + Number(r.amount_vnd), 0),
        unrecorded: unrecorded.map((a) => ({ id: a.id, title: a.title, publishedAt: new Date(Number(a.published_at)).toISOString() })),
      };
    },
  });

  route.get('/royalties.csv', {
    summary: { vi: 'Bảng kê nhuận bút (CSV)', en: 'Royalty statement (CSV)' },
    description: 'UTF-8 with a byte-order mark so spreadsheet programs read Vietnamese; cells that would start a formula are prefixed with an apostrophe.',
    permission: ROYALTIES_PERMISSION,
    produces: 'text/csv; charset=utf-8',
    schema: { query: periodQuery },
    handler: async (req, ctx) => {
      const rows = await repository(ctx).inPeriod(unit(req), req.query.period);
      const header = csvLine(['Người nhận', 'Vai trò', 'Thể loại', 'Tin bài', 'Ngày đăng', 'Hệ số', 'Giá trị 1 hệ số (đ)', 'Thành tiền (đ)', 'Trạng thái', 'Ghi chú']);
      const lines = rows.map((r) =>
        csvLine([r.recipient_name, r.role, r.genre, r.subject_title, vietnamDate(Number(r.published_at)), (Number(r.coefficient_hundredths) / 100).toFixed(2), Number(r.unit_value_vnd), Number(r.amount_vnd), r.status, r.note]),
      );
      return respond(200, Readable.from(['\uFEFF', header, ...lines]), {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="nhuan-but-${req.query.period}.csv"`,
        'cache-control': 'no-store',
      });
    },
  });

  route.get('/royalties/:id', {
    summary: { vi: 'Một khoản nhuận bút', en: 'One royalty' },
    permission: ROYALTIES_PERMISSION,
    schema: { params: royaltyIdParams, response: { 200: royaltySchema } },
    handler: async (req, ctx) => toRoyalty(await load(req, ctx)),
  });

  route.patch('/royalties/:id', {
    summary: { vi: 'Sửa khoản nhuận bút đề xuất', en: 'Change a proposed royalty' },
    description: 'Only while proposed; the amount is priced again at today\'s unit value.',
    permission: ROYALTIES_PERMISSION,
    schema: { params: royaltyIdParams, body: updateRoyaltyBody, response: { 200: royaltySchema } },
    handler: async (req, ctx) => {
      const current = await load(req, ctx);
      requireStatus(current, ['proposed'], 'changed');
      const value = await unitValue(ctx, current.tenant_id);
      if (value === null) throw PORTAL_ERR_ROYALTY_UNIT_VALUE.create({});
      const b = req.body;
      const coefficient = b.coefficient !== undefined ? hundredths(b.coefficient) : current.coefficient_hundredths;
      const next: RoyaltyRow = {
        ...current,
        ...(b.recipient ? { recipient_name: normalizeText(b.recipient.name).trim(), recipient_user_id: b.recipient.userId ?? null } : {}),
        ...(b.role ? { role: b.role } : {}),
        ...(b.genre ? { genre: b.genre } : {}),
        ...(b.note !== undefined ? { note: b.note ? normalizeText(b.note).trim() || null : null } : {}),
        coefficient_hundredths: coefficient,
        unit_value_vnd: value,
        amount_vnd: amount(coefficient, value),
        updated_at: Date.now(),
      };
      await save(req, ctx, 'portal.royalty.update', current, next);
      return toRoyalty(next);
    },
  });

  route.post('/royalties/:id/approve', {
    summary: { vi: 'Duyệt nhuận bút', en: 'Approve a royalty' },
    description: 'By someone other than the recipient and the one who recorded it.',
    permission: ROYALTIES_PERMISSION,
    schema: { params: royaltyIdParams, response: { 200: royaltySchema } },
    handler: async (req, ctx) => {
      const current = await load(req, ctx);
      requireStatus(current, ['proposed'], 'approved');
      const me = req.principal!.id;
      if (current.recipient_user_id === me || current.created_by === me) throw PORTAL_ERR_ROYALTY_OWN.create({});
      const now = Date.now();
      const next: RoyaltyRow = { ...current, status: 'approved', approved_by: me, approved_at: now, updated_at: now };
      await save(req, ctx, 'portal.royalty.approve', current, next);
      return toRoyalty(next);
    },
  });

  route.post('/royalties/:id/paid', {
    summary: { vi: 'Đánh dấu đã chi trả', en: 'Mark a royalty paid' },
    permission: ROYALTIES_PERMISSION,
    schema: { params: royaltyIdParams, response: { 200: royaltySchema } },
    handler: async (req, ctx) => {
      const current = await load(req, ctx);
      requireStatus(current, ['approved'], 'marked paid');
      if (current.recipient_user_id === req.principal!.id) throw PORTAL_ERR_ROYALTY_OWN.create({});
      const now = Date.now();
      const next: RoyaltyRow = { ...current, status: 'paid', paid_at: now, updated_at: now };
      await save(req, ctx, 'portal.royalty.paid', current, next);
      return toRoyalty(next);
    },
  });

  route.delete('/royalties/:id', {
    summary: { vi: 'Xóa khoản nhuận bút đề xuất', en: 'Delete a proposed royalty' },
    permission: ROYALTIES_PERMISSION,
    schema: { params: royaltyIdParams, response: { 204: {} } },
    handler: async (req, ctx) => {
      const current = await load(req, ctx);
      requireStatus(current, ['proposed'], 'deleted');
      await ctx.get(coreServices.database).transaction<RoyaltiesDatabase, void>(async (trx) => {
        await trx.deleteFrom('portal_royalties').where('tenant_id', '=', current.tenant_id).where('id', '=', current.id).execute();
        await ctx.get(coreServices.audit).record({ action: 'portal.royalty.delete', objectType: 'royalty', objectId: current.id, tenantId: current.tenant_id, before: toRoyalty(current) }, { request: req, trx });
      });
      return respond(204);
    },
  });
}
