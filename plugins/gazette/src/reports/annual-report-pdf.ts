import PDFKitDocument from 'pdfkit';
import { readFontFile, resolveIssueFonts } from '../rendering/issue-fonts.js';
import type { AnnualReport, ReportCell, ReportTable } from './annual-report.schema.js';
import type { ReportHeading } from './report-heading.js';

const MM = 72 / 25.4;
const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const CELL_PADDING = 1.5 * MM;
const TABLE_FONT_SIZE = 9.5;

type Pdf = PDFKit.PDFDocument;

/** Column widths: the row number narrow, numbers narrow, text columns sharing what is left. */
function columnWidths(table: ReportTable, width: number): number[] {
  const numberColumn = 15 * MM;
  const numeric = table.columns.map((c) => table.rows.length > 0 && table.rows.every((r) => typeof r[c.key] === 'number'));
  const textCount = numeric.filter((n) => !n).length;
  const numericWidth = textCount === 0 ? (width - 9 * MM) / table.columns.length : Math.min(numberColumn, (width - 9 * MM) / (table.columns.length + 1));
  const textWidth = textCount === 0 ? 0 : (width - 9 * MM - numericWidth * (table.columns.length - textCount)) / textCount;
  return [9 * MM, ...numeric.map((n) => (n ? numericWidth : textWidth))];
}

function drawTable(pdf: Pdf, table: ReportTable, left: number, width: number, bottom: number): void {
  const widths = columnWidths(table, width);
  const rowHeight = (cells: readonly ReportCell[], font: string) => {
    pdf.font(font).fontSize(TABLE_FONT_SIZE);
    return Math.max(...cells.map((cell, i) => pdf.heightOfString(String(cell), { width: widths[i]! - 2 * CELL_PADDING }))) + 2 * CELL_PADDING;
  };
  const drawRow = (cells: readonly ReportCell[], font: string, header: boolean) => {
    const height = rowHeight(cells, font);
    if (pdf.y + height > bottom) {
      pdf.addPage();
      pdf.y = MARGINS.top;
      if (!header) drawRow(['TT', ...table.columns.map((c) => c.label.vi)], 'bold', true);
    }
    const top = pdf.y;
    let x = left;
    cells.forEach((cell, i) => {
      const w = widths[i]!;
      pdf.save().lineWidth(0.5).rect(x, top, w, height).stroke().restore();
      pdf.font(font).fontSize(TABLE_FONT_SIZE).fillColor('#000').text(String(cell), x + CELL_PADDING, top + CELL_PADDING, { width: w - 2 * CELL_PADDING, align: header ? 'center' : typeof cell === 'number' ? 'right' : 'left' });
      x += w;
    });
    pdf.y = top + height;
  };
  drawRow(['TT', ...table.columns.map((c) => c.label.vi)], 'bold', true);
  if (table.rows.length === 0) {
    pdf.font('italic').fontSize(TABLE_FONT_SIZE).text('Không có số liệu.', left, pdf.y + CELL_PADDING, { width });
    return;
  }
  table.rows.forEach((row, i) => drawRow([i + 1, ...table.columns.map((c) => row[c.key] ?? '')], 'regular', false));
}

/**
 * The report as a PDF laid out by pdfkit with the fonts issues are set in (Liberation Serif, else
 * DejaVu Serif: every Vietnamese glyph), the same wording as the DOCX: header, title, basis,
 * overview, the tables (their header row repeated on a new page), recipients and signature block.
 */
export function annualReportPdf(report: AnnualReport, heading: ReportHeading): Promise<Uint8Array> {
  const fonts = resolveIssueFonts();
  return new Promise((resolve, reject) => {
    const pdf = new PDFKitDocument({ size: 'A4', margins: MARGINS, info: { Title: heading.fileTitle, Author: heading.agency, Subject: heading.subtitle, Producer: 'Cổng' }, lang: 'vi-VN' });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
    try {
      pdf.registerFont('regular', Buffer.from(readFontFile(fonts.regular)));
      pdf.registerFont('bold', Buffer.from(readFontFile(fonts.bold)));
      pdf.registerFont('italic', Buffer.from(readFontFile(fonts.italic)));
      const left = MARGINS.left;
      const width = pdf.page.width - MARGINS.left - MARGINS.right;
      const bottom = pdf.page.height - MARGINS.bottom;
      const leftWidth = width * 0.45;
      const rightLeft = left + leftWidth;
      const rightWidth = width - leftWidth;

      const top = MARGINS.top;
      pdf.font('regular').fontSize(11).text(heading.parentAgency, left, top, { width: leftWidth, align: 'center' });
      pdf.font('bold').fontSize(12).text(heading.agency, { width: leftWidth, align: 'center' });
      pdf.font('regular').text('_______', { width: leftWidth, align: 'center' });
      pdf.font('regular').fontSize(13).text(heading.numberLine, { width: leftWidth, align: 'center' });
      const leftEnd = pdf.y;
      pdf.font('bold').fontSize(11).text(heading.nationalName, rightLeft, top, { width: rightWidth, align: 'center' });
      pdf.font('bold').fontSize(13).text(heading.motto, { width: rightWidth, align: 'center' });
      pdf.font('regular').text('_______________', { width: rightWidth, align: 'center' });
      pdf.font('italic').fontSize(13).text(heading.placeAndDate, { width: rightWidth, align: 'center' });
      pdf.y = Math.max(leftEnd, pdf.y) + 8 * MM;

      pdf.font('bold').fontSize(14).text(heading.title, left, pdf.y, { width, align: 'center' });
      pdf.font('bold').fontSize(14).text(heading.subtitle, { width, align: 'center' });
      pdf.moveDown(1);
      const paragraph = (text: string, font: 'regular' | 'bold' | 'italic' = 'regular') => {
        pdf.font(font).fontSize(13);
        if (pdf.y + pdf.heightOfString(text, { width }) > bottom) {
          pdf.addPage();
          pdf.y = MARGINS.top;
        }
        pdf.text(text, left, pdf.y, { width, align: 'justify' });
        pdf.moveDown(0.4);
      };
      paragraph('I. CĂN CỨ BÁO CÁO', 'bold');
      paragraph(heading.basisLine);
      paragraph(heading.dueLine);
      paragraph('II. KẾT QUẢ THỰC HIỆN', 'bold');
      paragraph(heading.overview);
      report.tables.forEach((table, i) => {
        // A title never ends a page alone: keep room for it and two rows.
        if (pdf.y + 20 * MM > bottom) {
          pdf.addPage();
          pdf.y = MARGINS.top;
        }
        paragraph(`${i + 1}. ${table.title.vi}`, 'bold');
        drawTable(pdf, table, left, width, bottom);
        pdf.moveDown(1);
      });

      if (pdf.y + 40 * MM > bottom) {
        pdf.addPage();
        pdf.y = MARGINS.top;
      }
      const signTop = pdf.y + 4 * MM;
      pdf.font('bold').fontSize(12).text(heading.recipientsTitle, left, signTop, { width: width / 2 });
      pdf.font('regular').fontSize(11);
      for (const r of heading.recipients) pdf.text(r, { width: width / 2 });
      pdf.font('bold').fontSize(13).text(heading.signerTitle, left + width / 2, signTop, { width: width / 2, align: 'center' });
      pdf.font('italic').fontSize(12).text(heading.signerNote, { width: width / 2, align: 'center' });
      pdf.end();
    } catch (error) {
      reject(error);
    }
  });
}
