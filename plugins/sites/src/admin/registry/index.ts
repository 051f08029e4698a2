// The registry area's admin elements: the network of sites and bulk provisioning.
export { SiteRegistry } from './site-registry.js';
export { ProvisioningPage } from './provisioning-page.js';
