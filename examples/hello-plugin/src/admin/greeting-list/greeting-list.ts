import { GreetingList } from './greeting-list.element.js';

GreetingList.define('hello-greeting-list', 'hello');

declare global {
  interface HTMLElementTagNameMap {
    'hello-greeting-list': GreetingList;
  }
  interface CongEventMap {
    'hello-greeting-created': { readonly id: string };
  }
}

export { GreetingList };
