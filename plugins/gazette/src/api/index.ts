// What other plugins may import from the gazette (`@cong/plugin-gazette/api`).
// Submissions (src/intake, src/review): whether a document passed comparison and may go into an issue
// (GAZ-22), what the issue needs to know about it, and recording its publication.
export { gazetteSubmissionsRef } from '../review/gazette-submissions-ref.js';
export type { GazetteSubmissionsService, IssueReadiness, SubmissionFileRef, SubmissionForIssue } from '../review/gazette-submissions-ref.js';
// Issues, publication, corrections (src/publication, src/corrections): validity as the API computes it,
// the published issue's PDF, and the corrections of a published document (for the "has correction" banner).
export { validityOf, type ValidityDocument, type ValidityRelation } from '../publication/validity.js';
export type { Validity, RelationKind, CorrectionCase, IssueStatus } from '../publication/publication-database.js';
export { openIssuePdf, issuePdfHeaders, type IssuePdf } from '../publication/issue-pdf.js';
export { relationsActingOn } from '../publication/document.service.js';
export { correctionsOf } from '../corrections/correction-views.js';
export type { IssueDetail, IssueSummary, IssueSignature } from '../publication/issue.schema.js';
export type { DocumentDetail } from '../publication/document.schema.js';
export type { CorrectionView } from '../corrections/correction.schema.js';
