import { escapeHtml } from '@cong/sdk';
import type { IssueFonts } from './issue-fonts.js';
import type { IssueLayoutInput } from './issue-layout-input.js';
import { CONTENT_MARGINS, issueHtmlDocument, issueStylesheet } from './issue-stylesheet.js';
import {
  issueNumberCitation,
  issueTitle,
  PAGE_COLUMN,
  TABLE_OF_CONTENTS_TITLE,
  type TableOfContentsSection,
} from './issue-wording.js';

/**
 * The table of contents (mục lục, GAZ-20): per section, each document's issue date, type, number and
 * symbol, issuing agency, summary and first page. Rows never split across pages and the column heads
 * repeat on every page, so a long table reads like the printed gazette's.
 */
export function tableOfContentsHtml(input: IssueLayoutInput, sections: readonly TableOfContentsSection[], fonts: IssueFonts): string {
  const css = `${issueStylesheet(fonts, CONTENT_MARGINS)}
h1 { font-size: 15pt; font-weight: 700; text-align: center; }
.subtitle { text-align: center; font-style: italic; font-size: 12pt; margin-bottom: 5mm; }
table { width: 100%; border-collapse: collapse; font-size: 12pt; }
thead { display: table-header-group; }
th { font-weight: 700; text-align: left; border-bottom: 0.75pt solid #000; padding: 1.5mm 1mm; }
th.page, td.page { text-align: right; width: 14mm; white-space: nowrap; }
td { vertical-align: top; padding: 1.5mm 1mm; }
td.date, th.date { width: 28mm; white-space: nowrap; }
tr { break-inside: avoid; page-break-inside: avoid; }
tr.section td { font-weight: 700; text-align: center; padding-top: 4mm; text-transform: uppercase; }
.heading { font-weight: 700; }
.agency { font-style: italic; }`;
  const rows = sections
    .map((section) => {
      const title = section.title ? `<tr class="section"><td colspan="3">${escapeHtml(section.title)}</td></tr>` : '';
      const entries = section.entries
        .map(
          (entry) => `<tr data-document-id="${escapeHtml(entry.id)}">
<td class="date">${escapeHtml(entry.issueDate)}</td>
<td><div class="heading">${escapeHtml(`${entry.docType} số ${entry.numberSymbol}`)}</div><div class="agency">${escapeHtml(entry.issuingAgency)}</div><div class="summary">${escapeHtml(entry.summary)}</div></td>
<td class="page">${entry.page}</td></tr>`,
        )
        .join('\n');
      return title + entries;
    })
    .join('\n');
  const body = `<h1>${escapeHtml(TABLE_OF_CONTENTS_TITLE)}</h1>
<p class="subtitle">${escapeHtml(`${issueNumberCitation(input)}, năm ${input.year}`)}</p>
<table><thead><tr><th class="date">Ngày ban hành</th><th>Văn bản, cơ quan ban hành, trích yếu</th><th class="page">${escapeHtml(PAGE_COLUMN)}</th></tr></thead>
<tbody>${rows}</tbody></table>`;
  return issueHtmlDocument(escapeHtml(issueTitle(input)), css, body);
}
