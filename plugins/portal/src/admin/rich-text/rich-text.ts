import { RichText } from './rich-text.element.js';

RichText.define('portal-rich-text', 'portal');

declare global {
  interface HTMLElementTagNameMap {
    'portal-rich-text': RichText;
  }
  interface CongEventMap {
    'portal-body-input': { readonly html: string };
  }
}

export { RichText };
