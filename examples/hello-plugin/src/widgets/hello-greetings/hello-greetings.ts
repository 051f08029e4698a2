import { HelloGreetings } from './hello-greetings.element.js';

// A page may load the bundle twice (two embeds, or two units): define once.
if (!customElements.get('cong-hello-greetings')) customElements.define('cong-hello-greetings', HelloGreetings);

declare global {
  interface HTMLElementTagNameMap {
    'cong-hello-greetings': HelloGreetings;
  }
}

export { HelloGreetings };
