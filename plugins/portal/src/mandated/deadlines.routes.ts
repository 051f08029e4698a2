import { coreServices, NotFoundError, respond, type PluginContext, type RouteBuilder } from '@cong/sdk';
import type { ContentDatabase } from '../content/content-database.js';
import { PORTAL_ERR_DEADLINE_AUTOMATIC, PORTAL_ERR_DEADLINE_EXISTS } from '../errors.js';
import { vietnamDate } from '../time/vietnam-time.js';
import { DeadlineRepository, type DeadlineStatus } from './deadline.repository.js';
import { MANAGE, mayRead, unit } from './mandated-access.js';
import type { MandatedDatabase } from './mandated-database.js';
import { createDeadlineBody, deadlineIdParams, deadlinePage, deadlineSchema, listDeadlinesQuery, markMetBody } from './mandated.schema.js';
import { newDeadlineRow, toDeadline, trackLegalDocuments } from './publication-deadlines.js';

type Db = MandatedDatabase & ContentDatabase;
const repository = (ctx: PluginContext) => new DeadlineRepository(ctx.get(coreServices.database).kysely<MandatedDatabase>());

/**
 * Publication deadlines (POR-30 to POR-37) under /api/portal/deadlines: the unit's tracked items with
 * their status, items an editor adds for an article or a free-text piece of information, and marking a
 * free-text item met. Legal documents are tracked on their own (the catch-up job, and before each list).
 */
export function deadlineRoutes(route: RouteBuilder): void {
  route.get('/deadlines', {
    summary: { vi: 'Thời hạn công khai thông tin của đơn vị', en: 'The unit\'s publication deadlines' },
    description: 'Soonest due first. status: pending, met, late (met after the due date), overdue (not met, past the due date).',
    authenticated: true,
    schema: { query: listDeadlinesQuery, response: { 200: deadlinePage } },
    handler: async (req, ctx) => {
      const tenantId = mayRead(req);
      await trackLegalDocuments(ctx, tenantId);
      const today = vietnamDate();
      const { overdue, status, ...rest } = req.query;
      const effective: DeadlineStatus | undefined = overdue ? 'overdue' : status;
      const page = await repository(ctx).page(tenantId, { ...rest, ...(effective ? { status: effective } : {}) }, today);
      return { items: page.items.map((r) => toDeadline(r, today)), total: page.total, limit: req.query.limit, offset: req.query.offset, today };
    },
  });

  route.get('/deadlines/:id', {
    summary: { vi: 'Xem một thời hạn công khai', en: 'Read a publication deadline' },
    authenticated: true,
    schema: { params: deadlineIdParams, response: { 200: deadlineSchema } },
    handler: async (req, ctx) => {
      const row = await repository(ctx).find(mayRead(req), req.params.id);
      if (!row) throw new NotFoundError(`Deadline ${req.params.id} does not exist`);
      return toDeadline(row, vietnamDate());
    },
  });

  route.post('/deadlines', {
    summary: { vi: 'Theo dõi thời hạn công khai của một tin bài hoặc thông tin', en: 'Track the publication deadline of an article or a piece of information' },
    description: 'The due date is origin + portal.publishDeadline.<kind> working days (the rule version in force on origin, recorded with the item). An article already published is met at its publication time.',
    permission: MANAGE,
    schema: { body: createDeadlineBody, response: { 201: deadlineSchema } },
    handler: async (req, ctx) => {
      const tenantId = unit(req);
      const db = ctx.get(coreServices.database);
      const b = req.body;
      let subject: { type: 'article' | 'text'; id: string | null; title: string };
      let metAt: number | null = null;
      if (b.subject.type === 'article') {
        const article = await db.kysely<Db>().selectFrom('portal_articles').select(['id', 'title', 'status', 'published_at']).where('tenant_id', '=', tenantId).where('id', '=', b.subject.id).executeTakeFirst();
        if (!article) throw new NotFoundError(`Article ${b.subject.id} does not exist`);
        if (await repository(ctx).bySubject(tenantId, 'article', article.id)) throw PORTAL_ERR_DEADLINE_EXISTS.create({ type: 'article', id: article.id });
        subject = { type: 'article', id: article.id, title: article.title };
        if (article.published_at !== null) metAt = Number(article.published_at);
      } else {
        subject = { type: 'text', id: null, title: b.subject.text.normalize('NFC').trim() };
      }
      const row = await newDeadlineRow(ctx, tenantId, subject, b.kind, b.origin, req.principal!.id, metAt);
      try {
        await db.transaction<Db, void>(async (trx) => {
          await trx.insertInto('portal_publication_deadlines').values(row).execute();
          await ctx.get(coreServices.audit).record(
            { action: 'portal.deadline.create', objectType: 'publication-deadline', objectId: row.id, tenantId, after: { subject, kind: row.kind, origin: row.origin_date, due: row.due_date, ruleVersion: row.rule_version } },
            { request: req, trx },
          );
        });
      } catch (error) {
        // Two editors tracked the same article at once: the unique index kept the first.
        if (subject.id !== null && (await repository(ctx).bySubject(tenantId, 'article', subject.id))) throw PORTAL_ERR_DEADLINE_EXISTS.create({ type: 'article', id: subject.id });
        throw error;
      }
      return respond(201, toDeadline(row, vietnamDate()), { location: `/api/portal/deadlines/${row.id}` });
    },
  });

  route.post('/deadlines/:id/met', {
    summary: { vi: 'Ghi nhận đã công khai (thông tin tự do)', en: 'Record a free-text item as published' },
    permission: MANAGE,
    schema: { params: deadlineIdParams, body: markMetBody, response: { 200: deadlineSchema } },
    handler: async (req, ctx) => {
      const tenantId = unit(req);
      const current = await repository(ctx).find(tenantId, req.params.id);
      if (!current) throw new NotFoundError(`Deadline ${req.params.id} does not exist`);
      if (current.subject_type !== 'text') throw PORTAL_ERR_DEADLINE_AUTOMATIC.create({ type: current.subject_type });
      const at = req.body.at ? Date.parse(req.body.at) : Date.now();
      const changes = { met_at: at, met_on: vietnamDate(at), updated_at: Date.now() };
      await ctx.get(coreServices.database).transaction<Db, void>(async (trx) => {
        await trx.updateTable('portal_publication_deadlines').set(changes).where('tenant_id', '=', tenantId).where('id', '=', current.id).execute();
        await ctx.get(coreServices.audit).record({ action: 'portal.deadline.met', objectType: 'publication-deadline', objectId: current.id, tenantId, before: { metAt: current.met_at }, after: { metAt: at } }, { request: req, trx });
      });
      return toDeadline({ ...current, ...changes }, vietnamDate());
    },
  });

  route.delete('/deadlines/:id', {
    summary: { vi: 'Ngừng theo dõi một thời hạn', en: 'Stop tracking a deadline' },
    description: 'Items of legal documents are tracked automatically and cannot be removed.',
    permission: MANAGE,
    schema: { params: deadlineIdParams, response: { 204: {} } },
    handler: async (req, ctx) => {
      const tenantId = unit(req);
      const current = await repository(ctx).find(tenantId, req.params.id);
      if (!current) throw new NotFoundError(`Deadline ${req.params.id} does not exist`);
      if (current.subject_type === 'legal') throw PORTAL_ERR_DEADLINE_AUTOMATIC.create({ type: 'legal document' });
      await ctx.get(coreServices.database).transaction<Db, void>(async (trx) => {
        await trx.deleteFrom('portal_publication_deadlines').where('tenant_id', '=', tenantId).where('id', '=', current.id).execute();
        await ctx.get(coreServices.audit).record({ action: 'portal.deadline.delete', objectType: 'publication-deadline', objectId: current.id, tenantId, before: toDeadline(current, vietnamDate()) }, { request: req, trx });
      });
      return respond(204);
    },
  });
}
