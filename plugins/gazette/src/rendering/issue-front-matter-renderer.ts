import type { IssueLayoutInput } from './issue-layout-input.js';
import type { TableOfContentsSection } from './issue-wording.js';

/**
 * Renders the pages the gazette writes itself: the cover, the table of contents and the last page,
 * each as a separate PDF (the merge counts their pages). Two implementations: Chromium with HTML
 * templates, and pdfkit for machines without Chromium.
 */
export interface IssueFrontMatterRenderer {
  readonly name: 'chromium' | 'pdfkit';
  renderCover(input: IssueLayoutInput): Promise<Uint8Array>;
  renderTableOfContents(input: IssueLayoutInput, sections: readonly TableOfContentsSection[]): Promise<Uint8Array>;
  renderLastPage(input: IssueLayoutInput): Promise<Uint8Array>;
}
