import { NoticeList } from './notice-list.element.js';

NoticeList.define('procurement-notice-list', 'procurement');

declare global {
  interface HTMLElementTagNameMap {
    'procurement-notice-list': NoticeList;
  }
}

export { NoticeList };
