// The gazette office's pages: the intake register, the comparison, the deadline dashboard.
export { IntakeRegister } from './intake-register.js';
export { ComparisonPage } from './comparison-page.js';
export { DeadlineDashboardPage } from './deadline-dashboard.js';
