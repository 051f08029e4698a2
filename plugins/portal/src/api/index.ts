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
// Other units' articles on a site (src/linked): reading a unit's articles, and showing them on other
// units' sites as linked items (syndicated up, broadcast down). See docs/guides/portal.md.
export { portalArticlesRef } from '../linked/portal-articles-service.js';
export type { PortalArticle, PortalArticleStatus, PortalArticlesService, PortalCategory } from '../linked/portal-articles-service.js';
export { linkedItemsRef } from '../linked/linked-items-service.js';
export type { LinkedItem, LinkedItemKind, LinkedItemsService, LinkedItemsWriteOptions } from '../linked/linked-items-service.js';
// The site gate (`portal.site-gate`): what a unit's public pages do before the page cache (draft,
// suspended, archived sites of the tenant-sites plugin).
export { siteGatePoint } from '../site/site-gate.js';
export type { SiteGate, SiteGateRule, SiteGateVerdict } from '../site/site-gate.js';
// Site setup (`portal.site-setup`): a unit's pages, menus and required-information sections from a template.
export { siteSetupRef } from '../site-setup/site-setup.js';
export type { SiteSetup, SiteSetupChange, SiteSetupOptions, SiteBlueprint, BlueprintPage, BlueprintMenuItem, BlueprintText } from '../site-setup/site-setup.js';
// Per-unit home layouts and previews (`portal.site-theme` additions): layout entries, the built-in block
// ids a layout may name, the preview request flag, and the query parameter carrying a preview token.
export { BUILTIN_HOME_BLOCKS, PREVIEW_PARAM } from '../site/theme.js';
export type { HomeLayoutEntry, ThemeRequest } from '../site/theme.js';
// Batched reads of many units' sites (`portal.site-activity`): activity, compliance gaps and outbound links for the network dashboard.
export { siteActivityRef } from '../network/site-activity-service.js';
export type { OutboundLink, SiteActivity, SiteActivityService } from '../network/site-activity-service.js';

// Following the merger of units: their content moves to the successor's site.
export { contentSuccessionRef } from '../succession/content-succession.js';
export type { ContentMoveReport, ContentSuccession } from '../succession/content-succession.js';

// Search sources (`portal.search-sources`): other plugins' public documents (indexed by them in the
// core's search) found by the portal's search page and `GET /api/portal/search`. See docs/guides/portal.md.
export { searchSourcesPoint } from '../search/search-sources.js';
export type { PortalSearchScope, PortalSearchSource, PortalSearchSources } from '../search/search-sources.js';
