// Issue rendering (GAZ-05, GAZ-20, GAZ-21): the cover, table of contents, running headers and last page
// of a gazette issue, merged with the documents' own pages into one PDF. Pure library code: the issue
// composer calls renderIssue and stores, signs and publishes the result.
export { renderIssue, type RenderIssueOptions, type RenderedIssue, type RenderedIssueDocument } from './render-issue.js';
export {
  assertValidLayoutInput,
  issueNumberList,
  type IssueDocumentInput,
  type IssueLayoutInput,
  type IssuePublisher,
} from './issue-layout-input.js';
export {
  CHROMIUM_FLAGS,
  ChromiumPrinter,
  chromiumExecutablePath,
  type ChromiumPrinterOptions,
} from './chromium-printer.js';
export { descendantProcesses, isStillRunning, processIdentity, type ProcessIdentity } from './chromium-processes.js';
export { ChromiumIssueRenderer } from './chromium-issue-renderer.js';
export { PdfkitIssueRenderer } from './pdfkit-issue-renderer.js';
export type { IssueFrontMatterRenderer } from './issue-front-matter-renderer.js';
export { resolveIssueFonts, type IssueFonts } from './issue-fonts.js';
export { RunningHeaderStamper } from './running-header-stamper.js';
export { addIssueOutline, type OutlineEntry } from './issue-outline.js';
export { coverPageHtml } from './cover-page-html.js';
export { tableOfContentsHtml } from './table-of-contents-html.js';
export { lastPageHtml } from './last-page-html.js';
export {
  formatDashedDate,
  formatLongDate,
  issueNumberCitation,
  issueNumberLabel,
  issueTitle,
  runningHeaderText,
  tableOfContents,
  type TableOfContentsEntry,
  type TableOfContentsSection,
} from './issue-wording.js';
