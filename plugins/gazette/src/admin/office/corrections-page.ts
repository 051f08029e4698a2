import { CorrectionsPage } from './corrections-page.element.js';

CorrectionsPage.define('gazette-corrections', 'gazette');

declare global {
  interface HTMLElementTagNameMap {
    'gazette-corrections': CorrectionsPage;
  }
}

export { CorrectionsPage };
