import { PortalLatest } from './portal-latest.element.js';

// A page may load the bundle twice: define once.
if (!customElements.get('cong-portal-latest')) customElements.define('cong-portal-latest', PortalLatest);

declare global {
  interface HTMLElementTagNameMap {
    'cong-portal-latest': PortalLatest;
  }
}

export { PortalLatest };
