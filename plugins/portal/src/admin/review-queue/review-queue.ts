import { ReviewQueue } from './review-queue.element.js';

ReviewQueue.define('portal-review-queue', 'portal');

declare global {
  interface HTMLElementTagNameMap {
    'portal-review-queue': ReviewQueue;
  }
}

export { ReviewQueue };
