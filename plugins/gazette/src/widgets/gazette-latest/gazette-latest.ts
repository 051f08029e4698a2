import { GazetteLatest } from './gazette-latest.element.js';

// A page may load the bundle twice: define once.
if (!customElements.get('cong-gazette-latest')) customElements.define('cong-gazette-latest', GazetteLatest);

declare global {
  interface HTMLElementTagNameMap {
    'cong-gazette-latest': GazetteLatest;
  }
}

export { GazetteLatest };
