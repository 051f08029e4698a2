import { DialogueConsole } from './dialogue-console.element.js';

DialogueConsole.define('qa-dialogue-console', 'qa');

declare global {
  interface HTMLElementTagNameMap {
    'qa-dialogue-console': DialogueConsole;
  }
}

export { DialogueConsole };
