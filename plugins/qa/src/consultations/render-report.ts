import type { RouteResponse } from '@cong/sdk';
import { acceptanceReportCsv } from './acceptance-report-csv.js';
import { acceptanceReportDocx } from './acceptance-report-docx.js';
import { acceptanceReportPdf } from './acceptance-report-pdf.js';
import type { AcceptanceReport } from './acceptance-report.js';
import { fileDownload, MEDIA_TYPES } from './file-download.js';

/** The report as a download named after the draft: `Bao cao tiep thu giai trinh - <title>.<format>`. */
export async function reportDownload(report: AcceptanceReport, format: 'docx' | 'pdf' | 'csv', cache?: string): Promise<RouteResponse> {
  const name = `Báo cáo tiếp thu giải trình - ${report.title.slice(0, 120).replace(/[\\/:*?"<>|]/g, ' ')}.${format}`;
  const bytes = format === 'docx' ? await acceptanceReportDocx(report) : format === 'pdf' ? await acceptanceReportPdf(report) : acceptanceReportCsv(report);
  return fileDownload(bytes, name, MEDIA_TYPES[format], cache);
}
