import { CategoryList } from './category-list.element.js';

CategoryList.define('portal-category-list', 'portal');

declare global {
  interface HTMLElementTagNameMap {
    'portal-category-list': CategoryList;
  }
}

export { CategoryList };
