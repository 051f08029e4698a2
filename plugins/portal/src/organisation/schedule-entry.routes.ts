import { randomUUID } from 'node:crypto';
import { InputError, respond, type FieldIssue, type PluginContext, type RouteBuilder } from '@cong/sdk';
import { englishState } from './english-tracking.js';
import { vietnamDate } from '../time/vietnam-time.js';
import { isoWeekOf, shiftWeek, weekDates } from './iso-week.js';
import type { ScheduleEntryRow } from './organisation-database.js';
import { columnsFrom, idParams, translatedPairs } from './organisation-fields.js';
import { ORGANISATION_WRITE, unitOf } from './organisation-request.js';
import { OrganisationStore } from './organisation-store.js';
import {
  createScheduleEntryBody,
  leaderIdsOf,
  SCHEDULE_FIELDS,
  scheduleEntrySchema,
  scheduleWeek,
  toScheduleEntry,
  updateScheduleEntryBody,
  weekQuery,
} from './schedule-entry.schema.js';

const PAIRS = translatedPairs(SCHEDULE_FIELDS);
const store = (ctx: PluginContext) => new OrganisationStore(ctx);

/** A week's bounds and neighbours; `week` must exist (the schema lets 2026-W53 through, which does not). */
export function resolveWeek(week: string | undefined, pointer: { in: 'query'; pointer: string }) {
  const name = week ?? isoWeekOf(vietnamDate());
  const dates = weekDates(name);
  if (!dates) throw new InputError(`${name} is not a week of its year`, { errors: [{ ...pointer, message: 'no such ISO week', keyword: 'format' }] });
  return { week: name, previousWeek: shiftWeek(name, -1), nextWeek: shiftWeek(name, 1), from: dates[0]!, to: dates[6]!, dates };
}

/** A week's entries, by day and start time; `publicOnly` leaves out the ones kept off the site. */
export async function weekRows(s: OrganisationStore, tenantId: string, from: string, to: string, publicOnly: boolean): Promise<ScheduleEntryRow[]> {
  let query = s.db.selectFrom('portal_schedule_entries').selectAll().where('tenant_id', '=', tenantId).where('entry_date', '>=', from).where('entry_date', '<=', to);
  if (publicOnly) query = query.where('is_public', '=', 1);
  return query.orderBy('entry_date').orderBy('start_time').orderBy('created_at').orderBy('id').execute();
}

/** The end after the start; presiding leaders are the unit's; a change or cancellation says why. */
async function checkEntry(s: OrganisationStore, row: ScheduleEntryRow): Promise<void> {
  const errors: FieldIssue[] = [];
  if (row.end_time !== null && row.end_time <= row.start_time) errors.push({ in: 'body', pointer: '/endTime', message: 'must be after startTime', keyword: 'formatMinimum' });
  if (row.status !== 'planned' && row.status_note === '') errors.push({ in: 'body', pointer: '/statusNote', message: `is required when the entry is ${row.status}`, keyword: 'required' });
  const ids = leaderIdsOf(row);
  if (ids.length > 0) {
    const known = new Set((await s.db.selectFrom('portal_leaders').select('id').where('tenant_id', '=', row.tenant_id).where('id', 'in', ids).execute()).map((r) => r.id));
    ids.forEach((id, i) => {
      if (!known.has(id)) errors.push({ in: 'body', pointer: `/presidingLeaderIds/${i}`, message: 'no such leader in this unit', keyword: 'exists' });
    });
  }
  if (errors.length > 0) throw new InputError(`body ${errors[0]!.pointer} ${errors[0]!.message}`, { errors });
}

/** The leaders' work schedule (lịch công tác, POR-08) under /api/portal/organisation/schedule. */
export function scheduleEntryRoutes(route: RouteBuilder): void {
  route.get('/organisation/schedule', {
    summary: { vi: 'Lịch công tác của lãnh đạo theo tuần', en: 'The leaders\' work schedule for a week' },
    description: 'Every entry of the ISO week (public or not), by day and start time.',
    authenticated: true,
    schema: { query: weekQuery, response: { 200: scheduleWeek } },
    handler: async (req, ctx) => {
      const { dates: _dates, ...week } = resolveWeek(req.query.week, { in: 'query', pointer: '/week' });
      return { ...week, items: (await weekRows(store(ctx), unitOf(req), week.from, week.to, false)).map(toScheduleEntry) };
    },
  });

  route.get('/organisation/schedule/:id', {
    summary: { vi: 'Xem một mục lịch công tác', en: 'Read a work schedule entry' },
    authenticated: true,
    schema: { params: idParams, response: { 200: scheduleEntrySchema } },
    handler: async (req, ctx) => toScheduleEntry(await store(ctx).get('portal_schedule_entries', unitOf(req), req.params.id)),
  });

  route.post('/organisation/schedule', {
    summary: { vi: 'Thêm mục lịch công tác', en: 'Add a work schedule entry' },
    permission: ORGANISATION_WRITE,
    schema: { body: createScheduleEntryBody, response: { 201: scheduleEntrySchema } },
    handler: async (req, ctx) => {
      const tenantId = unitOf(req);
      const s = store(ctx);
      const b = req.body;
      const columns = columnsFrom(SCHEDULE_FIELDS, b, 'create');
      const now = Date.now();
      const row = {
        id: randomUUID(),
        tenant_id: tenantId,
        entry_date: b.date,
        start_time: b.startTime,
        end_time: b.endTime ?? null,
        presiding_leader_ids: JSON.stringify(b.presidingLeaderIds ?? []),
        is_public: b.public === false ? 0 : 1,
        status: b.status ?? 'planned',
        ...columns,
        revision: 1,
        ...englishState(PAIRS, undefined, columns, now),
        created_at: now,
        updated_at: now,
      } as ScheduleEntryRow;
      await checkEntry(s, row);
      await s.insert('portal_schedule_entries', row, req);
      return respond(201, toScheduleEntry(row), { location: `/api/portal/organisation/schedule/${row.id}` });
    },
  });

  route.patch('/organisation/schedule/:id', {
    summary: { vi: 'Sửa, đổi hoặc hoãn mục lịch công tác', en: 'Update, change or cancel a work schedule entry' },
    description: 'Set status `changed` or `cancelled` with a statusNote; a cancelled entry stays on the schedule, struck through.',
    permission: ORGANISATION_WRITE,
    schema: { params: idParams, body: updateScheduleEntryBody, response: { 200: scheduleEntrySchema } },
    handler: async (req, ctx) => {
      const tenantId = unitOf(req);
      const s = store(ctx);
      const current = await s.get('portal_schedule_entries', tenantId, req.params.id);
      const b = req.body;
      const columns = columnsFrom(SCHEDULE_FIELDS, b, 'patch');
      const now = Date.now();
      const changes: Partial<ScheduleEntryRow> = {
        ...columns,
        ...(b.date !== undefined ? { entry_date: b.date } : {}),
        ...(b.startTime !== undefined ? { start_time: b.startTime } : {}),
        ...(b.endTime !== undefined ? { end_time: b.endTime } : {}),
        ...(b.presidingLeaderIds !== undefined ? { presiding_leader_ids: JSON.stringify(b.presidingLeaderIds) } : {}),
        ...(b.public !== undefined ? { is_public: b.public ? 1 : 0 } : {}),
        ...(b.status !== undefined ? { status: b.status } : {}),
        ...englishState(PAIRS, current as unknown as Record<string, unknown>, columns, now),
        updated_at: now,
      };
      await checkEntry(s, { ...current, ...changes });
      return toScheduleEntry(await s.update('portal_schedule_entries', current, changes, b.revision, req));
    },
  });

  route.delete('/organisation/schedule/:id', {
    summary: { vi: 'Xóa mục lịch công tác', en: 'Delete a work schedule entry' },
    description: 'For entries made by mistake; a called-off engagement is better marked cancelled.',
    permission: ORGANISATION_WRITE,
    schema: { params: idParams, response: { 204: {} } },
    handler: async (req, ctx) => {
      const s = store(ctx);
      await s.delete('portal_schedule_entries', await s.get('portal_schedule_entries', unitOf(req), req.params.id), req);
      return respond(204);
    },
  });
}
