import PDFKitDocument from 'pdfkit';
import { readFontFile, type IssueFonts } from './issue-fonts.js';
import type { IssueFrontMatterRenderer } from './issue-front-matter-renderer.js';
import type { IssueLayoutInput } from './issue-layout-input.js';
import { COVER_MARGINS, CONTENT_MARGINS, type PageMargins } from './issue-stylesheet.js';
import {
  formatLongDate,
  GAZETTE_TITLE,
  issueNumberCitation,
  issueNumberLabel,
  issueTitle,
  NATIONAL_MOTTO,
  NATIONAL_NAME,
  PAGE_COLUMN,
  provinceHeading,
  TABLE_OF_CONTENTS_TITLE,
  type TableOfContentsSection,
} from './issue-wording.js';
import { lastPageLines } from './last-page-lines.js';

const MM = 72 / 25.4;
const RED = '#c8102e';
const GOLD = '#d4a017';

/**
 * The fallback when Chromium is absent or cannot start: the same cover, table of contents and last
 * page, laid out by pdfkit with the same fonts (STACK.md §4.7). The layout is plainer than the HTML
 * templates, the wording is the same, so the issue still comes out.
 */
export class PdfkitIssueRenderer implements IssueFrontMatterRenderer {
  readonly name = 'pdfkit' as const;

  constructor(private readonly fonts: IssueFonts) {}

  renderCover(input: IssueLayoutInput): Promise<Uint8Array> {
    return this.#document(input, COVER_MARGINS, (pdf) => {
      const { left, width } = frame(pdf);
      const top = COVER_MARGINS.top * MM;
      const height = pdf.page.height - (COVER_MARGINS.top + COVER_MARGINS.bottom) * MM;
      pdf.save().lineWidth(1.5).strokeColor(RED).rect(left, top, width, height).stroke().restore();
      pdf.y = top + 10 * MM;
      const centered = (text: string, font: 'bold' | 'regular' | 'italic', size: number, color = '#000', gap = 2) => {
        pdf.font(font).fontSize(size).fillColor(color).text(text, left, pdf.y, { width, align: 'center' });
        pdf.moveDown(gap / 10);
      };
      centered(NATIONAL_NAME, 'bold', 13);
      centered(NATIONAL_MOTTO, 'bold', 14);
      const mottoWidth = pdf.font('bold').fontSize(14).widthOfString(NATIONAL_MOTTO);
      pdf.save().lineWidth(1).strokeColor('#000').moveTo(left + (width - mottoWidth) / 2, pdf.y).lineTo(left + (width + mottoWidth) / 2, pdf.y).stroke().restore();
      drawEmblem(pdf, left + width / 2, pdf.y + 28 * MM, 22 * MM);
      pdf.y += 58 * MM;
      centered(GAZETTE_TITLE, 'bold', 66, RED, 4);
      centered(provinceHeading(input), 'bold', 24, '#000', 30);
      centered(issueNumberLabel(input), 'bold', 22);
      if (typeof input.issueNumbers !== 'number') centered(`(${issueNumberCitation(input)})`, 'italic', 15);
      pdf.moveDown(0.6);
      centered(formatLongDate(input.publicationDate), 'italic', 16);
      pdf.y = top + height - 22 * MM;
      centered(input.publisher.name, 'regular', 12);
      centered(`Website: ${input.publisher.website}`, 'regular', 12);
    });
  }

  renderTableOfContents(input: IssueLayoutInput, sections: readonly TableOfContentsSection[]): Promise<Uint8Array> {
    return this.#document(input, CONTENT_MARGINS, (pdf) => {
      const { left, width } = frame(pdf);
      const bottom = pdf.page.height - CONTENT_MARGINS.bottom * MM;
      const dateWidth = 28 * MM;
      const pageWidth = 14 * MM;
      const textLeft = left + dateWidth + 2 * MM;
      const textWidth = width - dateWidth - pageWidth - 4 * MM;
      const columnHeads = () => {
        pdf.font('bold').fontSize(12).fillColor('#000');
        const y = pdf.y;
        pdf.text('Ngày ban hành', left, y, { width: dateWidth, lineBreak: false });
        pdf.text('Văn bản, cơ quan ban hành, trích yếu', textLeft, y, { width: textWidth, lineBreak: false });
        pdf.text(PAGE_COLUMN, left + width - pageWidth, y, { width: pageWidth, align: 'right', lineBreak: false });
        pdf.y = y + pdf.currentLineHeight(true) + 1 * MM;
        pdf.save().lineWidth(0.75).moveTo(left, pdf.y).lineTo(left + width, pdf.y).stroke().restore();
        pdf.y += 1.5 * MM;
      };
      const room = (needed: number) => {
        if (pdf.y + needed <= bottom) return;
        pdf.addPage();
        pdf.y = CONTENT_MARGINS.top * MM;
        columnHeads();
      };
      pdf.font('bold').fontSize(15).text(TABLE_OF_CONTENTS_TITLE, left, pdf.y, { width, align: 'center' });
      pdf.font('italic').fontSize(12).text(`${issueNumberCitation(input)}, năm ${input.year}`, { width, align: 'center' });
      pdf.moveDown(0.8);
      columnHeads();
      for (const section of sections) {
        if (section.title) {
          pdf.font('bold').fontSize(12);
          room(pdf.heightOfString(section.title, { width }) + 12 * MM);
          pdf.y += 3 * MM;
          pdf.text(section.title.toLocaleUpperCase('vi'), left, pdf.y, { width, align: 'center' });
          pdf.y += 1.5 * MM;
        }
        for (const entry of section.entries) {
          const lines: [string, 'bold' | 'italic' | 'regular'][] = [
            [`${entry.docType} số ${entry.numberSymbol}`, 'bold'],
            [entry.issuingAgency, 'italic'],
            [entry.summary, 'regular'],
          ];
          const height = lines.reduce((sum, [text, font]) => sum + pdf.font(font).fontSize(12).heightOfString(text, { width: textWidth }), 0);
          room(height + 3 * MM);
          const y = pdf.y;
          // Drawn in reading order (date, text, page), so extracted text reads like the row.
          pdf.font('regular').fontSize(12).text(entry.issueDate, left, y, { width: dateWidth, lineBreak: false });
          pdf.y = y;
          for (const [text, font] of lines) pdf.font(font).fontSize(12).text(text, textLeft, pdf.y, { width: textWidth });
          pdf.font('regular').fontSize(12).text(String(entry.page), left + width - pageWidth, y, { width: pageWidth, align: 'right', lineBreak: false });
          pdf.y = y + height + 3 * MM;
        }
      }
    });
  }

  renderLastPage(input: IssueLayoutInput): Promise<Uint8Array> {
    return this.#document(input, CONTENT_MARGINS, (pdf) => {
      const { left, width } = frame(pdf);
      const lines = lastPageLines(input);
      const padding = 8 * MM;
      const inner = width - 2 * padding;
      pdf.fontSize(12.5);
      const rows = lines.details.map(({ label, value }) => `${label}: ${value}`);
      const boxHeight =
        2 * padding +
        pdf.font('bold').heightOfString(lines.heading, { width: inner }) +
        3 * MM +
        rows.reduce((sum, row) => sum + pdf.font('regular').heightOfString(row, { width: inner }) + 1 * MM, 0);
      const noteHeight = pdf.font('italic').fontSize(11).heightOfString(lines.note, { width }) + 4 * MM;
      // pdfkit starts a new page for a line that would end past the bottom margin: keep clear of it.
      const top = pdf.page.height - CONTENT_MARGINS.bottom * MM - noteHeight - boxHeight - 12 * MM;
      pdf.save().lineWidth(1).rect(left, top, width, boxHeight).stroke().restore();
      pdf.y = top + padding;
      pdf.font('bold').fontSize(12.5).text(lines.heading, left + padding, pdf.y, { width: inner, align: 'center' });
      pdf.y += 3 * MM;
      for (const { label, value } of lines.details) {
        pdf.font('bold').fontSize(12.5).text(`${label}: `, left + padding, pdf.y, { width: inner, continued: true });
        pdf.font('regular').text(value);
        pdf.y += 1 * MM;
      }
      pdf.y = top + boxHeight + 4 * MM;
      pdf.font('italic').fontSize(11).text(lines.note, left, pdf.y, { width, align: 'center' });
    });
  }

  #document(input: IssueLayoutInput, margins: PageMargins, draw: (pdf: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      const pdf = new PDFKitDocument({
        size: 'A4',
        margins: { top: margins.top * MM, right: margins.right * MM, bottom: margins.bottom * MM, left: margins.left * MM },
        info: { Title: issueTitle(input), Producer: 'Cổng' },
        lang: 'vi-VN',
      });
      const chunks: Buffer[] = [];
      pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
      pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
      pdf.on('error', reject);
      try {
        pdf.registerFont('regular', Buffer.from(readFontFile(this.fonts.regular)));
        pdf.registerFont('bold', Buffer.from(readFontFile(this.fonts.bold)));
        pdf.registerFont('italic', Buffer.from(readFontFile(this.fonts.italic)));
        pdf.font('regular');
        draw(pdf);
        pdf.end();
      } catch (error) {
        reject(error);
      }
    });
  }
}

function frame(pdf: PDFKit.PDFDocument): { left: number; width: number } {
  const { left, right } = pdf.page.margins;
  return { left, width: pdf.page.width - left - right };
}

/** The same drawn stand-in for the state emblem as the HTML cover (see state-emblem-svg.ts). */
function drawEmblem(pdf: PDFKit.PDFDocument, cx: number, cy: number, radius: number): void {
  pdf.save();
  pdf.circle(cx, cy, radius).fill(GOLD);
  pdf.circle(cx, cy, radius * 0.9).fill(RED);
  const points: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? radius * 0.52 : radius * 0.21;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + r * Math.cos(angle), cy - radius * 0.07 + r * Math.sin(angle)]);
  }
  pdf.polygon(...points).fill('#ffd700');
  pdf.restore();
}
