import { ContactPage } from './contact-page.element.js';

ContactPage.define('gazette-contact', 'gazette');

declare global {
  interface HTMLElementTagNameMap {
    'gazette-contact': ContactPage;
  }
}

export { ContactPage };
