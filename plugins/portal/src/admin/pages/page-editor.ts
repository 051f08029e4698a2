import { PageEditor } from './page-editor.element.js';

PageEditor.define('portal-page-editor', 'portal');

declare global {
  interface HTMLElementTagNameMap {
    'portal-page-editor': PageEditor;
  }
  interface CongEventMap {
    'portal-page-created': { readonly id: string };
  }
}

export { PageEditor };
