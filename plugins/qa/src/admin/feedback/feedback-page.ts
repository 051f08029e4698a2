import { FeedbackPage } from './feedback-page.element.js';

FeedbackPage.define('qa-feedback', 'qa');

declare global {
  interface HTMLElementTagNameMap {
    'qa-feedback': FeedbackPage;
  }
}

export { FeedbackPage };
