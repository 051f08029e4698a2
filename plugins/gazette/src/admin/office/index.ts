// The gazette office's pages: the intake register, the comparison, the deadline dashboard, the issues
// (with their publication), the corrections and the annual report.
export { IntakeRegister } from './intake-register.js';
export { ComparisonPage } from './comparison-page.js';
export { DeadlineDashboardPage } from './deadline-dashboard.js';
export { IssuesPage } from './issues-page.js';
export { CorrectionsPage } from './corrections-page.js';
export { AnnualReportPage } from './annual-report-page.js';
