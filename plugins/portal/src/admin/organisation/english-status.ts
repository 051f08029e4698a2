import { EnglishStatus } from './english-status.element.js';

EnglishStatus.define('portal-organisation-english', 'portal');

declare global {
  interface HTMLElementTagNameMap {
    'portal-organisation-english': EnglishStatus;
  }
}

export { EnglishStatus };
