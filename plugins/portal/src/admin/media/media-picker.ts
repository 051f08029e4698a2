import { MediaPicker } from './media-picker.element.js';
import type { MediaItem } from './media-types.js';

MediaPicker.define('portal-media-picker', 'portal');

declare global {
  interface HTMLElementTagNameMap {
    'portal-media-picker': MediaPicker;
  }
  interface CongEventMap {
    'portal-media-picked': { readonly item: MediaItem };
  }
}

export { MediaPicker };
export type { PickOptions } from './media-picker.element.js';
