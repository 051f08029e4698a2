import { ArticleEditor } from './article-editor.element.js';

ArticleEditor.define('portal-article-editor', 'portal');

declare global {
  interface HTMLElementTagNameMap {
    'portal-article-editor': ArticleEditor;
  }
  interface CongEventMap {
    'portal-article-created': { readonly id: string };
  }
}

export { ArticleEditor };
