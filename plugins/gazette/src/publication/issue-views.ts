import { DOCUMENT_TYPES } from '../intake/document-types.js';
import { issueNumberCitation } from '../rendering/issue-wording.js';
import type { IssueRow } from './publication-database.js';
import type { IssueDetail, IssueEntryView, IssueSection, IssueSignature, IssueSummary } from './issue.schema.js';
import { iso, isoOrNull, type PublicationDb } from './publication-store.js';

/** "Số 12", or "Từ số 243 đến số 244" (GAZ-21). */
export function issueLabel(issue: Pick<IssueRow, 'number_from' | 'number_to'>): string {
  const from = Number(issue.number_from);
  const to = Number(issue.number_to);
  return issueNumberCitation({ issueNumbers: from === to ? from : [from, to] });
}

/** How a submission cites the issue it appeared in: "Số 12/2026", "Từ số 243 đến số 244/2026". */
export function issueRef(issue: Pick<IssueRow, 'number_from' | 'number_to' | 'year'>): string {
  return `${issueLabel(issue)}/${issue.year}`;
}

/** The public download of a published issue's signed PDF. */
export function issuePdfUrl(issue: Pick<IssueRow, 'id' | 'status'>): string | null {
  return issue.status === 'published' ? `/api/gazette/issues/${issue.id}/pdf` : null;
}

export function issueSummary(issue: IssueRow, entryCount: number): IssueSummary {
  return {
    id: issue.id,
    officeId: issue.office_id,
    year: Number(issue.year),
    numberFrom: Number(issue.number_from),
    numberTo: Number(issue.number_to),
    label: issueLabel(issue),
    publicationDate: issue.publication_date,
    status: issue.status,
    entryCount,
    pageCount: issue.page_count === null ? null : Number(issue.page_count),
    sha256: issue.sha256,
    pdfUrl: issuePdfUrl(issue),
    publishedAt: isoOrNull(issue.published_at),
    updatedAt: iso(issue.updated_at),
  };
}

/** The issue with its entries in order, each with its document's attributes and, once published, pages and hashes. */
export async function issueDetail(db: PublicationDb, issue: IssueRow): Promise<IssueDetail> {
  const rows = await db
    .selectFrom('gazette_issue_entries as e')
    .innerJoin('gazette_submissions as s', 's.id', 'e.submission_id')
    .leftJoin('gazette_documents as d', 'd.id', 'e.document_id')
    .leftJoin('gazette_corrections as c', 'c.correction_submission_id', 'e.submission_id')
    .select([
      'e.position',
      'e.submission_id',
      'e.section',
      'e.document_id',
      'e.first_page',
      'e.last_page',
      's.document_type',
      's.number_symbol',
      's.summary',
      's.issuing_agency',
      's.signed_on',
      'd.eli_path',
      'd.original_sha256',
      'c.id as correction_id',
      'c.case_kind',
      'c.corrected_submission_id',
      'c.corrected_document_id',
    ])
    .where('e.issue_id', '=', issue.id)
    .orderBy('e.position', 'asc')
    .execute();
  const entries: IssueEntryView[] = rows.map((row) => ({
    position: Number(row.position),
    submissionId: row.submission_id,
    section: row.section as IssueSection | null,
    documentType: row.document_type,
    documentTypeName: DOCUMENT_TYPES[row.document_type] ?? { vi: row.document_type },
    numberSymbol: row.number_symbol,
    summary: row.summary,
    issuingAgency: row.issuing_agency,
    signedOn: row.signed_on,
    documentId: row.document_id,
    firstPage: row.first_page === null ? null : Number(row.first_page),
    lastPage: row.last_page === null ? null : Number(row.last_page),
    eliPath: row.eli_path ?? null,
    originalSha256: row.original_sha256 ?? null,
    correction: row.correction_id ? { id: row.correction_id, case: row.case_kind!, correctedSubmissionId: row.corrected_submission_id!, correctedDocumentId: row.corrected_document_id ?? null } : null,
  }));
  return {
    ...issueSummary(issue, entries.length),
    renderer: issue.renderer,
    renderError: issue.render_error,
    signature: issue.signature ? (JSON.parse(issue.signature) as IssueSignature) : null,
    createdBy: issue.created_by,
    createdAt: iso(issue.created_at),
    publishedBy: issue.published_by,
    entries,
  };
}
