// The contract the issue composer (and any other code) uses to ask about submissions. Depends only on
// @cong/sdk: `src/api/index.ts` re-exports it.
import { createServiceRef, type LocalizedText } from '@cong/sdk';
import type { Transaction } from 'kysely';

/** Whether a submission may be placed in a gazette issue (GAZ-22), and if not, why. */
export interface IssueReadiness {
  readonly ready: boolean;
  /** The submission's status (`passed` when ready); `missing` when there is no such submission. */
  readonly status: string;
  /** Why it is not ready, for the composer's screen; absent when ready. */
  readonly reason?: LocalizedText;
}

/** A file of a submission, in the gazette plugin's core file store (`coreServices.files.open(fileId)`). */
export interface SubmissionFileRef {
  /** The core files service's id. */
  readonly fileId: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly sha256: string;
  readonly size: number;
  readonly version: number;
}

/** What an issue needs to know about a document that passed comparison. */
export interface SubmissionForIssue {
  readonly id: string;
  /** The issuing unit and the office (the province) it was sent to. */
  readonly issuerUnitId: string;
  readonly officeId: string;
  readonly status: string;
  readonly documentType: string;
  readonly documentTypeName: LocalizedText;
  readonly numberSymbol: string;
  readonly summary: string;
  readonly issuingAgency: string;
  readonly signer: string;
  /** `YYYY-MM-DD`. */
  readonly signedOn: string;
  readonly effectiveOn: string | null;
  readonly inForceOnSigning: boolean;
  readonly legalNormative: boolean;
  readonly field: string | null;
  /** The register entry `<number>/<year>`. */
  readonly register: string | null;
  /** When it reached the office, and the publication deadline (`YYYY-MM-DD`) counted from then. */
  readonly receivedAt: string | null;
  readonly publishDue: string | null;
  readonly passedAt: string | null;
  /** The files of the round that passed: the text to publish is the electronic copy's. */
  readonly original: SubmissionFileRef | null;
  readonly electronic: SubmissionFileRef | null;
  readonly publishedAt: string | null;
  readonly publishedRef: string | null;
}

/**
 * Submissions as the rest of the gazette sees them. Not tenant-scoped: callers check that the office
 * composing an issue is the submission's `officeId`.
 */
export interface GazetteSubmissionsService {
  /** True when the submission passed comparison and is not yet published or withdrawn (GAZ-22). */
  isReadyForIssue(submissionId: string): Promise<boolean>;
  readiness(submissionId: string): Promise<IssueReadiness>;
  get(submissionId: string): Promise<SubmissionForIssue | undefined>;
  /** The office's documents that passed comparison and wait for an issue, oldest receipt first. */
  listReady(officeId: string): Promise<readonly SubmissionForIssue[]>;
  /**
   * Records that the document appeared in an issue: `passed` → `published`, which stops its
   * publication deadline and closes it for withdrawal. `issueRef` names the issue (`Số 12/2026`).
   * Pass the composer's transaction so both commit together. A document that is not `passed` answers
   * `GAZETTE_ERR_SUBMISSION_TRANSITION` (409).
   */
  markPublished(submissionId: string, input: { readonly publishedAt: Date; readonly issueRef: string; readonly actorId: string; readonly actorUnitId: string }, options?: { readonly trx?: Transaction<any> }): Promise<void>;
}

export const gazetteSubmissionsRef = createServiceRef<GazetteSubmissionsService>({ id: 'gazette.submissions' });
