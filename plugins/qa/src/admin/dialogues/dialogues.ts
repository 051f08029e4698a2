import { DialoguesPage } from './dialogues.element.js';

DialoguesPage.define('qa-dialogues', 'qa');

declare global {
  interface HTMLElementTagNameMap {
    'qa-dialogues': DialoguesPage;
  }
}

export { DialoguesPage };
