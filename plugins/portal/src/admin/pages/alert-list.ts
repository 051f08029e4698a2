import { AlertList } from './alert-list.element.js';

AlertList.define('portal-alert-list', 'portal');

declare global {
  interface HTMLElementTagNameMap {
    'portal-alert-list': AlertList;
  }
}

export { AlertList };
