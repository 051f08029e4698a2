import { DeadlineDashboardPage } from './deadline-dashboard.element.js';

DeadlineDashboardPage.define('gazette-deadlines', 'gazette');

declare global {
  interface HTMLElementTagNameMap {
    'gazette-deadlines': DeadlineDashboardPage;
  }
}

export { DeadlineDashboardPage };
