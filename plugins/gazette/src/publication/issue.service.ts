import { randomUUID } from 'node:crypto';
import { coreServices, InputError, NotFoundError, type PluginContext } from '@cong/sdk';
import { CorrectionPlacement } from '../corrections/correction-placement.js';
import {
  GAZETTE_ERR_ENTRY_NOT_READY,
  GAZETTE_ERR_ENTRY_ORDER,
  GAZETTE_ERR_ENTRY_TAKEN,
  GAZETTE_ERR_ISSUE_BUSY,
  GAZETTE_ERR_ISSUE_NOT_LAST,
  GAZETTE_ERR_ISSUE_NUMBER_BUSY,
  GAZETTE_ERR_ISSUE_PUBLISHED,
} from '../errors.js';
import type { Actor } from '../intake/intake-request.js';
import { gazetteSubmissionsRef } from '../review/gazette-submissions-ref.js';
import type { IssueRow, IssueStatus } from './publication-database.js';
import type { CreateIssueInput, IssueDetail, IssueSection, IssueSummary } from './issue.schema.js';
import { issueDetail, issueLabel, issueSummary } from './issue-views.js';
import { inTransaction, isUniqueViolation, publicationDb, type PublicationDb, type PublicationTrx } from './publication-store.js';

/** Attempts when two clerks create an issue (or add an entry) at the same moment and take the same number. */
const ATTEMPTS = 5;
/** The statuses in which the composer may still change an issue. */
export const EDITABLE: readonly IssueStatus[] = ['draft', 'failed'];

export interface EntryInput {
  readonly submissionId: string;
  readonly section?: IssueSection | null;
}

/**
 * Composing gazette issues (GAZ-20, GAZ-21): an office's draft issue takes the next number of the year
 * (or a grouped range), and the composer places documents that passed comparison in it, in order,
 * under optional section headings. A submission is in at most one issue. Every change is audited and
 * refused once the issue is rendering (409 `GAZETTE_ERR_ISSUE_BUSY`) or published (409
 * `GAZETTE_ERR_ISSUE_PUBLISHED`: GAZ-24, a published issue never changes).
 *
 * Issues are scoped to their office: another unit's issue is 404 like none.
 */
export class IssueService {
  readonly db: PublicationDb;

  constructor(private readonly ctx: PluginContext) {
    this.db = publicationDb(ctx);
  }

  // ─── Reading ────────────────────────────────────────────────────────────────────────────────
  async row(officeId: string, id: string, trx?: PublicationTrx): Promise<IssueRow> {
    const row = await (trx ?? this.db).selectFrom('gazette_issues').selectAll().where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError(`Issue ${id} does not exist`);
    return row;
  }

  async get(officeId: string, id: string): Promise<IssueDetail> {
    return issueDetail(this.db, await this.row(officeId, id));
  }

  async page(officeId: string, filter: { year?: number; status?: IssueStatus; limit: number; offset: number }): Promise<{ items: IssueSummary[]; total: number; limit: number; offset: number }> {
    let query = this.db.selectFrom('gazette_issues').where('office_id', '=', officeId);
    if (filter.year !== undefined) query = query.where('year', '=', filter.year);
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('year', 'desc').orderBy('number_from', 'desc').limit(filter.limit).offset(filter.offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const counts = await this.#entryCounts(rows.map((r) => r.id));
    return { items: rows.map((row) => issueSummary(row, counts.get(row.id) ?? 0)), total: Number(count.n), limit: filter.limit, offset: filter.offset };
  }

  /** The office's documents that passed comparison and are in no issue yet: what the composer picks from. */
  async ready(officeId: string) {
    const submissions = await this.ctx.get(gazetteSubmissionsRef).listReady(officeId);
    const placed = new Set(
      submissions.length === 0
        ? []
        : (await this.db.selectFrom('gazette_issue_entries').select('submission_id').where('submission_id', 'in', submissions.map((s) => s.id)).execute()).map((r) => r.submission_id),
    );
    const placement = new CorrectionPlacement(this.db);
    const items = [];
    for (const s of submissions.filter((s) => !placed.has(s.id))) {
      const correction = await placement.correctionOf(s.id);
      items.push({
        submissionId: s.id,
        documentType: s.documentType,
        numberSymbol: s.numberSymbol,
        summary: s.summary,
        issuingAgency: s.issuingAgency,
        signedOn: s.signedOn,
        publishDue: s.publishDue,
        correction: correction ? { id: correction.id, case: correction.case_kind, correctedSubmissionId: correction.corrected_submission_id, correctedDocumentId: correction.corrected_document_id } : null,
      });
    }
    return { items };
  }

  // ─── Composing ──────────────────────────────────────────────────────────────────────────────
  /**
   * A new draft issue dated `publicationDate`: the next number of that year at the office (1 for the
   * first), or `numberCount` consecutive numbers for a grouped issue. Two clerks creating issues at once
   * compute the same number; the unique index refuses the second, which retries with the next one.
   */
  async create(officeId: string, actor: Actor, input: CreateIssueInput): Promise<IssueDetail> {
    const year = Number(input.publicationDate.slice(0, 4));
    const count = input.numberCount ?? 1;
    for (let attempt = 1; ; attempt++) {
      try {
        const id = await inTransaction(this.ctx, async (trx) => {
          const last = await trx.selectFrom('gazette_issues').select((eb) => eb.fn.max<number | null>('number_to').as('n')).where('office_id', '=', officeId).where('year', '=', year).executeTakeFirst();
          const from = Number(last?.n ?? 0) + 1;
          const now = Date.now();
          const row: IssueRow = {
            id: randomUUID(),
            office_id: officeId,
            year,
            number_from: from,
            number_to: from + count - 1,
            publication_date: input.publicationDate,
            status: 'draft',
            page_count: null,
            file_id: null,
            sha256: null,
            signature: null,
            renderer: null,
            render_error: null,
            created_by: actor.id,
            created_at: now,
            published_by: null,
            published_at: null,
            updated_at: now,
          };
          await trx.insertInto('gazette_issues').values(row).execute();
          await this.#audit('create', row, actor, { label: issueLabel(row), year, publicationDate: row.publication_date }, trx);
          return row.id;
        });
        return this.get(officeId, id);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        if (attempt >= ATTEMPTS) throw GAZETTE_ERR_ISSUE_NUMBER_BUSY.create({}, { cause: error });
      }
    }
  }

  /** Moves a draft's publication date, within its year (the numbers belong to the year). */
  async reschedule(officeId: string, actor: Actor, id: string, publicationDate: string): Promise<IssueDetail> {
    await this.#change(officeId, actor, id, 'reschedule', { publicationDate }, async (issue, trx, now) => {
      if (Number(publicationDate.slice(0, 4)) !== Number(issue.year)) {
        throw new InputError(`The issue's numbers belong to ${issue.year}`, { errors: [{ in: 'body', pointer: '/publicationDate', message: `must be in ${issue.year}`, keyword: 'const' }] });
      }
      await trx.updateTable('gazette_issues').set({ publication_date: publicationDate, updated_at: now }).where('id', '=', id).execute();
    });
    return this.get(officeId, id);
  }

  /**
   * Deletes a draft (its documents return to the ready list). Only the last issue of the year: deleting
   * an earlier one would leave a gap in the numbers (GAZ-21).
   */
  async remove(officeId: string, actor: Actor, id: string): Promise<void> {
    await this.#change(officeId, actor, id, 'delete', {}, async (issue, trx) => {
      const later = await trx.selectFrom('gazette_issues').select('id').where('office_id', '=', officeId).where('year', '=', issue.year).where('number_from', '>', issue.number_from).executeTakeFirst();
      if (later) throw GAZETTE_ERR_ISSUE_NOT_LAST.create({ issue: issueLabel(issue), year: issue.year });
      await trx.deleteFrom('gazette_issue_entries').where('issue_id', '=', id).execute();
      await trx.deleteFrom('gazette_issues').where('id', '=', id).execute();
    });
  }

  /** Appends a document that passed comparison; refused with the readiness reason otherwise. */
  async addEntry(officeId: string, actor: Actor, id: string, input: EntryInput): Promise<IssueDetail> {
    const issue = await this.row(officeId, id);
    assertEditable(issue);
    await this.#assertPlaceable(officeId, input.submissionId);
    await new CorrectionPlacement(this.db).checkEntry(issue, input.submissionId);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.#change(officeId, actor, id, 'entry-add', { submissionId: input.submissionId, section: input.section ?? null }, async (_issue, trx) => {
          const last = await trx.selectFrom('gazette_issue_entries').select((eb) => eb.fn.max<number | null>('position').as('n')).where('issue_id', '=', id).executeTakeFirst();
          await trx.insertInto('gazette_issue_entries').values(entryRow(id, Number(last?.n ?? 0) + 1, input)).execute();
        });
        break;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        await this.#assertNotTaken(input.submissionId, error);
        if (attempt >= ATTEMPTS) throw GAZETTE_ERR_ISSUE_NUMBER_BUSY.create({}, { cause: error });
      }
    }
    return this.get(officeId, id);
  }

  async removeEntry(officeId: string, actor: Actor, id: string, submissionId: string): Promise<IssueDetail> {
    await this.#change(officeId, actor, id, 'entry-remove', { submissionId }, async (_issue, trx) => {
      const entries = await this.#entries(id, trx);
      if (!entries.some((e) => e.submission_id === submissionId)) throw new NotFoundError(`Submission ${submissionId} is not in issue ${id}`);
      await this.#rewrite(id, entries.filter((e) => e.submission_id !== submissionId), trx);
    });
    return this.get(officeId, id);
  }

  /**
   * The whole order at once (drag-to-order), with each entry's section: the list must name exactly the
   * issue's documents, each once.
   */
  async setEntries(officeId: string, actor: Actor, id: string, order: readonly EntryInput[]): Promise<IssueDetail> {
    await this.#change(officeId, actor, id, 'entry-order', { order: order.map((e) => e.submissionId) }, async (_issue, trx) => {
      const entries = await this.#entries(id, trx);
      const current = new Set(entries.map((e) => e.submission_id));
      const named = new Set(order.map((e) => e.submissionId));
      if (named.size !== order.length) throw GAZETTE_ERR_ENTRY_ORDER.create({ reason: 'a document is listed twice' });
      const missing = [...current].filter((s) => !named.has(s));
      const extra = [...named].filter((s) => !current.has(s));
      if (missing.length > 0 || extra.length > 0) {
        throw GAZETTE_ERR_ENTRY_ORDER.create({ reason: [missing.length ? `missing ${missing.join(', ')}` : '', extra.length ? `not in the issue ${extra.join(', ')}` : ''].filter(Boolean).join('; ') });
      }
      const sections = new Map(entries.map((e) => [e.submission_id, e.section]));
      await this.#rewrite(
        id,
        order.map((e) => ({ submission_id: e.submissionId, section: e.section === undefined ? (sections.get(e.submissionId) ?? null) : e.section })),
        trx,
      );
    });
    return this.get(officeId, id);
  }

  // ─── Internals ──────────────────────────────────────────────────────────────────────────────
  /**
   * One change to an editable issue: compare-and-set on its status (so a publication that started in
   * between wins and the change is refused), the change and the audit entry in one transaction.
   */
  async #change(officeId: string, actor: Actor, id: string, verb: string, after: Record<string, unknown>, work: (issue: IssueRow, trx: PublicationTrx, now: number) => Promise<void>): Promise<void> {
    const issue = await this.row(officeId, id);
    assertEditable(issue);
    await inTransaction(this.ctx, async (trx) => {
      const now = Math.max(Date.now(), Number(issue.updated_at) + 1);
      const claimed = await trx.updateTable('gazette_issues').set({ updated_at: now }).where('id', '=', id).where('status', 'in', [...EDITABLE]).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) assertEditable(await this.row(officeId, id, trx));
      await work(issue, trx, now);
      await this.#audit(verb, issue, actor, after, trx);
    });
  }

  async #assertPlaceable(officeId: string, submissionId: string): Promise<void> {
    const submissions = this.ctx.get(gazetteSubmissionsRef);
    const submission = await submissions.get(submissionId);
    const visible = await this.db.selectFrom('gazette_submissions').select('id').where('id', '=', submissionId).where((eb) => eb.or([eb('sent_at', 'is not', null), eb('origin', '=', 'office')])).executeTakeFirst();
    // Another office's submission, or an issuer's unsent draft, is as unknown as a missing one.
    if (!submission || submission.officeId !== officeId || !visible) throw new NotFoundError(`Submission ${submissionId} does not exist`);
    const readiness = await submissions.readiness(submissionId);
    if (!readiness.ready) {
      throw GAZETTE_ERR_ENTRY_NOT_READY.create({ submission: submission.numberSymbol, status: readiness.status, reason: readiness.reason?.vi ?? '' }, readiness.reason?.en ? { detail: readiness.reason.en } : {});
    }
    await this.#assertNotTaken(submissionId);
  }

  async #assertNotTaken(submissionId: string, cause?: unknown): Promise<void> {
    const taken = await this.db
      .selectFrom('gazette_issue_entries as e')
      .innerJoin('gazette_issues as i', 'i.id', 'e.issue_id')
      .select(['i.number_from', 'i.number_to', 'i.year'])
      .where('e.submission_id', '=', submissionId)
      .executeTakeFirst();
    if (taken) throw GAZETTE_ERR_ENTRY_TAKEN.create({ submission: submissionId, issue: `${issueLabel(taken)}/${taken.year}` }, cause === undefined ? {} : { cause });
  }

  #entries(id: string, trx: PublicationTrx) {
    return trx.selectFrom('gazette_issue_entries').selectAll().where('issue_id', '=', id).orderBy('position', 'asc').execute();
  }

  /** Writes the entries in this order, positions 1…n (the primary key is the position, so delete and insert). */
  async #rewrite(id: string, entries: readonly { submission_id: string; section: string | null }[], trx: PublicationTrx): Promise<void> {
    await trx.deleteFrom('gazette_issue_entries').where('issue_id', '=', id).execute();
    if (entries.length === 0) return;
    await trx
      .insertInto('gazette_issue_entries')
      .values(entries.map((e, index) => entryRow(id, index + 1, { submissionId: e.submission_id, section: e.section as IssueSection | null })))
      .execute();
  }

  async #entryCounts(ids: readonly string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('gazette_issue_entries').select(['issue_id', (eb) => eb.fn.countAll<number>().as('n')]).where('issue_id', 'in', [...ids]).groupBy('issue_id').execute();
    return new Map(rows.map((r) => [r.issue_id, Number(r.n)]));
  }

  async #audit(verb: string, issue: IssueRow, actor: Actor, after: Record<string, unknown>, trx: PublicationTrx): Promise<void> {
    await this.ctx.get(coreServices.audit).record(
      { action: `gazette.issue.${verb}`, objectType: 'gazette-issue', objectId: issue.id, tenantId: issue.office_id, after: { issue: `${issueLabel(issue)}/${issue.year}`, ...after } },
      { ...(actor.request ? { request: actor.request } : { actorId: actor.id }), trx },
    );
  }
}

function entryRow(issueId: string, position: number, input: EntryInput) {
  return { issue_id: issueId, position, submission_id: input.submissionId, section: input.section ?? null, document_id: null, first_page: null, last_page: null };
}

/** Published issues never change (GAZ-24); an issue being rendered waits for its outcome. */
export function assertEditable(issue: IssueRow): void {
  if (issue.status === 'published') throw GAZETTE_ERR_ISSUE_PUBLISHED.create({ issue: `${issueLabel(issue)}/${issue.year}` });
  if (issue.status === 'rendering') throw GAZETTE_ERR_ISSUE_BUSY.create({ issue: `${issueLabel(issue)}/${issue.year}` });
}
