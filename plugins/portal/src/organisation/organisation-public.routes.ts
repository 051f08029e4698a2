import { defineSchema, respond, type PluginContext, type RouteBuilder } from '@cong/sdk';
import { PUBLIC_HEADERS, publicUnit } from '../public/public-site.js';
import { vietnamDate } from '../time/vietnam-time.js';
import type { ContactRow, LeaderRow, OrgUnitRow } from './organisation-database.js';
import { OrganisationPublicQueries } from './organisation-public-queries.js';
import { OrganisationStore } from './organisation-store.js';
import { leaderIdsOf, weekQuery, weekProperties } from './schedule-entry.schema.js';
import { resolveWeek } from './schedule-entry.routes.js';

const TAGS = ['portal-public'];
const queries = (ctx: PluginContext) => new OrganisationPublicQueries(new OrganisationStore(ctx));
const pair = (vi: string, en: string) => ({ vi, en });
const pairSchema = { type: 'object', additionalProperties: false, required: ['vi', 'en'], properties: { vi: { type: 'string' }, en: { type: 'string' } } } as const;
const list = (properties: Record<string, object>) =>
  defineSchema<{ items: unknown[] }>({
    type: 'object',
    additionalProperties: false,
    required: ['items'],
    properties: { items: { type: 'array', items: { type: 'object', additionalProperties: false, required: Object.keys(properties), properties } } },
  });
const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const noQuery = defineSchema<Record<string, never>>({ type: 'object', additionalProperties: false, properties: {} });

const unitItem = (u: OrgUnitRow) => ({
  id: u.id,
  parentId: u.parent_id,
  name: pair(u.name_vi, u.name_en),
  functions: pair(u.functions_vi, u.functions_en),
  duties: pair(u.duties_vi, u.duties_en),
  powers: pair(u.powers_vi, u.powers_en),
  headName: u.head_name,
  headPosition: pair(u.head_position_vi, u.head_position_en),
  phone: u.phone,
  email: u.email,
  address: u.address,
});
const unitProperties = { id: str, parentId: nullableStr, name: pairSchema, functions: pairSchema, duties: pairSchema, powers: pairSchema, headName: str, headPosition: pairSchema, phone: str, email: str, address: str };

/** Phone and e-mail only when the leader agreed to publish them. */
const leaderItem = (l: LeaderRow) => {
  const open = Number(l.contact_public) === 1;
  return {
    id: l.id,
    orgUnitId: l.org_unit_id,
    fullName: l.full_name,
    position: pair(l.position_vi, l.position_en),
    portraitUrl: l.portrait_url || null,
    portraitAlt: pair(l.portrait_alt_vi, l.portrait_alt_en),
    biography: pair(l.bio_vi, l.bio_en),
    duties: pair(l.duties_vi, l.duties_en),
    phone: open && l.phone ? l.phone : null,
    email: open && l.email ? l.email : null,
    termStart: l.term_start,
    termEnd: l.term_end,
  };
};
const leaderProperties = { id: str, orgUnitId: nullableStr, fullName: str, position: pairSchema, portraitUrl: nullableStr, portraitAlt: pairSchema, biography: pairSchema, duties: pairSchema, phone: nullableStr, email: nullableStr, termStart: nullableStr, termEnd: nullableStr };

const contactItem = (c: ContactRow) => ({
  id: c.id,
  kind: c.kind,
  role: c.official_role,
  label: pair(c.label_vi, c.label_en),
  address: c.address,
  fax: c.fax,
  officeHours: pair(c.office_hours_vi, c.office_hours_en),
  mapUrl: c.map_url,
  personName: c.person_name,
  position: pair(c.position_vi, c.position_en),
  unit: pair(c.unit_vi, c.unit_en),
  phone: c.phone,
  email: c.email,
});
const contactProperties = { id: str, kind: { enum: ['agency', 'official'] }, role: nullableStr, label: pairSchema, address: str, fax: str, officeHours: pairSchema, mapUrl: str, personName: str, position: pairSchema, unit: pairSchema, phone: str, email: str };

const entryProperties = {
  id: str,
  date: str,
  startTime: str,
  endTime: nullableStr,
  title: pairSchema,
  location: str,
  presiding: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['fullName', 'position'], properties: { fullName: str, position: pairSchema } } },
  participants: str,
  preparingUnit: str,
  status: { enum: ['planned', 'changed', 'cancelled'] },
  statusNote: str,
};
const publicWeek = defineSchema<unknown>({
  type: 'object',
  additionalProperties: false,
  required: [...Object.keys(weekProperties), 'items'],
  properties: { ...weekProperties, items: { type: 'array', items: { type: 'object', additionalProperties: false, required: Object.keys(entryProperties), properties: entryProperties } } },
});

/**
 * The unit's organisation as public JSON under /api/portal/public/organisation: anonymous, per unit
 * (`/t/<slug>/…` or `X-Cong-Tenant`), both languages side by side, public fields only.
 */
export function organisationPublicRoutes(route: RouteBuilder): void {
  route.get('/public/organisation/units', {
    summary: { vi: 'Cơ cấu tổ chức (công khai)', en: 'Organisation chart (public)' },
    description: 'Flat, siblings in order; the root (parentId null) is the agency itself. Rich text is sanitised HTML.',
    tags: TAGS,
    cors: true,
    schema: { query: noQuery, response: { 200: list(unitProperties) } },
    handler: async (req, ctx) => {
      const { tenant } = await publicUnit(req, ctx);
      return respond(200, { items: (await queries(ctx).chart(tenant.id)).map(unitItem) }, PUBLIC_HEADERS);
    },
  });

  route.get('/public/organisation/leaders', {
    summary: { vi: 'Lãnh đạo đương nhiệm (công khai)', en: 'Leaders in office (public)' },
    description: 'Phone and e-mail are null unless the leader\'s contact is public.',
    tags: TAGS,
    cors: true,
    schema: { query: noQuery, response: { 200: list(leaderProperties) } },
    handler: async (req, ctx) => {
      const { tenant } = await publicUnit(req, ctx);
      return respond(200, { items: (await queries(ctx).leaders(tenant.id, vietnamDate())).map(leaderItem) }, PUBLIC_HEADERS);
    },
  });

  route.get('/public/organisation/contacts', {
    summary: { vi: 'Thông tin liên hệ (công khai)', en: 'Contacts (public)' },
    tags: TAGS,
    cors: true,
    schema: { query: noQuery, response: { 200: list(contactProperties) } },
    handler: async (req, ctx) => {
      const { tenant } = await publicUnit(req, ctx);
      return respond(200, { items: (await queries(ctx).contacts(tenant.id)).map(contactItem) }, PUBLIC_HEADERS);
    },
  });

  route.get('/public/organisation/schedule', {
    summary: { vi: 'Lịch công tác theo tuần (công khai)', en: 'Work schedule for a week (public)' },
    description: 'Public entries only, cancelled ones included with their note.',
    tags: TAGS,
    cors: true,
    schema: { query: weekQuery, response: { 200: publicWeek } },
    handler: async (req, ctx) => {
      const { tenant } = await publicUnit(req, ctx);
      const { dates: _dates, ...week } = resolveWeek(req.query.week, { in: 'query', pointer: '/week' });
      const { entries, leaders } = await queries(ctx).schedule(tenant.id, week.from, week.to);
      const items = entries.map((e) => ({
        id: e.id,
        date: e.entry_date,
        startTime: e.start_time,
        endTime: e.end_time,
        title: pair(e.title_vi, e.title_en),
        location: e.location,
        presiding: leaderIdsOf(e).flatMap((id) => {
          const l = leaders.get(id);
          return l ? [{ fullName: l.full_name, position: pair(l.position_vi, l.position_en) }] : [];
        }),
        participants: e.participants,
        preparingUnit: e.preparing_unit,
        status: e.status,
        statusNote: e.status_note,
      }));
      return respond(200, { ...week, items }, PUBLIC_HEADERS);
    },
  });
}
