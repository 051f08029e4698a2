import { SubmissionsPage } from './submissions-page.element.js';

SubmissionsPage.define('gazette-submissions', 'gazette');

declare global {
  interface HTMLElementTagNameMap {
    'gazette-submissions': SubmissionsPage;
  }
}

export { SubmissionsPage };
