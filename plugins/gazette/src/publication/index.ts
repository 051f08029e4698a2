// Issues and publication (GAZ-20…GAZ-24): composing numbered issues, rendering and signing them,
// the published documents with their relations and validity.
import type { PluginRegistrar } from '@cong/sdk';
import { documentRoutes } from './document.routes.js';
import { IssuePublication, PUBLISH_ISSUE_JOB, type PublishIssuePayload } from './issue-publication.js';
import { issueRoutes } from './issue.routes.js';
import { publicationConfig } from './publication-config.js';

/** Chromium, 50 documents and a remote signer fit well within this. */
const PUBLISH_TIMEOUT_MS = 15 * 60 * 1000;

export function registerPublication(reg: PluginRegistrar): void {
  const config = publicationConfig(reg);
  reg.jobs({
    [PUBLISH_ISSUE_JOB]: {
      // Failures are recorded on the issue (status failed) and retried by publishing again; a second
      // attempt only runs when the process died mid-job, and finds the issue as it was left.
      maxAttempts: 2,
      timeoutMs: PUBLISH_TIMEOUT_MS,
      schema: { type: 'object', additionalProperties: false, required: ['issueId', 'actorId'], properties: { issueId: { type: 'string' }, actorId: { type: 'string' } } },
      handler: (payload: PublishIssuePayload, ctx) => new IssuePublication(ctx, config).run(payload),
    },
  });
  reg.routes((route) => {
    issueRoutes(route, config);
    documentRoutes(route);
  });
}

export { validityOf, type ValidityDocument, type ValidityRelation } from './validity.js';
export { openIssuePdf, issuePdfHeaders, type IssuePdf } from './issue-pdf.js';
export { relationsActingOn } from './document.service.js';
export { eliPath } from './eli-path.js';
export { issueLabel, issueRef } from './issue-views.js';
