import { PortalAlert } from './portal-alert.element.js';

// A page may load the bundle twice: define once.
if (!customElements.get('cong-portal-alert')) customElements.define('cong-portal-alert', PortalAlert);

declare global {
  interface HTMLElementTagNameMap {
    'cong-portal-alert': PortalAlert;
  }
}

export { PortalAlert };
