import { randomUUID } from 'node:crypto';
import { coreServices, NotFoundError, normalizeText, type PluginContext } from '@cong/sdk';
import { GAZETTE_ERR_CORRECTION_LINK } from '../errors.js';
import type { Actor } from '../intake/intake-request.js';
import type { CorrectionView, LinkCorrectionInput } from './correction.schema.js';
import type { CorrectionCase, CorrectionRow } from '../publication/publication-database.js';
import { inTransaction, isUniqueViolation, publicationDb, type PublicationDb } from '../publication/publication-store.js';
import { correctionViews } from './correction-views.js';

/**
 * Correction notices (đính chính, GAZ-25…GAZ-28). A notice is a submission like any other (sent by
 * the issuer, or entered by the office through its intake route) that goes through comparison; the
 * office links it here to the submission it corrects, and the case follows from the facts:
 *
 * - `source: 'issuer'` and the faulty document not yet published → `issuer-before` (GAZ-25);
 * - `source: 'issuer'` and the faulty document published → `issuer-after` (GAZ-26);
 * - `source: 'office'` → `office` (GAZ-27): the office's own notice of a production error, so the faulty
 *   document must be published and the notice must be entered with the office itself as issuer.
 *
 * Where each case may be published is {@link CorrectionPlacement}'s business.
 */
export class CorrectionService {
  readonly db: PublicationDb;

  constructor(private readonly ctx: PluginContext) {
    this.db = publicationDb(ctx);
  }

  async row(officeId: string, id: string): Promise<CorrectionRow> {
    const row = await this.db.selectFrom('gazette_corrections').selectAll().where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError(`Correction ${id} does not exist`);
    return row;
  }

  async get(officeId: string, id: string): Promise<CorrectionView> {
    return (await correctionViews(this.ctx, [await this.row(officeId, id)]))[0]!;
  }

  async list(officeId: string, filter: { pending?: boolean }): Promise<{ items: CorrectionView[] }> {
    let query = this.db.selectFrom('gazette_corrections').selectAll().where('office_id', '=', officeId);
    if (filter.pending === true) query = query.where('correction_document_id', 'is', null);
    if (filter.pending === false) query = query.where('correction_document_id', 'is not', null);
    return { items: await correctionViews(this.ctx, await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(500).execute()) };
  }

  async link(officeId: string, actor: Actor, input: LinkCorrectionInput): Promise<CorrectionView> {
    const notice = await this.#submission(officeId, input.correctionSubmissionId);
    const corrected = await this.#submission(officeId, input.correctedSubmissionId);
    if (notice.id === corrected.id) throw refuse('a document cannot correct itself');
    if (['published', 'withdrawn'].includes(notice.status)) throw refuse(`the correction notice ${notice.number_symbol} is ${notice.status}`);
    if (corrected.status === 'withdrawn') throw refuse(`the corrected document ${corrected.number_symbol} was withdrawn`);
    const placed = await this.db.selectFrom('gazette_issue_entries').select('issue_id').where('submission_id', '=', notice.id).executeTakeFirst();
    if (placed) throw refuse(`the correction notice ${notice.number_symbol} is already in an issue; remove it from the issue, link it, then place it again`);
    const correctedEntry = await this.db
      .selectFrom('gazette_issue_entries as e')
      .innerJoin('gazette_issues as i', 'i.id', 'e.issue_id')
      .select('i.status')
      .where('e.submission_id', '=', corrected.id)
      .executeTakeFirst();
    if (correctedEntry?.status === 'rendering') throw refuse(`the issue of ${corrected.number_symbol} is being published; link the correction once it is`);
    const document = await this.db.selectFrom('gazette_documents').select('id').where('submission_id', '=', corrected.id).executeTakeFirst();
    let caseKind: CorrectionCase;
    if (input.source === 'office') {
      if (!document) throw refuse(`the office corrects its own production errors in published documents, and ${corrected.number_symbol} is not published (GAZ-27)`);
      if (notice.tenant_id !== officeId || notice.origin !== 'office') throw refuse('the office\'s correction notice must be entered by the office with the office itself as issuer (GAZ-27)');
      caseKind = 'office';
    } else {
      caseKind = document ? 'issuer-after' : 'issuer-before';
    }
    const now = Date.now();
    const row: CorrectionRow = {
      id: randomUUID(),
      office_id: officeId,
      case_kind: caseKind,
      correction_submission_id: notice.id,
      correction_document_id: null,
      corrected_submission_id: corrected.id,
      corrected_document_id: document?.id ?? null,
      reason: normalizeText(input.reason).trim(),
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    };
    try {
      await inTransaction(this.ctx, async (trx) => {
        await trx.insertInto('gazette_corrections').values(row).execute();
        await this.#audit('link', row, actor, { case: caseKind, correction: notice.number_symbol, corrects: corrected.number_symbol, reason: row.reason }, trx);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw refuse(`the correction notice ${notice.number_symbol} is already linked`);
      throw error;
    }
    return this.get(officeId, row.id);
  }

  /** Removes a link made by mistake, while the notice is not published and not in an issue being published. */
  async unlink(officeId: string, actor: Actor, id: string): Promise<void> {
    const row = await this.row(officeId, id);
    if (row.correction_document_id !== null) throw refuse('the correction is published; published corrections are permanent (GAZ-24)');
    const entry = await this.db
      .selectFrom('gazette_issue_entries as e')
      .innerJoin('gazette_issues as i', 'i.id', 'e.issue_id')
      .select('i.status')
      .where('e.submission_id', '=', row.correction_submission_id)
      .executeTakeFirst();
    if (entry?.status === 'rendering') throw refuse('the correction notice\'s issue is being published');
    await inTransaction(this.ctx, async (trx) => {
      await trx.deleteFrom('gazette_corrections').where('id', '=', id).where('correction_document_id', 'is', null).execute();
      await this.#audit('unlink', row, actor, { case: row.case_kind }, trx);
    });
  }

  async #submission(officeId: string, id: string) {
    const row = await this.db.selectFrom('gazette_submissions').select(['id', 'status', 'number_symbol', 'tenant_id', 'origin', 'office_id', 'sent_at']).where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
    // The office never sees an issuer's unsent draft; another office's submission is 404 like none.
    if (!row || (row.sent_at === null && row.origin !== 'office')) throw new NotFoundError(`Submission ${id} does not exist`);
    return row;
  }

  async #audit(verb: string, row: CorrectionRow, actor: Actor, after: Record<string, unknown>, trx: Parameters<Parameters<typeof inTransaction>[1]>[0]): Promise<void> {
    await this.ctx.get(coreServices.audit).record(
      { action: `gazette.correction.${verb}`, objectType: 'gazette-correction', objectId: row.id, tenantId: row.office_id, after },
      { ...(actor.request ? { request: actor.request } : { actorId: actor.id }), trx },
    );
  }
}

function refuse(reason: string) {
  return GAZETTE_ERR_CORRECTION_LINK.create({ reason });
}
