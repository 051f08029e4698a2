import { randomUUID } from 'node:crypto';
import { coreServices, InputError, type PluginContext, type Rule } from '@cong/sdk';
import type { Kysely } from 'kysely';
import type { ContentDatabase } from '../content/content-database.js';
import type { LegalDatabase } from '../legal/legal-schema.js';
import { vietnamDate } from '../time/vietnam-time.js';
import { statusOf, type DeadlineRow, type DeadlineStatus } from './deadline.repository.js';
import type { DeadlineKind } from './mandated-catalogue.js';
import type { DeadlineSubjectType, MandatedDatabase } from './mandated-database.js';
import { deadlineRule } from './mandated-rules.js';

type Db = Kysely<MandatedDatabase & ContentDatabase & LegalDatabase>;

/** A tracked item as the API returns it. */
export interface Deadline {
  readonly id: string;
  readonly subject: { readonly type: DeadlineSubjectType; readonly id: string | null; readonly title: string };
  readonly kind: string;
  /** The rule version that computed the due date, and its value then. */
  readonly rule: { readonly name: string; readonly version: string; readonly days: number };
  readonly originDate: string;
  readonly dueDate: string;
  readonly metAt: string | null;
  readonly status: DeadlineStatus;
  readonly createdBy: string;
  readonly createdAt: string;
}

/** Legal documents older than this many per pass wait for the next one: the first run in a large unit is spread out. */
const LEGAL_BATCH = 500;
const TITLE_MAX = 500;

export function toDeadline(row: DeadlineRow, today: string): Deadline {
  return {
    id: row.id,
    subject: { type: row.subject_type, id: row.subject_id, title: row.subject_title },
    kind: row.kind,
    rule: { name: row.rule_name, version: row.rule_version, days: Number(row.rule_days) },
    originDate: row.origin_date,
    dueDate: row.due_date,
    metAt: row.met_at === null ? null : new Date(Number(row.met_at)).toISOString(),
    status: statusOf(row, today),
    createdBy: row.created_by,
    createdAt: new Date(Number(row.created_at)).toISOString(),
  };
}

/**
 * The due date of information created (issued, approved) on `origin`: the deadline rule of `kind` in
 * force on that day, counted in working days on the core calendar (holidays, days off, make-up
 * Saturdays). Returns the rule too, so the item records the version that computed it. Returns
 * undefined when no version of the rule was in force on `origin`.
 */
export async function computeDue(ctx: PluginContext, kind: DeadlineKind, origin: string): Promise<{ rule: Rule<number>; due: string } | undefined> {
  let rule: Rule<number>;
  try {
    rule = await ctx.get(coreServices.rules).get<number>(deadlineRule(kind), origin);
  } catch (error) {
    if ((error as { code?: string })?.code === 'CONG_ERR_RULE_NOT_FOUND') return undefined;
    throw error;
  }
  const due = await ctx.get(coreServices.calendar).addWorkingDays(origin, rule.value);
  return { rule, due };
}

/** A new item's row, or an `InputError` on `/origin` when no rule applies on that date. */
export async function newDeadlineRow(ctx: PluginContext, tenantId: string, subject: Subject, kind: DeadlineKind, origin: string, createdBy: string, metAt: number | null): Promise<DeadlineRow> {
  const computed = await computeDue(ctx, kind, origin);
  if (computed === undefined) {
    throw new InputError(`No version of ${deadlineRule(kind)} was in force on ${origin}`, {
      errors: [{ in: 'body', pointer: '/origin', message: `no publication deadline rule in force on ${origin}`, keyword: 'rule' }],
    });
  }
  return rowOf(tenantId, subject, kind, origin, computed, createdBy, metAt);
}

interface Subject {
  readonly type: DeadlineSubjectType;
  readonly id: string | null;
  readonly title: string;
}

function rowOf(tenantId: string, subject: Subject, kind: DeadlineKind, origin: string, computed: { rule: Rule<number>; due: string }, createdBy: string, metAt: number | null): DeadlineRow {
  const now = Date.now();
  return {
    id: randomUUID(),
    tenant_id: tenantId,
    subject_type: subject.type,
    subject_id: subject.id,
    subject_title: subject.title.slice(0, TITLE_MAX),
    kind,
    rule_name: computed.rule.name,
    rule_version: computed.rule.version,
    rule_days: computed.rule.value,
    origin_date: origin,
    due_date: computed.due,
    met_at: metAt,
    met_on: metAt === null ? null : vietnamDate(metAt),
    created_by: createdBy,
    created_at: now,
    updated_at: now,
  };
}

/**
 * Marks the tracked items of a published article as met at `at`, unless already met: the first
 * publication is the one the law counts. Called on `portal.article-published`.
 */
export async function markArticleMet(ctx: PluginContext, tenantId: string, articleId: string, at: number): Promise<number> {
  const db: Db = ctx.get(coreServices.database).kysely();
  const result = await db
    .updateTable('portal_publication_deadlines')
    .set({ met_at: at, met_on: vietnamDate(at), updated_at: Date.now() })
    .where('tenant_id', '=', tenantId)
    .where('subject_type', '=', 'article')
    .where('subject_id', '=', articleId)
    .where('met_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Tracks every legal document of the unit (or of every unit) that is not tracked yet: origin the issue
 * date, rule `legalOwnPortal` in force then, met when the document was entered (its `created_at`).
 * Documents issued before any version of the rule, and documents of no unit, are not tracked. Run by
 * the `mandated-legal-deadlines` job and before a unit's deadline list is read.
 */
export async function trackLegalDocuments(ctx: PluginContext, tenantId?: string): Promise<{ tracked: number }> {
  const db: Db = ctx.get(coreServices.database).kysely();
  // Documents issued before the first version would be read again on every pass and never tracked.
  const first = (await ctx.get(coreServices.rules).history(deadlineRule('legalOwnPortal')))[0];
  if (first === undefined) return { tracked: 0 };
  let query = db
    .selectFrom('portal_legal_documents as d')
    .select(['d.id', 'd.tenant_id', 'd.number_symbol', 'd.summary', 'd.issued_on', 'd.created_at'])
    .where('d.tenant_id', 'is not', null)
    .where('d.issued_on', '>=', first.effectiveFrom)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('portal_publication_deadlines as p').select('p.id').where('p.subject_type', '=', 'legal').whereRef('p.subject_id', '=', 'd.id').whereRef('p.tenant_id', '=', 'd.tenant_id'))),
    );
  if (tenantId !== undefined) query = query.where('d.tenant_id', '=', tenantId);
  const documents = await query.orderBy('d.created_at').limit(LEGAL_BATCH).execute();
  let tracked = 0;
  for (const doc of documents) {
    const computed = await computeDue(ctx, 'legalOwnPortal', doc.issued_on);
    if (computed === undefined) continue;
    const row = rowOf(doc.tenant_id!, { type: 'legal', id: doc.id, title: `${doc.number_symbol} ${doc.summary}` }, 'legalOwnPortal', doc.issued_on, computed, 'system', Number(doc.created_at));
    try {
      await db.insertInto('portal_publication_deadlines').values(row).execute();
      tracked++;
    } catch (error) {
      // Another process tracked it between the read and this insert: the unique index kept one row.
      if (!(await db.selectFrom('portal_publication_deadlines').select('id').where('tenant_id', '=', doc.tenant_id!).where('subject_type', '=', 'legal').where('subject_id', '=', doc.id).executeTakeFirst())) throw error;
    }
  }
  return { tracked };
}
