import { BannerList } from './banner-list.element.js';

BannerList.define('portal-banner-list', 'portal');

declare global {
  interface HTMLElementTagNameMap {
    'portal-banner-list': BannerList;
  }
}

export { BannerList };
