import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { vnDate, type AcceptanceReport } from './acceptance-report.js';

const FONT = 'Times New Roman';
/** Half-points: 13 pt body, 12 pt tables, 14 pt title (NĐ 30/2020/NĐ-CP). */
const BODY = 26;
const SMALL = 24;
const LARGE = 28;
const MM = 56.7;

const para = (text: string, options: { bold?: boolean; italics?: boolean; size?: number; center?: boolean; after?: number } = {}) =>
  new Paragraph({
    alignment: options.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    spacing: { after: options.after ?? 120 },
    // A cell's text may hold line breaks: one run per line.
    children: text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, font: FONT, size: options.size ?? BODY, bold: options.bold ?? false, italics: options.italics ?? false })),
  });

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
const cell = (text: string, bold = false, span?: number) => new TableCell({ ...(span ? { columnSpan: span } : {}), children: [para(text, { bold, size: SMALL, after: 0 })] });

/**
 * The report on acceptance and explanation (báo cáo tiếp thu, giải trình) as a Word document: title,
 * the consultation's facts, one table of comments and answers grouped by article, the consulted
 * agencies' replies, and the outcome. A4, Times New Roman.
 */
export async function acceptanceReportDocx(report: AcceptanceReport): Promise<Uint8Array> {
  const header = new TableRow({ tableHeader: true, children: ['TT', 'Tổ chức, cá nhân góp ý', 'Nội dung góp ý', 'Tiếp thu', 'Giải trình'].map((h) => cell(h, true)) });
  const rows: TableRow[] = [header];
  let n = 0;
  for (const section of report.sections) {
    rows.push(new TableRow({ children: [cell(section.heading, true, 5)] }));
    for (const c of section.comments) rows.push(new TableRow({ children: [cell(String(++n)), cell(c.commenter), cell(c.comment), cell(c.decisionLabel), cell(c.explanation)] }));
  }
  if (n === 0) rows.push(new TableRow({ children: [cell('Không có ý kiến góp ý.', false, 5)] }));
  const agencyRows = [
    new TableRow({ tableHeader: true, children: ['TT', 'Cơ quan được lấy ý kiến', 'Hạn trả lời', 'Ngày trả lời', 'Ý kiến'].map((h) => cell(h, true)) }),
    ...report.agencies.map((a, i) => new TableRow({ children: [cell(String(i + 1)), cell(a.unit), cell(vnDate(a.deadlineOn)), cell(a.repliedOn ? `${vnDate(a.repliedOn)}${a.late ? ' (quá hạn)' : ''}` : '—'), cell(`${a.reply}${a.file ? `\nTệp: ${a.file}` : ''}`)] })),
  ];
  const document = new Document({
    creator: report.unit,
    title: `Báo cáo tiếp thu, giải trình: ${report.title}`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: { page: { size: { width: Math.round(210 * MM), height: Math.round(297 * MM) }, margin: { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) } } },
        children: [
          para(report.unit.toLocaleUpperCase('vi'), { bold: true, center: true, size: SMALL, after: 240 }),
          para('BÁO CÁO', { bold: true, center: true, size: LARGE, after: 0 }),
          para('Tiếp thu, giải trình ý kiến góp ý đối với dự thảo', { bold: true, center: true, after: 0 }),
          para(report.title, { bold: true, center: true, after: 240 }),
          para(`Thời gian lấy ý kiến: từ ngày ${vnDate(report.opensOn)} đến ngày ${vnDate(report.closesOn)}.`),
          para(`Tổng số ý kiến: ${report.totals.comments}; tiếp thu: ${report.totals.accepted}; tiếp thu một phần: ${report.totals.partly}; không tiếp thu: ${report.totals.notAccepted}.`),
          para('I. Ý KIẾN CỦA TỔ CHỨC, CÁ NHÂN VÀ VIỆC TIẾP THU, GIẢI TRÌNH', { bold: true }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders, rows }),
          para('', { after: 120 }),
          para('II. Ý KIẾN CỦA CÁC CƠ QUAN ĐƯỢC LẤY Ý KIẾN', { bold: true }),
          report.agencies.length === 0 ? para('Không có cơ quan được lấy ý kiến.', { italics: true }) : new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders, rows: agencyRows }),
          para('', { after: 120 }),
          ...(report.outcome ? [para('III. KẾT QUẢ', { bold: true }), para(report.outcome)] : []),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
