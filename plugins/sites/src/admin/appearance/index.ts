// The appearance area's admin elements, for the sites plugin's admin bundle (src/admin/index.ts).
export { SitesTheme } from './sites-theme.js';
export { SitesHome } from './sites-home.js';
