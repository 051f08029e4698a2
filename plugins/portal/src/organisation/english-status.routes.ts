import { defineSchema, type RouteBuilder } from '@cong/sdk';
import { CONTACT_FIELDS } from './contact.schema.js';
import { missingEnglish } from './english-tracking.js';
import { LEADER_FIELDS } from './leader.schema.js';
import type { OrganisationTable } from './organisation-database.js';
import { translatedPairs, type FieldSpecs } from './organisation-fields.js';
import { unitOf } from './organisation-request.js';
import { OrganisationStore } from './organisation-store.js';
import { ORG_UNIT_FIELDS } from './org-unit.schema.js';
import { SCHEDULE_FIELDS } from './schedule-entry.schema.js';

export type EnglishKind = 'orgUnit' | 'contact' | 'leader' | 'scheduleEntry';

/** The tracked kinds: where they live, what labels a row, and whether POR-23 makes English mandatory. */
const KINDS: Readonly<Record<EnglishKind, { table: OrganisationTable; specs: FieldSpecs; mandatory: boolean; label: (row: Record<string, unknown>) => string }>> = {
  orgUnit: { table: 'portal_org_units', specs: ORG_UNIT_FIELDS, mandatory: true, label: (r) => String(r.name_vi) },
  contact: { table: 'portal_contacts', specs: CONTACT_FIELDS, mandatory: true, label: (r) => String(r.kind === 'agency' ? r.label_vi : r.person_name) },
  leader: { table: 'portal_leaders', specs: LEADER_FIELDS, mandatory: false, label: (r) => String(r.full_name) },
  scheduleEntry: { table: 'portal_schedule_entries', specs: SCHEDULE_FIELDS, mandatory: false, label: (r) => `${String(r.entry_date)} ${String(r.start_time)}: ${String(r.title_vi)}` },
};

/** Without `kind`: the organisation's standing content. Schedule entries come only when asked for. */
const DEFAULT_KINDS: readonly EnglishKind[] = ['orgUnit', 'contact', 'leader'];

export interface EnglishStatusItem {
  readonly kind: EnglishKind;
  readonly id: string;
  readonly label: string;
  /** POR-23 makes English mandatory for this kind (the chart and the contacts). */
  readonly mandatory: boolean;
  readonly missing: readonly string[];
  readonly updatedAt: string;
  readonly englishUpdatedAt: string | null;
}

const statusQuery = defineSchema<{ kind?: EnglishKind }>({
  type: 'object',
  additionalProperties: false,
  properties: { kind: { enum: Object.keys(KINDS), description: 'One kind; default: orgUnit, contact and leader.' } },
});

const statusList = defineSchema<{ items: EnglishStatusItem[]; mandatoryCount: number }>({
  type: 'object',
  additionalProperties: false,
  required: ['items', 'mandatoryCount'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'id', 'label', 'mandatory', 'missing', 'updatedAt', 'englishUpdatedAt'],
        properties: {
          kind: { enum: Object.keys(KINDS) },
          id: { type: 'string' },
          label: { type: 'string' },
          mandatory: { type: 'boolean' },
          missing: { type: 'array', items: { type: 'string' } },
          updatedAt: { type: 'string', format: 'date-time' },
          englishUpdatedAt: { type: ['string', 'null'], format: 'date-time' },
        },
      },
    },
    mandatoryCount: { type: 'integer', minimum: 0, description: 'How many listed items POR-23 requires in English.' },
  },
});

/** `GET /api/portal/organisation/english-status`: what needs translating (POR-23). */
export function englishStatusRoutes(route: RouteBuilder): void {
  route.get('/organisation/english-status', {
    summary: { vi: 'Nội dung tiếng Anh cần cập nhật', en: 'English that is stale or missing' },
    description: 'Rows whose English lags the Vietnamese (changed after it) or is missing where Vietnamese has text; mandatory ones first, oldest change first.',
    authenticated: true,
    schema: { query: statusQuery, response: { 200: statusList } },
    handler: async (req, ctx) => {
      const tenantId = unitOf(req);
      const db = new OrganisationStore(ctx).db;
      const kinds = req.query.kind ? [req.query.kind] : DEFAULT_KINDS;
      const items: EnglishStatusItem[] = [];
      for (const kind of kinds) {
        const k = KINDS[kind];
        const rows = (await db.selectFrom(k.table).selectAll().where('tenant_id', '=', tenantId).where('en_stale', '=', 1).orderBy('updated_at').orderBy('id').execute()) as unknown as Record<string, unknown>[];
        for (const row of rows) {
          items.push({
            kind,
            id: String(row.id),
            label: k.label(row),
            mandatory: k.mandatory,
            missing: missingEnglish(translatedPairs(k.specs), row),
            updatedAt: new Date(Number(row.updated_at)).toISOString(),
            englishUpdatedAt: row.en_updated_at === null ? null : new Date(Number(row.en_updated_at)).toISOString(),
          });
        }
      }
      return { items, mandatoryCount: items.filter((i) => i.mandatory).length };
    },
  });
}
