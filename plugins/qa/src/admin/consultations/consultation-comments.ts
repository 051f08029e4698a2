import { ConsultationComments } from './consultation-comments.element.js';

ConsultationComments.define('qa-consultation-comments', 'qa');

declare global {
  interface HTMLElementTagNameMap {
    'qa-consultation-comments': ConsultationComments;
  }
}

export { ConsultationComments };
