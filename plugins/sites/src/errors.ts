// The sites plugin's error codes. docs/reference/errors.md lists them with the core's and the portal's.
import { createErrorCode } from '@cong/sdk';

// ─── Registry, hosts, provisioning, templates, per-site roles (src/registry, src/provisioning) ─── add codes above the end marker
export const SITES_ERR_STATUS_TRANSITION = createErrorCode('SITES_ERR_STATUS_TRANSITION', 'A {from} site cannot become {to}', 409);
export const SITES_ERR_REASON_REQUIRED = createErrorCode('SITES_ERR_REASON_REQUIRED', 'Say why the site becomes {status}: the unit and the public are told', 400);
export const SITES_ERR_TEMPLATE_UNKNOWN = createErrorCode('SITES_ERR_TEMPLATE_UNKNOWN', 'No site template is called {template}', 400);
export const SITES_ERR_CSV_INVALID = createErrorCode('SITES_ERR_CSV_INVALID', 'The provisioning CSV cannot be read: {reason}', 400);
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
