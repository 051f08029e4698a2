import { Inbox } from './inbox.element.js';

Inbox.define('portal-inbox', 'portal');

declare global {
  interface HTMLElementTagNameMap {
    'portal-inbox': Inbox;
  }
}

export { Inbox };
