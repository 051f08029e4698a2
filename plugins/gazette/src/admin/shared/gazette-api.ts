// The gazette API's shapes as the admin reads them. Types only, straight from the server's schemas,
// so the pages follow the API when it changes; `import type` keeps server code out of the bundle.
export type {
  DeadlineState,
  DeadlineView,
  IntakeFlagView,
  IssuerContact,
  Page,
  RegisterEntry,
  RoundSummary,
  Submission,
  SubmissionAttributes,
  SubmissionDetail,
  SubmissionFileView,
  TimelineStep,
  OfficeSubmissionAttributes,
} from '../../intake/submission.schema.js';
export type { DeadlineCause, DeadlineDashboard, DeadlineItem, DiscrepancyView, RoundDetail, RoundSide } from '../../review/comparison.schema.js';
export type { FileRole, SubmissionAction, SubmissionStatus } from '../../intake/gazette-database.js';
export type { SourceChannel } from '../../intake/document-types.js';
export type { IssueDetail, IssueEntryView, IssueSection, IssueSignature, IssueSummary } from '../../publication/issue.schema.js';
export type { IssueStatus, CorrectionCase } from '../../publication/publication-database.js';
export type { CorrectionView, LinkCorrectionInput } from '../../corrections/correction.schema.js';
import type { SubmissionStatus } from '../../intake/gazette-database.js';

export const API = '/api/gazette';

/** The pages' nav routes, as package.json's `cong.admin.nav` declares them (admin-manifest.test.ts checks). */
export const ROUTES = {
  submissions: '/gazette/van-ban-gui-dang',
  contact: '/gazette/dau-moi',
  register: '/gazette/so-tiep-nhan',
  comparison: '/gazette/doi-chieu',
  deadlines: '/gazette/han-dang',
  issues: '/gazette/so-cong-bao',
  corrections: '/gazette/dinh-chinh',
  annualReport: '/gazette/bao-cao-nam',
} as const;

/** The permissions the pages check before calling (the server checks again). */
export const SUBMIT = 'gazette.submit';
export const RECEIVE = 'gazette.receive';
export const COMPARE = 'gazette.compare';
export const COMPOSE = 'gazette.compose';
export const PUBLISH = 'gazette.publish';

/** Mirrors `ISSUE_SECTIONS` (the table of contents' headings, GAZ-20). */
export const SECTIONS = ['VĂN BẢN QUY PHẠM PHÁP LUẬT', 'VĂN BẢN KHÁC'] as const;

/** Mirrors the issue statuses of `publication-database.ts`. */
export const ISSUE_STATUSES = ['draft', 'rendering', 'published', 'failed'] as const;

/** A document that passed comparison and waits for an issue, as `GET /api/gazette/issues/ready` lists it. */
export interface ReadyDocument {
  readonly submissionId: string;
  readonly documentType: string;
  readonly numberSymbol: string;
  readonly summary: string;
  readonly issuingAgency: string;
  readonly signedOn: string;
  readonly publishDue: string | null;
  readonly correction: { readonly id: string; readonly case: string; readonly correctedSubmissionId: string; readonly correctedDocumentId: string | null } | null;
}

/** Mirrors `SUBMISSION_STATUSES` (a value there, and the bundle must not pull server modules in). */
export const STATUSES: readonly SubmissionStatus[] = ['draft', 'sent', 'registered', 'comparing', 'returned', 'corrected', 'passed', 'published', 'withdrawn'];

/** Mirrors `SOURCE_CHANNELS`. */
export const CHANNELS = ['portal', 'document-system', 'email', 'post', 'hand-delivery', 'other'] as const;

/** A kind of document as `GET /api/gazette/document-types` lists it. */
export interface DocumentType {
  readonly code: string;
  readonly name: { readonly vi: string; readonly en?: string };
}

/** What the browser accepts in the file choosers (the server sniffs the bytes and decides). */
export const ACCEPT = {
  original: '.pdf,application/pdf',
  electronic: '.docx,.doc,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/msword',
} as const;
