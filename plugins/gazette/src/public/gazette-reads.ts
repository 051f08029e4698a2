import type { Kysely } from 'kysely';
import type { ActingRelation } from './validity.js';
import type { CorrectionRow, DocumentRow, IssueRow, PublicationDatabase, RelationKind } from '../publication/publication-database.js';

/**
 * What the public site and API read: published issues and the documents in them, of one office. Every
 * query names the office and requires the issue to be published, so a draft, a failed render or
 * another office's documents never reach a public answer, whatever the caller asks for.
 */
export type PublicDb = Kysely<PublicationDatabase>;

/** A document as listed (no full text). */
export type ListedDocument = Omit<DocumentRow, 'full_text' | 'search_text' | 'summary_folded'>;

const LISTED_COLUMNS = [
  'd.id', 'd.office_id', 'd.tenant_id', 'd.submission_id', 'd.kind', 'd.document_type', 'd.number_symbol', 'd.number_key', 'd.doc_number', 'd.doc_year', 'd.doc_symbol',
  'd.summary', 'd.issuing_agency', 'd.issuer_level', 'd.signer', 'd.signed_on', 'd.effective_on', 'd.expires_on', 'd.legal_normative', 'd.field', 'd.issue_id', 'd.issue_year',
  'd.first_page', 'd.last_page', 'd.published_on', 'd.published_at', 'd.eli_path', 'd.original_file_id', 'd.original_sha256', 'd.electronic_file_id', 'd.electronic_sha256',
  'd.validity_override', 'd.validity_reason', 'd.validity_set_by', 'd.validity_set_at', 'd.created_at', 'd.updated_at',
] as const;

/** The issue's numbers as printed: `Số 12` or `Số 243 + 244`. */
export function issueNumbers(issue: Pick<IssueRow, 'number_from' | 'number_to'>): string {
  return issue.number_from === issue.number_to ? `${issue.number_from}` : `${issue.number_from} + ${issue.number_to}`;
}

export async function publishedYears(db: PublicDb, officeId: string): Promise<number[]> {
  const rows = await db.selectFrom('gazette_issues').select('year').distinct().where('office_id', '=', officeId).where('status', '=', 'published').orderBy('year', 'desc').execute();
  return rows.map((r) => Number(r.year));
}

export async function issuesOfYear(db: PublicDb, officeId: string, year: number): Promise<IssueRow[]> {
  return db.selectFrom('gazette_issues').selectAll().where('office_id', '=', officeId).where('status', '=', 'published').where('year', '=', year).orderBy('number_from', 'desc').execute();
}

/** The published issue of `year` whose numbers include `number` (`243` finds "243 + 244"). */
export async function issueByNumber(db: PublicDb, officeId: string, year: number, number: number): Promise<IssueRow | undefined> {
  return db
    .selectFrom('gazette_issues')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('status', '=', 'published')
    .where('year', '=', year)
    .where('number_from', '<=', number)
    .where('number_to', '>=', number)
    .executeTakeFirst();
}

export async function issueById(db: PublicDb, officeId: string, id: string): Promise<IssueRow | undefined> {
  return db.selectFrom('gazette_issues').selectAll().where('office_id', '=', officeId).where('status', '=', 'published').where('id', '=', id).executeTakeFirst();
}

export async function documentsOfIssue(db: PublicDb, issueId: string): Promise<ListedDocument[]> {
  return db.selectFrom('gazette_documents as d').select(LISTED_COLUMNS).where('d.issue_id', '=', issueId).orderBy('d.first_page').orderBy('d.id').execute() as Promise<ListedDocument[]>;
}

function publishedDocuments(db: PublicDb, officeId: string) {
  return db.selectFrom('gazette_documents as d').innerJoin('gazette_issues as i', 'i.id', 'd.issue_id').where('d.office_id', '=', officeId).where('i.status', '=', 'published');
}

export async function documentById(db: PublicDb, officeId: string, id: string): Promise<DocumentRow | undefined> {
  return publishedDocuments(db, officeId).selectAll('d').where('d.id', '=', id).executeTakeFirst();
}

export async function documentByEli(db: PublicDb, officeId: string, eliPath: string): Promise<DocumentRow | undefined> {
  return publishedDocuments(db, officeId).selectAll('d').where('d.eli_path', '=', eliPath).executeTakeFirst();
}

/** The listed documents of `ids`, in the order of `ids`; ids that are not published documents of the office are dropped. */
export async function documentsByIds(db: PublicDb, officeId: string, ids: readonly string[]): Promise<ListedDocument[]> {
  if (ids.length === 0) return [];
  const rows = (await publishedDocuments(db, officeId).select(LISTED_COLUMNS).where('d.id', 'in', [...ids]).execute()) as ListedDocument[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is ListedDocument => r !== undefined);
}

/** A relation of a document to another published document, seen from the document. */
export interface RelatedDocument {
  readonly kind: RelationKind;
  /** `outgoing`: this document replaces/amends/… the other; `incoming`: the other does it to this one. */
  readonly direction: 'outgoing' | 'incoming';
  readonly note: string | null;
  readonly id: string;
  readonly numberSymbol: string;
  readonly documentType: string;
  readonly summary: string;
  readonly eliPath: string;
  readonly fromDocumentId: string;
  readonly toDocumentId: string;
  /** Part of the target only (bãi bỏ một phần). */
  readonly partial: boolean;
  /** The other document's effective date (for an incoming relation: when it starts acting). */
  readonly otherEffectiveOn: string | null;
}

/** A relation as the validity rule reads it, from the document's side. */
export function actingRelation(r: RelatedDocument): ActingRelation {
  return { from_document_id: r.fromDocumentId, to_document_id: r.toDocumentId, kind: r.kind, partial: r.partial, from_effective_on: r.direction === 'incoming' ? r.otherEffectiveOn : null };
}

export async function relationsOf(db: PublicDb, officeId: string, documentId: string): Promise<RelatedDocument[]> {
  const outgoing = await publishedDocuments(db, officeId)
    .innerJoin('gazette_document_relations as r', 'r.to_document_id', 'd.id')
    .select(['r.kind', 'r.note', 'r.from_document_id', 'r.to_document_id', 'd.id', 'd.number_symbol', 'd.document_type', 'd.summary', 'd.eli_path', 'd.effective_on', 'r.partial'])
    .where('r.from_document_id', '=', documentId)
    .execute();
  const incoming = await publishedDocuments(db, officeId)
    .innerJoin('gazette_document_relations as r', 'r.from_document_id', 'd.id')
    .select(['r.kind', 'r.note', 'r.from_document_id', 'r.to_document_id', 'd.id', 'd.number_symbol', 'd.document_type', 'd.summary', 'd.eli_path', 'd.effective_on', 'r.partial'])
    .where('r.to_document_id', '=', documentId)
    .execute();
  const shape = (direction: 'outgoing' | 'incoming') => (r: (typeof outgoing)[number]): RelatedDocument => ({
    kind: r.kind,
    direction,
    note: r.note,
    id: r.id,
    numberSymbol: r.number_symbol,
    documentType: r.document_type,
    summary: r.summary,
    eliPath: r.eli_path,
    fromDocumentId: r.from_document_id,
    toDocumentId: r.to_document_id,
    partial: Number(r.partial) === 1,
    otherEffectiveOn: r.effective_on,
  });
  return [...outgoing.map(shape('outgoing')), ...incoming.map(shape('incoming'))];
}

/** A published correction (đính chính) of a document. */
export interface PublishedCorrection {
  readonly id: string;
  readonly reason: string;
  readonly caseKind: CorrectionRow['case_kind'];
  /** The correction notice as a published document, when it is one. */
  readonly notice: { readonly id: string; readonly numberSymbol: string; readonly eliPath: string; readonly publishedOn: string } | null;
}

/** Corrections of a published document whose notice is itself published (a pending correction is not shown). */
export async function correctionsOf(db: PublicDb, officeId: string, documentId: string): Promise<PublishedCorrection[]> {
  const rows = await publishedDocuments(db, officeId)
    .innerJoin('gazette_corrections as c', 'c.correction_document_id', 'd.id')
    .select(['c.id', 'c.reason', 'c.case_kind', 'd.id as notice_id', 'd.number_symbol', 'd.eli_path', 'd.published_on'])
    .where('c.corrected_document_id', '=', documentId)
    .where('c.office_id', '=', officeId)
    .orderBy('d.published_on')
    .execute();
  return rows.map((r) => ({ id: r.id, reason: r.reason, caseKind: r.case_kind, notice: { id: r.notice_id, numberSymbol: r.number_symbol, eliPath: r.eli_path, publishedOn: r.published_on } }));
}

/** Issuing agencies with published documents, most prolific first. */
export interface AgencyCount {
  readonly name: string;
  readonly level: 'local' | 'central';
  readonly documents: number;
}

/** Relations pointing at any of `ids` (what a document's validity depends on), for a page of documents at once. */
export async function relationsAgainst(db: PublicDb, officeId: string, ids: readonly string[]): Promise<ActingRelation[]> {
  if (ids.length === 0) return [];
  return publishedDocuments(db, officeId)
    .innerJoin('gazette_document_relations as r', 'r.from_document_id', 'd.id')
    .select(['r.from_document_id', 'r.to_document_id', 'r.kind', 'd.effective_on as from_effective_on', 'r.partial'])
    .where('r.to_document_id', 'in', [...ids])
    .execute();
}

/** The published issues of `ids`, by id. */
export async function issuesByIds(db: PublicDb, officeId: string, ids: readonly string[]): Promise<Map<string, IssueRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('gazette_issues').selectAll().where('office_id', '=', officeId).where('status', '=', 'published').where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r]));
}
