import { OrganisationPage } from './organisation-page.element.js';

OrganisationPage.define('portal-organisation-page', 'portal');

declare global {
  interface HTMLElementTagNameMap {
    'portal-organisation-page': OrganisationPage;
  }
}

export { OrganisationPage };
