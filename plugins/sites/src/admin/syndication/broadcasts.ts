import { Broadcasts } from './broadcasts.element.js';

Broadcasts.define('sites-broadcasts', 'sites');

declare global {
  interface HTMLElementTagNameMap {
    'sites-broadcasts': Broadcasts;
  }
}

export { Broadcasts };
