import { PageTree } from './page-tree.element.js';

PageTree.define('portal-page-tree', 'portal');

declare global {
  interface HTMLElementTagNameMap {
    'portal-page-tree': PageTree;
  }
}

export { PageTree };
