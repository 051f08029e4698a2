import { randomUUID } from 'node:crypto';
import { coreServices, InputError, NotFoundError, normalizeText, type PluginContext } from '@cong/sdk';
import { compareTexts } from '../comparison/index.js';
import { GAZETTE_ERR_ROUND_NOT_OPEN } from '../errors.js';
import type { ComparisonRoundRow, GazetteIntakeDatabase, SubmissionFileRow, SubmissionRow, SubmissionStatus } from '../intake/gazette-database.js';
import { extractStored, intakeOcr } from '../intake/intake-checks.js';
import type { Actor } from '../intake/intake-request.js';
import type { Side } from '../intake/submission.repository.js';
import type { SubmissionDetail } from '../intake/submission.schema.js';
import { SubmissionService, transition, type IntakeOptions } from '../intake/submission.service.js';
import { roundSummary } from '../intake/submission-views.js';
import type { DiscrepancyView, RoundDetail } from './comparison.schema.js';
import { issuerNotice } from './issuer-notice.js';

/** A comparison round opens on a registered document, or on one whose corrected copy came in. */
const OPENABLE: readonly SubmissionStatus[] = ['registered', 'corrected'];

const clean = (value: string | undefined) => (value === undefined ? null : normalizeText(value).trim() || null);

/**
 * The comparison workflow (GAZ-14, GAZ-22): the office compares the current electronic copy with the
 * current signed original, word by word, in numbered rounds. A round passes (the document may go into
 * an issue), or is returned with the automatic discrepancies and the reviewer's notes: the issuer is
 * told at once by e-mail (the submitter and the unit's gazette contact) and sees the status `returned`;
 * its corrected copy (recorded with its time) waits for the next round.
 */
export class ComparisonService {
  readonly submissions: SubmissionService;

  constructor(
    private readonly ctx: PluginContext,
    private readonly options: IntakeOptions,
  ) {
    this.submissions = new SubmissionService(ctx, options);
  }

  #db() {
    return this.ctx.get(coreServices.database).kysely<GazetteIntakeDatabase>();
  }

  async #round(submission: SubmissionRow, round: number): Promise<ComparisonRoundRow> {
    const row = await this.#db().selectFrom('gazette_comparison_rounds').selectAll().where('submission_id', '=', submission.id).where('round', '=', round).executeTakeFirst();
    if (!row) throw new NotFoundError(`Comparison round ${round} of submission ${submission.id} does not exist`);
    return row;
  }

  /** A round as the office (or the issuer, to see what to correct) reads it. */
  async get(side: Side, unitId: string, id: string, round: number): Promise<RoundDetail> {
    const submission = await this.submissions.row(side, unitId, id);
    return this.#detail(await this.#round(submission, round));
  }

  /** Opens the next round: reads both current files (OCR for a scanned original) and compares them. */
  async open(officeId: string, actor: Actor, id: string): Promise<RoundDetail> {
    const current = await this.submissions.row('office', officeId, id);
    if (!OPENABLE.includes(current.status)) throw transition(current.status, 'compared');
    const repo = this.submissions.repo;
    const [originalFile, electronicFile] = await Promise.all([repo.currentFile(id, 'original'), repo.currentFile(id, 'electronic')]);
    if (!originalFile || !electronicFile) throw transition(current.status, 'compared without both files');
    const ocr = intakeOcr(this.options.ocr);
    const [original, electronic] = await Promise.all([extractStored(this.ctx, originalFile, ocr), extractStored(this.ctx, electronicFile, ocr)]);
    const originalText = original.ok ? original.text.text : '';
    const electronicText = electronic.ok ? electronic.text.text : '';
    const comparison = compareTexts(originalText, electronicText);
    const discrepancies: DiscrepancyView[] = comparison.discrepancies.map((d) => ({ original: d.original, electronic: d.electronic, before: d.before, after: d.after }));
    const roundNumber = Number(current.round_count) + 1;
    const now = this.submissions.now(current);
    const row: ComparisonRoundRow = {
      id: randomUUID(),
      submission_id: id,
      tenant_id: current.tenant_id,
      office_id: current.office_id,
      round: roundNumber,
      status: 'open',
      original_file_id: originalFile.id,
      electronic_file_id: electronicFile.id,
      original_text: originalText,
      electronic_text: electronicText,
      original_method: original.ok ? original.text.method : 'none',
      electronic_method: electronic.ok ? electronic.text.method : 'none',
      identical: comparison.identical ? 1 : 0,
      similarity: comparison.similarity,
      segments: JSON.stringify(comparison.segments.map((s) => ({ op: s.op, text: s.text }))),
      discrepancies: JSON.stringify(discrepancies),
      reviewer_notes: null,
      opened_by: actor.id,
      opened_at: now,
      decided_by: null,
      decided_at: null,
      notified_at: null,
      notified_to: null,
    };
    await this.submissions.transaction(async (trx) => {
      await this.submissions.step(current, [current.status], { status: 'comparing', round_count: roundNumber, updated_at: now }, 'comparison-opened', actor, officeId, null, { round: roundNumber, discrepancies: discrepancies.length, similarity: comparison.similarity }, trx);
      await trx.insertInto('gazette_comparison_rounds').values(row).execute();
    });
    return this.#detail(row);
  }

  /** The round passes: the electronic copy matches the original; the document is ready for an issue. */
  async pass(officeId: string, actor: Actor, id: string, round: number, remark: string | undefined): Promise<RoundDetail> {
    const { current, roundRow } = await this.#openRound(officeId, id, round);
    const now = this.submissions.now(current);
    await this.submissions.transaction(async (trx) => {
      await this.submissions.step(current, ['comparing'], { status: 'passed', passed_at: now, passed_by: actor.id, updated_at: now }, 'comparison-passed', actor, officeId, clean(remark), { round }, trx);
      await trx.updateTable('gazette_comparison_rounds').set({ status: 'passed', decided_by: actor.id, decided_at: now }).where('id', '=', roundRow.id).where('status', '=', 'open').execute();
    });
    return this.get('office', officeId, id, round);
  }

  /**
   * The round is returned: the discrepancies (the automatic ones and the reviewer's notes) are
   * recorded and the issuer is notified at once, in the same transaction (the e-mail is queued with it).
   */
  async return(officeId: string, actor: Actor, id: string, round: number, input: { notes?: string[]; remark?: string }): Promise<RoundDetail> {
    const { current, roundRow } = await this.#openRound(officeId, id, round);
    const discrepancies = JSON.parse(roundRow.discrepancies) as DiscrepancyView[];
    const notes = (input.notes ?? []).map((n) => normalizeText(n).trim()).filter((n) => n !== '');
    if (discrepancies.length === 0 && notes.length === 0) {
      throw new InputError('Nothing to return: the comparison found no discrepancy and no note was given', {
        errors: [{ in: 'body', pointer: '/notes', message: 'give at least one note when the comparison found no discrepancy', keyword: 'minItems' }],
      });
    }
    const recipients = await this.#recipients(current);
    const office = await this.submissions.units.ref(current.office_id);
    // The issuer's status page in the admin (it shows the returned round and takes the corrected copy).
    const link = `${this.ctx.get(coreServices.config).publicUrl}/admin/gazette/van-ban-gui-dang/${id}`;
    const notice = issuerNotice(current, round, discrepancies, notes, office.name, link);
    const now = this.submissions.now(current);
    await this.submissions.transaction(async (trx) => {
      const returned = await this.submissions.step(current, ['comparing'], { status: 'returned', updated_at: now }, 'comparison-returned', actor, officeId, clean(input.remark), { round, discrepancies: discrepancies.length + notes.length }, trx);
      if (recipients.length > 0) await this.ctx.get(coreServices.mail).send({ to: recipients, subject: notice.subject, text: notice.text, tenantId: current.tenant_id }, { trx });
      await trx
        .updateTable('gazette_comparison_rounds')
        .set({ status: 'returned', reviewer_notes: JSON.stringify(notes), decided_by: actor.id, decided_at: now, notified_at: now, notified_to: recipients.join(', ') || null })
        .where('id', '=', roundRow.id)
        .where('status', '=', 'open')
        .execute();
      const remark = recipients.length > 0 ? null : 'Đơn vị chưa có địa chỉ thư điện tử đầu mối: trạng thái "returned" hiển thị cho đơn vị / No address on file: the issuer sees the status only';
      await this.submissions.record({ ...returned, updated_at: now + 1 }, 'issuer-notified', actor, officeId, remark, { round, notifiedTo: recipients }, trx);
      await trx.updateTable('gazette_submissions').set({ updated_at: now + 1 }).where('id', '=', id).execute();
    });
    return this.get('office', officeId, id, round);
  }

  /** The submission with its rounds, for the office's comparison screen. */
  detail(officeId: string, id: string): Promise<SubmissionDetail> {
    return this.submissions.get('office', officeId, id);
  }

  async #openRound(officeId: string, id: string, round: number): Promise<{ current: SubmissionRow; roundRow: ComparisonRoundRow }> {
    const current = await this.submissions.row('office', officeId, id);
    const roundRow = await this.#round(current, round);
    if (roundRow.status !== 'open') throw GAZETTE_ERR_ROUND_NOT_OPEN.create({ round, status: roundRow.status });
    if (current.status !== 'comparing') throw transition(current.status, 'decided on');
    return { current, roundRow };
  }

  /** The person who submitted it and the unit's gazette contact, each once. */
  async #recipients(row: SubmissionRow): Promise<string[]> {
    const contact = await this.submissions.repo.contact(row.tenant_id);
    const all = [row.submitter_email, contact?.email].filter((a): a is string => typeof a === 'string' && a !== '');
    const seen = new Set<string>();
    return all.filter((a) => {
      const key = a.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  async #detail(row: ComparisonRoundRow): Promise<RoundDetail> {
    const repo = this.submissions.repo;
    const [originalFile, electronicFile] = await Promise.all([repo.fileById(row.submission_id, row.original_file_id), repo.fileById(row.submission_id, row.electronic_file_id)]);
    const side = (file: SubmissionFileRow | undefined, fileId: string, method: string, text: string) => ({ fileId, version: Number(file?.version ?? 1), fileName: file?.original_name ?? '', method, text });
    return {
      ...roundSummary(row),
      submissionId: row.submission_id,
      original: side(originalFile, row.original_file_id, row.original_method, row.original_text),
      electronic: side(electronicFile, row.electronic_file_id, row.electronic_method, row.electronic_text),
      segments: JSON.parse(row.segments) as RoundDetail['segments'],
      discrepancies: JSON.parse(row.discrepancies) as DiscrepancyView[],
      reviewerNotes: row.reviewer_notes === null ? [] : (JSON.parse(row.reviewer_notes) as string[]),
      openedBy: row.opened_by,
      decidedBy: row.decided_by,
      notifiedTo: row.notified_to === null ? [] : row.notified_to.split(', '),
    };
  }
}
