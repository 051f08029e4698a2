import { LegalEditor } from './legal-editor.element.js';

LegalEditor.define('portal-legal-editor', 'portal');

declare global {
  interface HTMLElementTagNameMap {
    'portal-legal-editor': LegalEditor;
  }
  interface CongEventMap {
    'portal-legal-created': { readonly id: string };
    'portal-legal-open': { readonly id: string };
  }
}

export { LegalEditor };
