import { escapeHtml } from '@cong/sdk';
import type { IssueFonts } from './issue-fonts.js';
import type { IssueLayoutInput } from './issue-layout-input.js';
import { CONTENT_MARGINS, issueHtmlDocument, issueStylesheet } from './issue-stylesheet.js';
import { lastPageLines } from './last-page-lines.js';
import { issueTitle } from './issue-wording.js';

/** The last page (GAZ-20): who publishes the gazette and how to reach them, at the foot of the page. */
export function lastPageHtml(input: IssueLayoutInput, fonts: IssueFonts): string {
  const lines = lastPageLines(input);
  const css = `${issueStylesheet(fonts, CONTENT_MARGINS)}
.last { height: 250mm; display: flex; flex-direction: column; justify-content: flex-end; }
.box { border: 1pt solid #000; padding: 6mm 8mm; font-size: 12.5pt; }
.box .heading { font-weight: 700; text-align: center; margin-bottom: 3mm; }
.box p { margin: 1mm 0; }
.note { font-style: italic; font-size: 11pt; text-align: center; margin-top: 4mm; }`;
  const body = `<main class="last"><div class="box">
<p class="heading">${escapeHtml(lines.heading)}</p>
${lines.details.map(({ label, value }) => `<p><span class="bold">${escapeHtml(label)}:</span> ${escapeHtml(value)}</p>`).join('\n')}
</div>
<p class="note">${escapeHtml(lines.note)}</p></main>`;
  return issueHtmlDocument(escapeHtml(issueTitle(input)), css, body);
}
