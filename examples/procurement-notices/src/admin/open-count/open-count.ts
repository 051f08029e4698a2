import { OpenCount } from './open-count.element.js';

OpenCount.define('procurement-open-count', 'procurement');

declare global {
  interface HTMLElementTagNameMap {
    'procurement-open-count': OpenCount;
  }
}

export { OpenCount };
