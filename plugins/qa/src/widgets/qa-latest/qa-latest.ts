import { QaLatest } from './qa-latest.element.js';

// A page may load the bundle twice: define once.
if (!customElements.get('cong-qa-latest')) customElements.define('cong-qa-latest', QaLatest);

declare global {
  interface HTMLElementTagNameMap {
    'cong-qa-latest': QaLatest;
  }
}

export { QaLatest };
