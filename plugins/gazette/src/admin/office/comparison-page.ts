import { ComparisonPage } from './comparison-page.element.js';

ComparisonPage.define('gazette-comparison', 'gazette');

declare global {
  interface HTMLElementTagNameMap {
    'gazette-comparison': ComparisonPage;
  }
}

export { ComparisonPage };
