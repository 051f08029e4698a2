import { ConsultationRequests } from './consultation-requests.element.js';

ConsultationRequests.define('qa-consultation-requests', 'qa');

declare global {
  interface HTMLElementTagNameMap {
    'qa-consultation-requests': ConsultationRequests;
  }
}

export { ConsultationRequests };
