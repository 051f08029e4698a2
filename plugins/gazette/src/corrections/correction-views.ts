import type { PluginContext } from '@cong/sdk';
import { dueDate } from '../intake/deadlines.js';
import { vietnamDate } from '../intake/vietnam-date.js';
import type { CorrectionView } from './correction.schema.js';
import { issueLabel } from '../publication/issue-views.js';
import type { CorrectionRow } from '../publication/publication-database.js';
import { iso, publicationDb } from '../publication/publication-store.js';
import { CORRECTION_DEADLINE_RULE } from './correction-deadline-rules.js';

/** Corrections as the API shows them: the notice's number, its issue once published, and the GAZ-29 due date. */
export async function correctionViews(ctx: PluginContext, rows: readonly CorrectionRow[]): Promise<CorrectionView[]> {
  const db = publicationDb(ctx);
  const views: CorrectionView[] = [];
  for (const row of rows) {
    const submission = await db.selectFrom('gazette_submissions').select(['number_symbol', 'sent_at']).where('id', '=', row.correction_submission_id).executeTakeFirst();
    const published = row.correction_document_id
      ? await db
          .selectFrom('gazette_documents as d')
          .innerJoin('gazette_issues as i', 'i.id', 'd.issue_id')
          .select(['d.eli_path', 'i.id', 'i.number_from', 'i.number_to', 'i.publication_date'])
          .where('d.id', '=', row.correction_document_id)
          .executeTakeFirst()
      : undefined;
    // The period runs from when the office had both the notice and the link: the later of the two.
    const origin = vietnamDate(Math.max(Number(row.created_at), Number(submission?.sent_at ?? 0)));
    const due = await dueDate(ctx, CORRECTION_DEADLINE_RULE, origin);
    views.push({
      id: row.id,
      case: row.case_kind,
      correctionSubmissionId: row.correction_submission_id,
      correctionDocumentId: row.correction_document_id,
      correctedSubmissionId: row.corrected_submission_id,
      correctedDocumentId: row.corrected_document_id,
      reason: row.reason,
      numberSymbol: submission?.number_symbol ?? '',
      issue: published ? { id: published.id, label: issueLabel(published), publicationDate: published.publication_date } : null,
      eliPath: published?.eli_path ?? null,
      due: due?.due ?? null,
      createdBy: row.created_by,
      createdAt: iso(row.created_at),
    });
  }
  return views;
}

/**
 * The corrections of a published document (GAZ-28), oldest first: what the public page's "has
 * correction" banner lists. By default only corrections that are themselves published.
 */
export async function correctionsOf(ctx: PluginContext, documentId: string, options: { readonly publishedOnly?: boolean } = {}): Promise<CorrectionView[]> {
  let query = publicationDb(ctx).selectFrom('gazette_corrections').selectAll().where('corrected_document_id', '=', documentId);
  if (options.publishedOnly ?? true) query = query.where('correction_document_id', 'is not', null);
  return correctionViews(ctx, await query.orderBy('created_at', 'asc').orderBy('id', 'asc').execute());
}
