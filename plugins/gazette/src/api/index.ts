// What other plugins may import from the gazette (`@cong/plugin-gazette/api`).
// Submissions (src/intake, src/review): whether a document passed comparison and may go into an issue
// (GAZ-22), what the issue needs to know about it, and recording its publication.
export { gazetteSubmissionsRef } from '../review/gazette-submissions-ref.js';
export type { GazetteSubmissionsService, IssueReadiness, SubmissionFileRef, SubmissionForIssue } from '../review/gazette-submissions-ref.js';
