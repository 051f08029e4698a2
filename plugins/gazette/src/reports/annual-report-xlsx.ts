import type { AnnualReport } from './annual-report.schema.js';
import type { ReportHeading } from './report-heading.js';
import { xlsxWorkbook, type WorkbookSheet } from './xlsx-workbook.js';

/**
 * The report as a workbook: a first sheet with the heading, period, basis and due date, then one
 * sheet per table (header row, numbers as numbers), for the office to rework or merge with others.
 */
export function annualReportXlsx(report: AnnualReport, heading: ReportHeading): Uint8Array {
  const cover: WorkbookSheet = {
    name: 'Thông tin',
    header: ['Mục', 'Nội dung'],
    rows: [
      ['Báo cáo', heading.subtitle],
      ['Cơ quan', `${heading.agency} ${heading.parentAgency}`],
      ['Từ ngày', report.from],
      ['Đến ngày', report.to],
      ['Căn cứ', report.basis.citation ?? ''],
      ['Hạn gửi báo cáo', report.basis.dueDate ?? ''],
      ['Lập lúc', report.generatedAt],
    ],
  };
  const sheets = report.tables.map((table): WorkbookSheet => ({
    name: table.title.vi,
    header: table.columns.map((c) => c.label.vi),
    rows: table.rows.map((row) => table.columns.map((c) => row[c.key] ?? '')),
  }));
  return xlsxWorkbook([cover, ...sheets], heading.fileTitle);
}
