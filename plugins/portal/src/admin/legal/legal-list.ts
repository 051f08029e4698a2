import { LegalList } from './legal-list.element.js';

LegalList.define('portal-legal-list', 'portal');

declare global {
  interface HTMLElementTagNameMap {
    'portal-legal-list': LegalList;
  }
}

export { LegalList };
