import { ConsultationsPage } from './consultations.element.js';

ConsultationsPage.define('qa-consultations', 'qa');

declare global {
  interface HTMLElementTagNameMap {
    'qa-consultations': ConsultationsPage;
  }
}

export { ConsultationsPage };
