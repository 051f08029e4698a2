import { escapeHtml } from '@cong/sdk';
import type { IssueFonts } from './issue-fonts.js';
import type { IssueLayoutInput } from './issue-layout-input.js';
import { COVER_MARGINS, issueHtmlDocument, issueStylesheet } from './issue-stylesheet.js';
import {
  formatLongDate,
  GAZETTE_TITLE,
  issueNumberCitation,
  issueNumberLabel,
  issueTitle,
  NATIONAL_MOTTO,
  NATIONAL_NAME,
  provinceHeading,
} from './issue-wording.js';
import { stateEmblemSvg } from './state-emblem-svg.js';

/**
 * The cover (GAZ-20): national name and motto, the emblem, "CÔNG BÁO", the province, the issue
 * number(s) and the publication date. One A4 page.
 */
export function coverPageHtml(input: IssueLayoutInput, fonts: IssueFonts): string {
  const label = issueNumberLabel(input);
  const citation = issueNumberCitation(input);
  const grouped = typeof input.issueNumbers !== 'number';
  const css = `${issueStylesheet(fonts, COVER_MARGINS)}
.cover { height: 255mm; display: flex; flex-direction: column; align-items: center; text-align: center; border: 1.5pt solid #c8102e; box-sizing: border-box; padding: 10mm 8mm; }
.nation { font-weight: 700; font-size: 13pt; }
.motto { font-weight: 700; font-size: 14pt; padding-bottom: 2pt; border-bottom: 1pt solid #000; }
.emblem { margin: 14mm 0 8mm; }
.title { font-weight: 700; font-size: 66pt; letter-spacing: 4pt; color: #c8102e; margin: 2mm 0; }
.province { font-weight: 700; font-size: 24pt; margin-bottom: 14mm; }
.number { font-weight: 700; font-size: 22pt; }
.range { font-style: italic; font-size: 15pt; margin-top: 2mm; }
.date { font-style: italic; font-size: 16pt; margin-top: 6mm; }
.spacer { flex: 1; }
.publisher { font-size: 12pt; }`;
  const body = `<main class="cover">
<p class="nation">${escapeHtml(NATIONAL_NAME)}</p>
<p class="motto">${escapeHtml(NATIONAL_MOTTO)}</p>
<div class="emblem">${stateEmblemSvg(130)}</div>
<h1 class="title">${escapeHtml(GAZETTE_TITLE)}</h1>
<p class="province">${escapeHtml(provinceHeading(input))}</p>
<p class="number">${escapeHtml(label)}</p>
${grouped ? `<p class="range">(${escapeHtml(citation)})</p>` : ''}
<p class="date">${escapeHtml(formatLongDate(input.publicationDate))}</p>
<div class="spacer"></div>
<p class="publisher">${escapeHtml(input.publisher.name)}</p>
<p class="publisher">Website: ${escapeHtml(input.publisher.website)}</p>
</main>`;
  return issueHtmlDocument(escapeHtml(issueTitle(input)), css, body);
}
