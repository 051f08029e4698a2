import { SitesTheme } from './theme-editor.js';

SitesTheme.define('sites-theme', 'sites');

declare global {
  interface HTMLElementTagNameMap {
    'sites-theme': SitesTheme;
  }
}

export { SitesTheme };
