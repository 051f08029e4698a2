// The shapes of the submissions API as the browser sees them: type-only imports of the server's
// definitions, erased at build, so no server code reaches the admin bundle and the two cannot drift.
import type {
  AssignedRequest,
  Attachment,
  InformationRequest,
  InformationRequestDetail,
  Submission,
  SubmissionDetail,
  UnitAnswerState,
} from '../../submissions/submissions.schema.js';
import type { SubmissionStatus } from '../../submissions/submissions-database.js';

export type { AssignedRequest, Attachment, InformationRequest, InformationRequestDetail, Submission, SubmissionDetail, SubmissionStatus, UnitAnswerState };

export const SUBMISSION_STATUSES: readonly SubmissionStatus[] = ['submitted', 'accepted', 'returned', 'withdrawn'];

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/** A unit as the core's tenant list returns it (for the unit picker). */
export interface UnitNode {
  readonly id: string;
  readonly slug: string;
  readonly nameVi: string;
  readonly nameEn: string | null;
  readonly kind: string;
  readonly parentId: string | null;
  readonly status: 'active' | 'archived';
}

/** The permissions the elements check (the server checks them again). */
export const SUBMIT = 'portal.submissions.submit';
export const HANDLE = 'portal.submissions.handle';
export const WRITE = 'portal.content.write';
