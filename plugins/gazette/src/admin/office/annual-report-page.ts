import { AnnualReportPage } from './annual-report-page.element.js';

AnnualReportPage.define('gazette-annual-report', 'gazette');

declare global {
  interface HTMLElementTagNameMap {
    'gazette-annual-report': AnnualReportPage;
  }
}

export { AnnualReportPage };
