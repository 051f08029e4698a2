import { GreetingCount } from './greeting-count.element.js';

GreetingCount.define('hello-greeting-count', 'hello');

declare global {
  interface HTMLElementTagNameMap {
    'hello-greeting-count': GreetingCount;
  }
}

export { GreetingCount };
