// The portal's contract for other plugins (`@cong/plugin-portal/api`): the site-theme extension point
// with its types, the HTML template that home-page blocks must render with, and the content events.
// Everything else in the package is internal and may change in any release.
export { siteThemePoint, DEFAULT_THEME } from '../site/theme.js';
export type { SiteTheme, ThemeTokens, HomeBlock } from '../site/theme.js';
export { html, escapeHtml } from '../site/html.js';
export type { SafeHtml, HtmlValue } from '../site/html.js';
export { articlePublished, articleUnpublished } from '../content/content-events.js';
export type { ArticleEventPayload } from '../content/content-events.js';
export { siteChanged } from '../site/site-events.js';
