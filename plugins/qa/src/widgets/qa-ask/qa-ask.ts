import { QaAsk } from './qa-ask.element.js';

// A page may load the bundle twice: define once.
if (!customElements.get('cong-qa-ask')) customElements.define('cong-qa-ask', QaAsk);

declare global {
  interface HTMLElementTagNameMap {
    'cong-qa-ask': QaAsk;
  }
  interface GlobalEventHandlersEventMap {
    'cong-qa-asked': CustomEvent<{ id: string }>;
  }
}

export { QaAsk };
