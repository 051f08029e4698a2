import { RoyaltiesPage } from './royalties-page.element.js';

RoyaltiesPage.define('portal-royalties-page', 'portal');

declare global {
  interface HTMLElementTagNameMap {
    'portal-royalties-page': RoyaltiesPage;
  }
}

export { RoyaltiesPage };
