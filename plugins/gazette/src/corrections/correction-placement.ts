import { GAZETTE_ERR_CORRECTION_PLACEMENT } from '../errors.js';
import type { CorrectionRow, IssueRow } from '../publication/publication-database.js';
import type { PublicationDb, PublicationTrx } from '../publication/publication-store.js';
import { issueLabel } from '../publication/issue-views.js';

/**
 * Where a correction notice (đính chính) may be published, GAZ-25…GAZ-27. The rules, precisely:
 *
 * - `issuer-before` (GAZ-25: the error was found before the faulty document was published): the notice
 *   and the faulty document go into the SAME issue. Placing either in an issue that holds the other's
 *   counterpart elsewhere is refused; publishing an issue that holds one without the other is refused.
 * - `issuer-after` (GAZ-26) and `office` (GAZ-27, the office's own notice of a production error): the
 *   faulty document is already published, so the notice goes into the NEXT issue:
 *   1. it may only be placed in an issue numbered after the faulty document's issue (a later year, or
 *      the same year with a higher first number); and
 *   2. once the notice has passed comparison (it is ready) and is not yet in an issue, the office may
 *      not publish any issue it could go into (rule 1) without it: such a publication is refused,
 *      naming the notice, until it is placed in the issue being published. So it appears in the first
 *      issue published after it became ready, which is the "next" (nearest) issue of the law.
 */
export class CorrectionPlacement {
  constructor(private readonly db: PublicationDb | PublicationTrx) {}

  correctionOf(submissionId: string): Promise<CorrectionRow | undefined> {
    return this.db.selectFrom('gazette_corrections').selectAll().where('correction_submission_id', '=', submissionId).executeTakeFirst();
  }

  correctionsFor(correctedSubmissionId: string): Promise<CorrectionRow[]> {
    return this.db.selectFrom('gazette_corrections').selectAll().where('corrected_submission_id', '=', correctedSubmissionId).execute();
  }

  /** Refuses placing `submissionId` in `issue` when it breaks a rule above (checked when an entry is added). */
  async checkEntry(issue: IssueRow, submissionId: string): Promise<void> {
    const correction = await this.correctionOf(submissionId);
    if (correction) {
      if (correction.case_kind === 'issuer-before') {
        const other = await this.#issueOf(correction.corrected_submission_id);
        if (other && other.id !== issue.id) {
          throw refuse(correction.id, `it must be published in the same issue as the document it corrects, which is in issue ${issueLabel(other)}/${other.year} (GAZ-25)`);
        }
      } else {
        await this.#checkAfter(correction, issue);
      }
    }
    for (const before of (await this.correctionsFor(submissionId)).filter((c) => c.case_kind === 'issuer-before')) {
      const other = await this.#issueOf(before.correction_submission_id);
      if (other && other.id !== issue.id) {
        throw refuse(before.id, `the document's correction notice is in issue ${issueLabel(other)}/${other.year}; both must be published in the same issue (GAZ-25)`);
      }
    }
  }

  /** Refuses publishing `issue` (with these submissions in it) when a rule above is broken. */
  async checkPublication(issue: IssueRow, submissionIds: readonly string[]): Promise<void> {
    const inIssue = new Set(submissionIds);
    for (const submissionId of submissionIds) {
      const correction = await this.correctionOf(submissionId);
      if (correction?.case_kind === 'issuer-before' && !inIssue.has(correction.corrected_submission_id)) {
        throw refuse(correction.id, 'the document it corrects is not in this issue; a correction found before publication is published together with the faulty document (GAZ-25)');
      }
      if (correction && correction.case_kind !== 'issuer-before') await this.#checkAfter(correction, issue);
      for (const before of (await this.correctionsFor(submissionId)).filter((c) => c.case_kind === 'issuer-before')) {
        if (!inIssue.has(before.correction_submission_id)) {
          throw refuse(before.id, 'the document has a correction notice sent before publication that is not in this issue; publish both in the same issue (GAZ-25)');
        }
      }
    }
    // An after-publication correction that is ready must be in the next issue published.
    const waiting = await this.db
      .selectFrom('gazette_corrections as c')
      .innerJoin('gazette_submissions as s', 's.id', 'c.correction_submission_id')
      .leftJoin('gazette_issue_entries as e', 'e.submission_id', 'c.correction_submission_id')
      .leftJoin('gazette_documents as d', 'd.id', 'c.corrected_document_id')
      .leftJoin('gazette_issues as ci', 'ci.id', 'd.issue_id')
      .select(['c.id', 'c.correction_submission_id', 's.number_symbol', 'ci.year', 'ci.number_to'])
      .where('c.office_id', '=', issue.office_id)
      .where('c.case_kind', 'in', ['issuer-after', 'office'])
      .where('s.status', '=', 'passed')
      .where('e.issue_id', 'is', null)
      .execute();
    // Only where it could go: an issue numbered after the corrected document's (rule 1).
    const placeable = (w: (typeof waiting)[number]) => w.year === null || Number(issue.year) > Number(w.year) || (Number(issue.year) === Number(w.year) && Number(issue.number_from) > Number(w.number_to));
    const skipped = waiting.find((w) => !inIssue.has(w.correction_submission_id) && placeable(w));
    if (skipped) {
      throw refuse(skipped.id, `correction notice ${skipped.number_symbol} has passed comparison and must be published in the next issue; add it to this issue first (GAZ-26, GAZ-27)`);
    }
  }

  async #checkAfter(correction: CorrectionRow, issue: IssueRow): Promise<void> {
    const corrected = correction.corrected_document_id
      ? await this.db.selectFrom('gazette_documents as d').innerJoin('gazette_issues as i', 'i.id', 'd.issue_id').select(['i.year', 'i.number_from', 'i.number_to']).where('d.id', '=', correction.corrected_document_id).executeTakeFirst()
      : undefined;
    if (!corrected) return;
    const after = Number(issue.year) > Number(corrected.year) || (Number(issue.year) === Number(corrected.year) && Number(issue.number_from) > Number(corrected.number_to));
    if (!after) {
      throw refuse(correction.id, `it must be published in an issue after the corrected document's issue ${issueLabel(corrected)}/${corrected.year}, not in ${issueLabel(issue)}/${issue.year} (GAZ-26, GAZ-27)`);
    }
  }

  async #issueOf(submissionId: string): Promise<IssueRow | undefined> {
    return this.db
      .selectFrom('gazette_issue_entries as e')
      .innerJoin('gazette_issues as i', 'i.id', 'e.issue_id')
      .selectAll('i')
      .where('e.submission_id', '=', submissionId)
      .executeTakeFirst();
  }
}

function refuse(correction: string, reason: string) {
  return GAZETTE_ERR_CORRECTION_PLACEMENT.create({ correction, reason });
}
