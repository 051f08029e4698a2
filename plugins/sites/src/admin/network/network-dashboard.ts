import { NetworkDashboardPage } from './network-dashboard.element.js';

NetworkDashboardPage.define('sites-network', 'sites');

declare global {
  interface HTMLElementTagNameMap {
    'sites-network': NetworkDashboardPage;
  }
}

export { NetworkDashboardPage };
