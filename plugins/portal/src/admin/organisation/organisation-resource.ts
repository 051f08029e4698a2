import { OrganisationResource } from './organisation-resource.element.js';

OrganisationResource.define('portal-organisation-resource', 'portal');

declare global {
  interface HTMLElementTagNameMap {
    'portal-organisation-resource': OrganisationResource;
  }
}

export { OrganisationResource };
