// The sites plugin's error codes. docs/reference/errors.md lists them with the core's and the portal's.
import { createErrorCode } from '@cong/sdk';

// ─── Registry, hosts, provisioning, templates, per-site roles (src/registry, src/provisioning) ─── add codes above the end marker
export const SITES_ERR_STATUS_TRANSITION = createErrorCode('SITES_ERR_STATUS_TRANSITION', 'A {from} site cannot become {to}', 409);
export const SITES_ERR_REASON_REQUIRED = createErrorCode('SITES_ERR_REASON_REQUIRED', 'Say why the site becomes {status}: the unit and the public are told', 400);
export const SITES_ERR_TEMPLATE_UNKNOWN = createErrorCode('SITES_ERR_TEMPLATE_UNKNOWN', 'No site template is called {template}', 400);
export const SITES_ERR_CSV_INVALID = createErrorCode('SITES_ERR_CSV_INVALID', 'The provisioning CSV cannot be read: {reason}', 400);
export const SITES_ERR_REORGANISATION_NOT_FAILED = createErrorCode('SITES_ERR_REORGANISATION_NOT_FAILED', 'Reorganisation {id} is {status}: only a failed merger, split or archive is retried', 409);
export const SITES_ERR_SOURCE_EMPTY = createErrorCode('SITES_ERR_SOURCE_EMPTY', 'The provisioning source names no unit: {reason}', 400);
// ─── End of registry codes ───

// ─── Syndication up and broadcast down (src/syndication) ─── add codes above the end marker
export const SITES_ERR_ARTICLE_NOT_PUBLISHED = createErrorCode('SITES_ERR_ARTICLE_NOT_PUBLISHED', 'Article {article} is {status}: only a published article is proposed or broadcast', 409);
export const SITES_ERR_PROPOSER_IS_PROVINCE = createErrorCode('SITES_ERR_PROPOSER_IS_PROVINCE', 'Unit {unit} is the province: its articles are on the province site already', 409);
export const SITES_ERR_ALREADY_PROPOSED = createErrorCode('SITES_ERR_ALREADY_PROPOSED', 'Article {article} already has an open proposal to the province', 409);
export const SITES_ERR_PROPOSAL_TRANSITION = createErrorCode('SITES_ERR_PROPOSAL_TRANSITION', 'Cannot {action} a proposal that is {status}', 409);
export const SITES_ERR_BROADCAST_SCOPE = createErrorCode('SITES_ERR_BROADCAST_SCOPE', 'Unit {unit} is not below the sending unit', 400);
export const SITES_ERR_BROADCAST_NO_TARGETS = createErrorCode('SITES_ERR_BROADCAST_NO_TARGETS', 'No unit in the chosen scope has a site to receive the broadcast', 409);
export const SITES_ERR_ALREADY_BROADCAST = createErrorCode('SITES_ERR_ALREADY_BROADCAST', 'Article {article} is already broadcast: end that broadcast first', 409);
export const SITES_ERR_BROADCAST_ENDED = createErrorCode('SITES_ERR_BROADCAST_ENDED', 'Broadcast {id} has already ended', 409);
// ─── End of syndication codes ───

// ─── Themes, branding, home layouts, previews (src/appearance) ─── add codes above the end marker
export const SITES_ERR_THEME_UNKNOWN = createErrorCode('SITES_ERR_THEME_UNKNOWN', 'No approved theme is called {theme}', 400);
export const SITES_ERR_COLOUR_CONTRAST = createErrorCode('SITES_ERR_COLOUR_CONTRAST', 'Colour {colour} has contrast {ratio}:1 against {against}; WCAG 2.1 AA needs {needed}:1', 400);
export const SITES_ERR_BRANDING_INVALID = createErrorCode('SITES_ERR_BRANDING_INVALID', 'Branding {field} is invalid: {reason}', 400);
export const SITES_ERR_HOME_BLOCK_UNKNOWN = createErrorCode('SITES_ERR_HOME_BLOCK_UNKNOWN', 'No home-page block is called {block}', 400);
export const SITES_ERR_HOME_BLOCK_SETTINGS = createErrorCode('SITES_ERR_HOME_BLOCK_SETTINGS', 'The settings of home-page block {block} are invalid: {reason}', 400);
export const SITES_ERR_NO_DRAFT = createErrorCode('SITES_ERR_NO_DRAFT', 'The unit has no draft theme or home page to {action}', 409);
// ─── End of appearance codes ───

// ─── Network dashboard, link checker, reorganisation (src/network) ─── add codes above the end marker
// (None yet: the dashboard's and the link checker's refusals are the core's validation and 404 answers.)
// ─── End of network codes ───
