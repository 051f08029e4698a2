import { SyndicationQueue } from './syndication-queue.element.js';

SyndicationQueue.define('sites-syndication-queue', 'sites');

declare global {
  interface HTMLElementTagNameMap {
    'sites-syndication-queue': SyndicationQueue;
  }
}

export { SyndicationQueue };
