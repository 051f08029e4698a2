import { MediaLibrary } from './media-library.element.js';

MediaLibrary.define('portal-media-library', 'portal');

declare global {
  interface HTMLElementTagNameMap {
    'portal-media-library': MediaLibrary;
  }
}

export { MediaLibrary };
