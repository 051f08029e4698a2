import type { AcceptanceReport } from './acceptance-report.js';

/** A CSV cell: quoted, quotes doubled, and a leading `= + - @` neutralised (formula injection in spreadsheets). */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Every comment with its answer, one row each, then the agencies' replies; UTF-8 with a BOM so spreadsheets read Vietnamese. */
export function acceptanceReportCsv(report: AcceptanceReport): string {
  const lines = [['Điều', 'Tổ chức, cá nhân góp ý', 'Nội dung góp ý', 'Tiếp thu', 'Giải trình'].map(csvCell).join(',')];
  for (const section of report.sections) for (const c of section.comments) lines.push([section.heading, c.commenter, c.comment, c.decisionLabel, c.explanation].map(csvCell).join(','));
  for (const a of report.agencies) lines.push(['Cơ quan được lấy ý kiến', a.unit, a.reply, a.late ? 'Quá hạn' : '', a.file ?? ''].map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
