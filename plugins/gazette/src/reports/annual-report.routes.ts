import { Readable } from 'node:stream';
import { coreServices, respond, type PluginContext, type RouteBuilder } from '@cong/sdk';
import { RECEIVE } from '../intake/intake-request.js';
import { vietnamDate } from '../intake/vietnam-date.js';
import type { PublicationConfig } from '../publication/publication-config.js';
import { callingOffice } from '../publication/publication-store.js';
import { annualReportDocx } from './annual-report-docx.js';
import { annualReportPdf } from './annual-report-pdf.js';
import { annualReportXlsx } from './annual-report-xlsx.js';
import { annualReportQuery, annualReportSchema, type AnnualReport, type ReportFormat } from './annual-report.schema.js';
import { AnnualReportService } from './annual-report.service.js';
import { reportHeading, type ReportAgency, type ReportHeading } from './report-heading.js';
import { reportPeriod } from './report-period.js';

const MEDIA_TYPES: Readonly<Record<Exclude<ReportFormat, 'json'>, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** RFC 5987/6266: an ASCII fallback and the Vietnamese name, percent-encoded as UTF-8. */
export function attachmentDisposition(asciiName: string, name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

async function agencyOf(ctx: PluginContext, officeId: string, config: PublicationConfig): Promise<ReportAgency> {
  const office = await ctx.get(coreServices.tenancy).get(officeId);
  // The same defaults as the issues' last page (publication config), so the report and the gazette agree.
  const provinceName = config.provinceName ?? (office?.nameVi ?? officeId).replace(/^Tỉnh\s+/iu, '').replace(/^Thành phố\s+/iu, '');
  return { provinceName, officeName: config.publisher.name ?? `Văn phòng Ủy ban nhân dân tỉnh ${provinceName}` };
}

function render(format: Exclude<ReportFormat, 'json'>, report: AnnualReport, heading: ReportHeading): Promise<Uint8Array> {
  if (format === 'docx') return annualReportDocx(report, heading);
  if (format === 'xlsx') return Promise.resolve(annualReportXlsx(report, heading));
  return annualReportPdf(report, heading);
}

/** The annual report of the gazette office to the Government Office (GAZ-32), under /api/gazette/reports. */
export function annualReportRoutes(route: RouteBuilder, config: PublicationConfig): void {
  route.get('/reports/annual', {
    summary: { vi: 'Báo cáo tình hình thực hiện công tác Công báo hằng năm', en: 'Annual report on the gazette work' },
    description:
      'For the gazette office (the root unit; any other unit is 404): the figures of a year, or of `from`…`to`, from the office\'s records. ' +
      '`format=json` (default) answers the data; `docx`, `xlsx` and `pdf` download the report with a Vietnamese file name ' +
      '(`application/vnd.openxmlformats-officedocument.wordprocessingml.document`, `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`, `application/pdf`).',
    permission: RECEIVE,
    produces: MEDIA_TYPES.docx,
    schema: { query: annualReportQuery, response: { 200: annualReportSchema } },
    handler: async (req, ctx) => {
      const period = reportPeriod(req.query.year, req.query.from, req.query.to);
      const officeId = await callingOffice(ctx, req);
      const report = await new AnnualReportService(ctx).build(officeId, period);
      const format = req.query.format ?? 'json';
      if (format === 'json') return respond(200, report, { 'cache-control': 'no-store' });
      const heading = reportHeading(report, await agencyOf(ctx, officeId, config), vietnamDate(Date.now()));
      const bytes = await render(format, report, heading);
      return respond(200, Readable.from([Buffer.from(bytes)]), {
        'content-type': MEDIA_TYPES[format],
        'content-length': String(bytes.byteLength),
        'content-disposition': attachmentDisposition(`${heading.fileStem}.${format}`, `${heading.fileTitle}.${format}`),
        'cache-control': 'no-store',
      });
    },
  });
}
