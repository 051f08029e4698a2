import { SiteRegistry } from './site-registry.element.js';

SiteRegistry.define('sites-registry', 'sites');

declare global {
  interface HTMLElementTagNameMap {
    'sites-registry': SiteRegistry;
  }
}

export { SiteRegistry };
