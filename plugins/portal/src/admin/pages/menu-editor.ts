import { MenuEditor } from './menu-editor.element.js';

MenuEditor.define('portal-menu-editor', 'portal');

declare global {
  interface HTMLElementTagNameMap {
    'portal-menu-editor': MenuEditor;
  }
}

export { MenuEditor };
