import { randomUUID } from 'node:crypto';
import { InputError, respond, type FieldIssue, type PluginContext, type RouteBuilder } from '@cong/sdk';
import { PORTAL_ERR_ORG_LEADER_SCHEDULED } from '../errors.js';
import { englishState } from './english-tracking.js';
import { createLeaderBody, LEADER_FIELDS, leaderList, leaderSchema, toLeader, updateLeaderBody } from './leader.schema.js';
import type { LeaderRow } from './organisation-database.js';
import { columnsFrom, idParams, reorderBody, translatedPairs } from './organisation-fields.js';
import { checkReorder, ORGANISATION_WRITE, unitOf } from './organisation-request.js';
import { OrganisationStore } from './organisation-store.js';

const PAIRS = translatedPairs(LEADER_FIELDS);
const store = (ctx: PluginContext) => new OrganisationStore(ctx);

/** The unit's leaders in their order. */
export async function leaderRows(s: OrganisationStore, tenantId: string): Promise<LeaderRow[]> {
  return s.db.selectFrom('portal_leaders').selectAll().where('tenant_id', '=', tenantId).orderBy('sort_order').orderBy('full_name').orderBy('id').execute();
}

/** A portrait needs its alt text (WCAG 1.1.1); a term ends after it starts; the chart node is the unit's. */
async function checkLeader(s: OrganisationStore, row: LeaderRow): Promise<void> {
  const errors: FieldIssue[] = [];
  if (row.portrait_url !== '' && row.portrait_alt_vi === '') errors.push({ in: 'body', pointer: '/portraitAlt/vi', message: 'is required when a portrait is set', keyword: 'required' });
  if (row.term_start !== null && row.term_end !== null && row.term_end < row.term_start) errors.push({ in: 'body', pointer: '/termEnd', message: 'must not be before termStart', keyword: 'formatMinimum' });
  if (row.org_unit_id !== null && !(await s.find('portal_org_units', row.tenant_id, row.org_unit_id))) {
    errors.push({ in: 'body', pointer: '/orgUnitId', message: 'no such organisation unit in this unit', keyword: 'exists' });
  }
  if (errors.length > 0) throw new InputError(`body ${errors[0]!.pointer} ${errors[0]!.message}`, { errors });
}

/** The unit's leaders (lãnh đạo, POR-06, POR-08) under /api/portal/organisation/leaders. */
export function leaderRoutes(route: RouteBuilder): void {
  route.get('/organisation/leaders', {
    summary: { vi: 'Lãnh đạo của đơn vị', en: 'The unit\'s leaders' },
    authenticated: true,
    schema: { response: { 200: leaderList } },
    handler: async (req, ctx) => ({ items: (await leaderRows(store(ctx), unitOf(req))).map(toLeader) }),
  });

  route.get('/organisation/leaders/:id', {
    summary: { vi: 'Xem thông tin lãnh đạo', en: 'Read a leader' },
    authenticated: true,
    schema: { params: idParams, response: { 200: leaderSchema } },
    handler: async (req, ctx) => toLeader(await store(ctx).get('portal_leaders', unitOf(req), req.params.id)),
  });

  route.post('/organisation/leaders', {
    summary: { vi: 'Thêm lãnh đạo', en: 'Add a leader' },
    permission: ORGANISATION_WRITE,
    schema: { body: createLeaderBody, response: { 201: leaderSchema } },
    handler: async (req, ctx) => {
      const tenantId = unitOf(req);
      const s = store(ctx);
      const columns = columnsFrom(LEADER_FIELDS, req.body, 'create');
      const now = Date.now();
      const existing = await leaderRows(s, tenantId);
      const row = {
        id: randomUUID(),
        tenant_id: tenantId,
        org_unit_id: req.body.orgUnitId ?? null,
        sort_order: req.body.order ?? (existing.length === 0 ? 0 : Math.max(...existing.map((r) => Number(r.sort_order))) + 1),
        ...columns,
        contact_public: req.body.contactPublic ? 1 : 0,
        term_start: req.body.termStart ?? null,
        term_end: req.body.termEnd ?? null,
        revision: 1,
        ...englishState(PAIRS, undefined, columns, now),
        created_at: now,
        updated_at: now,
      } as LeaderRow;
      await checkLeader(s, row);
      await s.insert('portal_leaders', row, req);
      return respond(201, toLeader(row), { location: `/api/portal/organisation/leaders/${row.id}` });
    },
  });

  route.patch('/organisation/leaders/:id', {
    summary: { vi: 'Sửa thông tin lãnh đạo', en: 'Update a leader' },
    permission: ORGANISATION_WRITE,
    schema: { params: idParams, body: updateLeaderBody, response: { 200: leaderSchema } },
    handler: async (req, ctx) => {
      const tenantId = unitOf(req);
      const s = store(ctx);
      const current = await s.get('portal_leaders', tenantId, req.params.id);
      const columns = columnsFrom(LEADER_FIELDS, req.body, 'patch');
      const b = req.body;
      const now = Date.now();
      const changes: Partial<LeaderRow> = {
        ...columns,
        ...(b.orgUnitId !== undefined ? { org_unit_id: b.orgUnitId } : {}),
        ...(b.order !== undefined ? { sort_order: b.order } : {}),
        ...(b.contactPublic !== undefined ? { contact_public: b.contactPublic ? 1 : 0 } : {}),
        ...(b.termStart !== undefined ? { term_start: b.termStart } : {}),
        ...(b.termEnd !== undefined ? { term_end: b.termEnd } : {}),
        ...englishState(PAIRS, current as unknown as Record<string, unknown>, columns, now),
        updated_at: now,
      };
      await checkLeader(s, { ...current, ...changes });
      return toLeader(await s.update('portal_leaders', current, changes, b.revision, req));
    },
  });

  route.delete('/organisation/leaders/:id', {
    summary: { vi: 'Xóa lãnh đạo', en: 'Delete a leader' },
    description: 'Refused (409 PORTAL_ERR_ORG_LEADER_SCHEDULED) while work schedule entries name the leader as presiding: end the term instead.',
    permission: ORGANISATION_WRITE,
    schema: { params: idParams, response: { 204: {} } },
    handler: async (req, ctx) => {
      const tenantId = unitOf(req);
      const s = store(ctx);
      const current = await s.get('portal_leaders', tenantId, req.params.id);
      // Ids are UUIDs inside a JSON array: the quoted id matches only that element.
      const presiding = await s.db
        .selectFrom('portal_schedule_entries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('tenant_id', '=', tenantId)
        .where('presiding_leader_ids', 'like', `%"${current.id}"%`)
        .executeTakeFirstOrThrow();
      if (Number(presiding.n) > 0) throw PORTAL_ERR_ORG_LEADER_SCHEDULED.create({ name: current.full_name, count: Number(presiding.n) });
      await s.delete('portal_leaders', current, req);
      return respond(204);
    },
  });

  route.post('/organisation/leaders/reorder', {
    summary: { vi: 'Sắp xếp thứ tự lãnh đạo', en: 'Reorder the leaders' },
    permission: ORGANISATION_WRITE,
    schema: { body: reorderBody, response: { 200: leaderList } },
    handler: async (req, ctx) => {
      const tenantId = unitOf(req);
      const s = store(ctx);
      checkReorder(req.body.ids, new Set((await leaderRows(s, tenantId)).map((r) => r.id)));
      await s.reorder('portal_leaders', tenantId, req.body.ids, req);
      return { items: (await leaderRows(s, tenantId)).map(toLeader) };
    },
  });
}
