import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableBorders, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { AnnualReport, ReportTable } from './annual-report.schema.js';
import type { ReportHeading } from './report-heading.js';

const FONT = 'Times New Roman';
/** Half-points: 13 pt body, 12 pt tables, 14 pt headings (NĐ 30/2020/NĐ-CP). */
const BODY = 26;
const SMALL = 24;
const LARGE = 28;
/** Twips per millimetre. */
const MM = 56.7;

const run = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) => new TextRun({ text, font: FONT, size: options.size ?? BODY, bold: options.bold ?? false, italics: options.italics ?? false });

function line(text: string, options: { bold?: boolean; italics?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number } = {}): Paragraph {
  return new Paragraph({ alignment: options.align ?? AlignmentType.JUSTIFIED, spacing: { after: options.after ?? 120 }, children: [run(text, options)] });
}

const centred = (text: string, options: { bold?: boolean; italics?: boolean; size?: number; after?: number } = {}) => line(text, { ...options, align: AlignmentType.CENTER, after: options.after ?? 0 });

/** Two columns without borders: the agency block and the national name (and, below, recipients and signer). */
function twoColumns(left: Paragraph[], right: Paragraph[], leftShare = 40): Table {
  const cellOf = (children: Paragraph[], share: number) => new TableCell({ width: { size: share, type: WidthType.PERCENTAGE }, borders: TableBorders.NONE, children });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: TableBorders.NONE, rows: [new TableRow({ children: [cellOf(left, leftShare), cellOf(right, 100 - leftShare)] })] });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const gridBorders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

function dataTable(table: ReportTable): Table {
  const header = new TableRow({
    tableHeader: true,
    children: [
      new TableCell({ children: [centred('TT', { bold: true, size: SMALL })] }),
      ...table.columns.map((c) => new TableCell({ children: [centred(c.label.vi, { bold: true, size: SMALL })] })),
    ],
  });
  const rows = table.rows.map(
    (row, i) =>
      new TableRow({
        children: [
          new TableCell({ children: [centred(String(i + 1), { size: SMALL })] }),
          ...table.columns.map((c) => {
            const value = row[c.key] ?? '';
            return new TableCell({ children: [line(String(value), { size: SMALL, after: 0, align: typeof value === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT })] });
          }),
        ],
      }),
  );
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: gridBorders, rows: [header, ...(rows.length > 0 ? rows : [new TableRow({ children: [new TableCell({ columnSpan: table.columns.length + 1, children: [line('Không có số liệu.', { size: SMALL, italics: true, after: 0 })] })] })])] });
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V'];

/**
 * The report as an official-style Word document (NĐ 30/2020/NĐ-CP layout): the agency and the
 * national name side by side, the number line, place and date, the title, the basis, the overview,
 * one numbered table per part, then recipients and the signature block. A4, Times New Roman.
 */
export async function annualReportDocx(report: AnnualReport, heading: ReportHeading): Promise<Uint8Array> {
  const sections = report.tables.flatMap((table, i) => [line(`${i + 1}. ${table.title.vi}`, { bold: true, after: 120 }), dataTable(table), line('', { after: 120 })]);
  const document = new Document({
    creator: heading.agency,
    title: heading.fileTitle,
    description: heading.subtitle,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: { page: { size: { width: Math.round(210 * MM), height: Math.round(297 * MM) }, margin: { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) } } },
        children: [
          twoColumns(
            [centred(heading.parentAgency, { size: SMALL }), centred(heading.agency, { bold: true, size: SMALL }), centred('_______', { after: 120 }), centred(heading.numberLine)],
            [centred(heading.nationalName, { bold: true, size: SMALL }), centred(heading.motto, { bold: true, size: LARGE }), centred('_______________', { after: 120 }), centred(heading.placeAndDate, { italics: true })],
          ),
          line('', { after: 240 }),
          centred(heading.title, { bold: true, size: LARGE }),
          centred(heading.subtitle, { bold: true, size: LARGE, after: 240 }),
          line(`${ROMAN[0]}. CĂN CỨ BÁO CÁO`, { bold: true }),
          line(heading.basisLine),
          line(heading.dueLine),
          line(`${ROMAN[1]}. KẾT QUẢ THỰC HIỆN`, { bold: true }),
          line(heading.overview),
          ...sections,
          line('', { after: 240 }),
          twoColumns(
            [line(heading.recipientsTitle, { bold: true, italics: true, size: SMALL, after: 0, align: AlignmentType.LEFT }), ...heading.recipients.map((r) => line(r, { size: 22, after: 0, align: AlignmentType.LEFT }))],
            [centred(heading.signerTitle, { bold: true }), centred(heading.signerNote, { italics: true })],
            50,
          ),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
