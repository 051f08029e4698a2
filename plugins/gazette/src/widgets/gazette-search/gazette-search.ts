import { GazetteSearch } from './gazette-search.element.js';

// A page may load the bundle twice: define once.
if (!customElements.get('cong-gazette-search')) customElements.define('cong-gazette-search', GazetteSearch);

declare global {
  interface HTMLElementTagNameMap {
    'cong-gazette-search': GazetteSearch;
  }
}

export { GazetteSearch };
