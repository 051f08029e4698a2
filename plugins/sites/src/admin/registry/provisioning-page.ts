import { ProvisioningPage } from './provisioning-page.element.js';

ProvisioningPage.define('sites-provisioning', 'sites');

declare global {
  interface HTMLElementTagNameMap {
    'sites-provisioning': ProvisioningPage;
  }
}

export { ProvisioningPage };
