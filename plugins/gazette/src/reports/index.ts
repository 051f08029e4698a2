// The annual report of the gazette office to the Government Office (GAZ-32): figures from the office's
// records, as JSON, DOCX, XLSX and PDF; its due date and legal basis are a rule pack.
import type { PluginRegistrar } from '@cong/sdk';
import { publicationConfig } from '../publication/publication-config.js';
import { annualReportRulePack } from './annual-report-rules.js';
import { annualReportRoutes } from './annual-report.routes.js';

export function registerReports(reg: PluginRegistrar): void {
  const config = publicationConfig(reg);
  reg.rules(annualReportRulePack);
  reg.routes((route) => annualReportRoutes(route, config));
}

export { AnnualReportService } from './annual-report.service.js';
export { ANNUAL_REPORT_RULE } from './annual-report-rules.js';
export type { AnnualReport, ReportTable } from './annual-report.schema.js';
