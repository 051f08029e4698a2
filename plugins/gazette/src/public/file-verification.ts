import type { X509Certificate } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PublicationDatabase } from '../publication/publication-database.js';
import { verifyPdfSignature, type SignatureVerification, type VerifiedSignature } from '../signing/index.js';
import { issueNumbers } from './gazette-reads.js';

/** A published issue of the office whose signed PDF has the hash asked about. */
export interface MatchedIssue {
  readonly id: string;
  readonly year: number;
  /** As printed: `12` or `243 + 244`. */
  readonly numbers: string;
  readonly numberFrom: number;
  readonly publicationDate: string;
}

/** A published document of the office whose signed original (or electronic copy) has the hash. */
export interface MatchedDocument {
  readonly id: string;
  readonly documentType: string;
  readonly numberSymbol: string;
  readonly summary: string;
  readonly eliPath: string;
  /** Which of the document's files matched. */
  readonly file: 'original' | 'electronic';
}

/** What the verification found about one file or hash (GAZ-05, GAZ-23). */
export interface FileVerification {
  /** Lower-case hex. */
  readonly sha256: string;
  readonly issues: readonly MatchedIssue[];
  readonly documents: readonly MatchedDocument[];
  /** The PDF's signatures, checked; null for a hash looked up without a file. */
  readonly signature: SignatureVerification | null;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** A SHA-256 as a reader types or pastes it (any case, spaces, `sha256:` prefix), or undefined when it is not one. */
export function normaliseSha256(input: string): string | undefined {
  const hex = input.trim().toLowerCase().replace(/^sha-?256:/, '').replace(/[\s:]/g, '');
  return SHA256.test(hex) ? hex : undefined;
}

/**
 * The office's published issues and documents whose files have `sha256`. Only published issues, and
 * only this office's: a file of another province's gazette, or of a draft, matches nothing here.
 */
export async function lookUpHash(db: Kysely<PublicationDatabase>, officeId: string, sha256: string): Promise<Pick<FileVerification, 'issues' | 'documents'>> {
  const issues = await db
    .selectFrom('gazette_issues')
    .select(['id', 'year', 'number_from', 'number_to', 'publication_date'])
    .where('office_id', '=', officeId)
    .where('status', '=', 'published')
    .where('sha256', '=', sha256)
    .orderBy('year')
    .orderBy('number_from')
    .execute();
  const documents = await db
    .selectFrom('gazette_documents as d')
    .innerJoin('gazette_issues as i', 'i.id', 'd.issue_id')
    .select(['d.id', 'd.document_type', 'd.number_symbol', 'd.summary', 'd.eli_path', 'd.original_sha256', 'd.electronic_sha256'])
    .where('d.office_id', '=', officeId)
    .where('i.status', '=', 'published')
    .where((eb) => eb.or([eb('d.original_sha256', '=', sha256), eb('d.electronic_sha256', '=', sha256)]))
    .orderBy('d.published_at')
    .orderBy('d.id')
    .limit(20)
    .execute();
  return {
    issues: issues.map((i) => ({ id: i.id, year: Number(i.year), numbers: issueNumbers(i), numberFrom: Number(i.number_from), publicationDate: String(i.publication_date) })),
    documents: documents.map((d) => ({ id: d.id, documentType: d.document_type, numberSymbol: d.number_symbol, summary: d.summary, eliPath: d.eli_path, file: d.original_sha256 === sha256 ? 'original' : 'electronic' })),
  };
}

/** Checks an uploaded PDF: its hash against the office's gazette, and its signatures (never throws on hostile bytes). */
export async function verifyGazetteFile(db: Kysely<PublicationDatabase>, officeId: string, pdf: Uint8Array, trustedRoots: readonly X509Certificate[]): Promise<FileVerification> {
  const signature = await verifyPdfSignature(pdf, { trustedRoots });
  return { sha256: signature.sha256, ...(await lookUpHash(db, officeId, signature.sha256)), signature };
}

/** True when the file is a published file of this gazette. */
export const matched = (v: Pick<FileVerification, 'issues' | 'documents'>) => v.issues.length > 0 || v.documents.length > 0;

/** Whether the signer's certificate was valid at the (claimed) signing time; null when no certificate could be read. */
export function certificateValidAtSigning(signature: VerifiedSignature): boolean | null {
  if (!signature.signer) return null;
  const at = signature.signedAt ? Date.parse(signature.signedAt) : Date.now();
  return at >= Date.parse(signature.signer.validFrom) && at <= Date.parse(signature.signer.validTo);
}
