// The admin bundle: the elements the manifest names (nav page and dashboard widget).
export { NoticeList } from './notice-list/notice-list.js';
export { OpenCount } from './open-count/open-count.js';
