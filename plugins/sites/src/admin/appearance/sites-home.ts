import { SitesHome } from './home-editor.js';

SitesHome.define('sites-home', 'sites');

declare global {
  interface HTMLElementTagNameMap {
    'sites-home': SitesHome;
  }
}

export { SitesHome };
