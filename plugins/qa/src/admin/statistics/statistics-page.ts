import { StatisticsPage } from './statistics-page.element.js';

StatisticsPage.define('qa-statistics', 'qa');

declare global {
  interface HTMLElementTagNameMap {
    'qa-statistics': StatisticsPage;
  }
}

export { StatisticsPage };
