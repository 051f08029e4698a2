import { IdeasPage } from './ideas-page.element.js';

IdeasPage.define('qa-ideas', 'qa');

declare global {
  interface HTMLElementTagNameMap {
    'qa-ideas': IdeasPage;
  }
}

export { IdeasPage };
