// The pages area's admin elements: the page tree (its editor is a chunk of its own, with Tiptap),
// the menu editor, the banners and the emergency alerts. src/admin/index.ts re-exports this module.
export { PageTree } from './page-tree.js';
export { MenuEditor } from './menu-editor.js';
export { BannerList } from './banner-list.js';
export { AlertList } from './alert-list.js';
