import { ArticleList } from './article-list.element.js';

ArticleList.define('portal-article-list', 'portal');

declare global {
  interface HTMLElementTagNameMap {
    'portal-article-list': ArticleList;
  }
}

export { ArticleList };
