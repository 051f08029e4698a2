import type { ChromiumPrinter } from './chromium-printer.js';
import { coverPageHtml } from './cover-page-html.js';
import type { IssueFonts } from './issue-fonts.js';
import type { IssueFrontMatterRenderer } from './issue-front-matter-renderer.js';
import type { IssueLayoutInput } from './issue-layout-input.js';
import type { TableOfContentsSection } from './issue-wording.js';
import { lastPageHtml } from './last-page-html.js';
import { tableOfContentsHtml } from './table-of-contents-html.js';

/** The cover, table of contents and last page from the HTML templates, printed by Chromium. */
export class ChromiumIssueRenderer implements IssueFrontMatterRenderer {
  readonly name = 'chromium' as const;

  constructor(
    private readonly printer: ChromiumPrinter,
    private readonly fonts: IssueFonts,
  ) {}

  renderCover(input: IssueLayoutInput): Promise<Uint8Array> {
    return this.printer.print(coverPageHtml(input, this.fonts));
  }

  renderTableOfContents(input: IssueLayoutInput, sections: readonly TableOfContentsSection[]): Promise<Uint8Array> {
    return this.printer.print(tableOfContentsHtml(input, sections, this.fonts));
  }

  renderLastPage(input: IssueLayoutInput): Promise<Uint8Array> {
    return this.printer.print(lastPageHtml(input, this.fonts));
  }
}
