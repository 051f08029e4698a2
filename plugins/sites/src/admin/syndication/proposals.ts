import { Proposals } from './proposals.element.js';

Proposals.define('sites-proposals', 'sites');

declare global {
  interface HTMLElementTagNameMap {
    'sites-proposals': Proposals;
  }
}

export { Proposals };
