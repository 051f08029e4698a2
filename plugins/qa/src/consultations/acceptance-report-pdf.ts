import PDFKitDocument from 'pdfkit';
import { vnDate, type AcceptanceReport } from './acceptance-report.js';
import { reportFont } from './report-fonts.js';

const MM = 72 / 25.4;
const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const PAD = 1.5 * MM;
const TABLE_SIZE = 10;

type Pdf = PDFKit.PDFDocument;

/** Draws a bordered table, repeating its header row on each new page. */
function table(pdf: Pdf, header: readonly string[], rows: readonly (readonly string[] | string)[], shares: readonly number[], left: number, width: number, bottom: number): void {
  const widths = shares.map((s) => s * width);
  const heightOf = (cells: readonly string[], font: string) => {
    pdf.font(font).fontSize(TABLE_SIZE);
    return Math.max(...cells.map((c, i) => pdf.heightOfString(c, { width: widths[i]! - 2 * PAD }))) + 2 * PAD;
  };
  const draw = (cells: readonly string[], font: string, isHeader: boolean) => {
    const height = heightOf(cells, font);
    if (pdf.y + height > bottom) {
      pdf.addPage();
      pdf.y = MARGINS.top;
      if (!isHeader) draw(header, 'bold', true);
    }
    const top = pdf.y;
    let x = left;
    cells.forEach((c, i) => {
      pdf.save().lineWidth(0.5).rect(x, top, widths[i]!, height).stroke().restore();
      pdf.font(font).fontSize(TABLE_SIZE).fillColor('#000').text(c, x + PAD, top + PAD, { width: widths[i]! - 2 * PAD, align: isHeader ? 'center' : 'left' });
      x += widths[i]!;
    });
    pdf.y = top + height;
  };
  const span = (textValue: string) => {
    pdf.font('bold').fontSize(TABLE_SIZE);
    const height = pdf.heightOfString(textValue, { width: width - 2 * PAD }) + 2 * PAD;
    if (pdf.y + height > bottom) {
      pdf.addPage();
      pdf.y = MARGINS.top;
      draw(header, 'bold', true);
    }
    const top = pdf.y;
    pdf.save().lineWidth(0.5).rect(left, top, width, height).stroke().restore();
    pdf.font('bold').fontSize(TABLE_SIZE).text(textValue, left + PAD, top + PAD, { width: width - 2 * PAD });
    pdf.y = top + height;
  };
  draw(header, 'bold', true);
  for (const row of rows) {
    if (typeof row === 'string') span(row);
    else draw(row, 'regular', false);
  }
}

/**
 * The report on acceptance and explanation as a PDF laid out by pdfkit with a serif font that has
 * every Vietnamese glyph; the same wording as the DOCX.
 */
export function acceptanceReportPdf(report: AcceptanceReport): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFKitDocument({ size: 'A4', margins: MARGINS, info: { Title: `Báo cáo tiếp thu, giải trình: ${report.title}`, Author: report.unit, Producer: 'Cổng' }, lang: 'vi-VN' });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
    try {
      pdf.registerFont('regular', reportFont('regular'));
      pdf.registerFont('bold', reportFont('bold'));
      pdf.registerFont('italic', reportFont('italic'));
      const left = MARGINS.left;
      const width = pdf.page.width - MARGINS.left - MARGINS.right;
      const bottom = pdf.page.height - MARGINS.bottom;
      const paragraph = (value: string, font: 'regular' | 'bold' | 'italic' = 'regular', align: 'justify' | 'center' = 'justify', size = 13) => {
        pdf.font(font).fontSize(size);
        if (pdf.y + pdf.heightOfString(value, { width }) > bottom) {
          pdf.addPage();
          pdf.y = MARGINS.top;
        }
        pdf.text(value, left, pdf.y, { width, align });
        pdf.moveDown(0.4);
      };
      paragraph(report.unit.toLocaleUpperCase('vi'), 'bold', 'center', 12);
      pdf.moveDown(1);
      paragraph('BÁO CÁO', 'bold', 'center', 14);
      paragraph('Tiếp thu, giải trình ý kiến góp ý đối với dự thảo', 'bold', 'center');
      paragraph(report.title, 'bold', 'center');
      pdf.moveDown(0.6);
      paragraph(`Thời gian lấy ý kiến: từ ngày ${vnDate(report.opensOn)} đến ngày ${vnDate(report.closesOn)}.`);
      paragraph(`Tổng số ý kiến: ${report.totals.comments}; tiếp thu: ${report.totals.accepted}; tiếp thu một phần: ${report.totals.partly}; không tiếp thu: ${report.totals.notAccepted}.`);
      paragraph('I. Ý KIẾN CỦA TỔ CHỨC, CÁ NHÂN VÀ VIỆC TIẾP THU, GIẢI TRÌNH', 'bold');
      let n = 0;
      const rows: (string[] | string)[] = [];
      for (const section of report.sections) {
        rows.push(section.heading);
        for (const c of section.comments) rows.push([String(++n), c.commenter, c.comment, c.decisionLabel, c.explanation]);
      }
      if (n === 0) rows.push('Không có ý kiến góp ý.');
      table(pdf, ['TT', 'Tổ chức, cá nhân', 'Nội dung góp ý', 'Tiếp thu', 'Giải trình'], rows, [0.06, 0.17, 0.33, 0.14, 0.3], left, width, bottom);
      pdf.moveDown(1);
      paragraph('II. Ý KIẾN CỦA CÁC CƠ QUAN ĐƯỢC LẤY Ý KIẾN', 'bold');
      if (report.agencies.length === 0) paragraph('Không có cơ quan được lấy ý kiến.', 'italic');
      else
        table(
          pdf,
          ['TT', 'Cơ quan', 'Hạn trả lời', 'Ngày trả lời', 'Ý kiến'],
          report.agencies.map((a, i) => [String(i + 1), a.unit, vnDate(a.deadlineOn), a.repliedOn ? `${vnDate(a.repliedOn)}${a.late ? ' (quá hạn)' : ''}` : '—', `${a.reply}${a.file ? `\nTệp: ${a.file}` : ''}`]),
          [0.06, 0.22, 0.14, 0.16, 0.42],
          left,
          width,
          bottom,
        );
      if (report.outcome) {
        pdf.moveDown(1);
        paragraph('III. KẾT QUẢ', 'bold');
        paragraph(report.outcome);
      }
      pdf.end();
    } catch (error) {
      reject(error);
    }
  });
}
