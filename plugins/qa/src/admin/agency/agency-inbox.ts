import { AgencyInbox } from './agency-inbox.element.js';

AgencyInbox.define('qa-agency-inbox', 'qa');

declare global {
  interface HTMLElementTagNameMap {
    'qa-agency-inbox': AgencyInbox;
  }
}

export { AgencyInbox };
