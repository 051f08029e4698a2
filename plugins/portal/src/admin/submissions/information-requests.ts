import { InformationRequests } from './information-requests.element.js';

InformationRequests.define('portal-information-requests', 'portal');

declare global {
  interface HTMLElementTagNameMap {
    'portal-information-requests': InformationRequests;
  }
}

export { InformationRequests };
