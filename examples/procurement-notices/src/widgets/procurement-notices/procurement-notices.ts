import { ProcurementNotices } from './procurement-notices.element.js';

// A page may load the bundle twice (two embeds, or two units): define once.
if (!customElements.get('cong-procurement-notices')) customElements.define('cong-procurement-notices', ProcurementNotices);

declare global {
  interface HTMLElementTagNameMap {
    'cong-procurement-notices': ProcurementNotices;
  }
}

export { ProcurementNotices };
