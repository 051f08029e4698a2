import { PublicationReview } from './publication-review.element.js';

PublicationReview.define('qa-publication-review', 'qa');

declare global {
  interface HTMLElementTagNameMap {
    'qa-publication-review': PublicationReview;
  }
}

export { PublicationReview };
