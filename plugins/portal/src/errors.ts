// The portal's error codes. docs/reference/errors.md lists them with the core's.
import { createErrorCode } from '@cong/sdk';

// ─── Content: articles, categories, workflow (src/content) ──────────────────────────────────
export const PORTAL_ERR_SLUG_TAKEN = createErrorCode('PORTAL_ERR_SLUG_TAKEN', 'The unit already has {kind} with slug {slug}', 409);
export const PORTAL_ERR_TRANSITION = createErrorCode('PORTAL_ERR_TRANSITION', 'Cannot {action} an article that is {status}', 409);
export const PORTAL_ERR_NOT_EDITABLE = createErrorCode('PORTAL_ERR_NOT_EDITABLE', 'A {status} article cannot be edited: reopen it as a draft first', 409);
export const PORTAL_ERR_SELF_APPROVAL = createErrorCode('PORTAL_ERR_SELF_APPROVAL', 'The unit requires the approver to be someone other than the author', 403);
export const PORTAL_ERR_APPROVAL_REQUIRED = createErrorCode('PORTAL_ERR_APPROVAL_REQUIRED', 'The unit requires review before publication: submit the article first', 409);
export const PORTAL_ERR_STALE_REVISION = createErrorCode('PORTAL_ERR_STALE_REVISION', 'The article changed since revision {expected} (now {actual})', 409);
export const PORTAL_ERR_CATEGORY_IN_USE = createErrorCode('PORTAL_ERR_CATEGORY_IN_USE', 'Category {slug} still has {count} articles or subcategories', 409);
// ─── End of content codes ───────────────────────────────────────────────────────────────────

// ─── Legal documents (src/legal) ─────────────────────────────────────────────────────────────
export const PORTAL_ERR_LEGAL_DUPLICATE_NUMBER = createErrorCode(
  'PORTAL_ERR_LEGAL_DUPLICATE_NUMBER',
  'Document {numberSymbol} of {issuer} already exists in this unit',
  409,
);
export const PORTAL_ERR_LEGAL_RELATION_EXISTS = createErrorCode('PORTAL_ERR_LEGAL_RELATION_EXISTS', 'The documents already have this relation ({kind})', 409);
// ─── End of legal documents codes ───────────────────────────────────────────────────────────

// ─── Organisation, leaders, work schedule, contacts (src/organisation) ─── add organisation codes above the end marker
export const PORTAL_ERR_ORG_STALE_REVISION = createErrorCode('PORTAL_ERR_ORG_STALE_REVISION', '{kind} {id} changed since revision {expected} (now {actual})', 409);
export const PORTAL_ERR_ORG_UNIT_HAS_CHILDREN = createErrorCode('PORTAL_ERR_ORG_UNIT_HAS_CHILDREN', 'Organisation unit {name} still has {count} subordinate units: move or delete them first', 409);
export const PORTAL_ERR_ORG_UNIT_CYCLE = createErrorCode('PORTAL_ERR_ORG_UNIT_CYCLE', 'Organisation unit {name} cannot move under itself or one of its subordinate units', 409);
export const PORTAL_ERR_ORG_ROOT_EXISTS = createErrorCode('PORTAL_ERR_ORG_ROOT_EXISTS', 'The chart already has its root node ({name}): give the new node a parent', 409);
export const PORTAL_ERR_ORG_LEADER_SCHEDULED = createErrorCode('PORTAL_ERR_ORG_LEADER_SCHEDULED', 'Leader {name} presides {count} work schedule entries: change those entries first, or end the term instead', 409);
// ─── End of organisation codes ───

// ─── Pages, menus, banners (src/pages, src/navigation) ─── add pages codes above the end marker
export const PORTAL_ERR_PAGE_TRANSITION = createErrorCode('PORTAL_ERR_PAGE_TRANSITION', 'Cannot {action} a page that is {status}', 409);
export const PORTAL_ERR_PAGE_NOT_EDITABLE = createErrorCode('PORTAL_ERR_PAGE_NOT_EDITABLE', 'A {status} page cannot be edited: reopen it as a draft first', 409);
export const PORTAL_ERR_PAGE_APPROVAL_REQUIRED = createErrorCode('PORTAL_ERR_PAGE_APPROVAL_REQUIRED', 'The unit requires review before publication: submit the page first', 409);
export const PORTAL_ERR_PAGE_STALE_REVISION = createErrorCode('PORTAL_ERR_PAGE_STALE_REVISION', 'The page changed since revision {expected} (now {actual})', 409);
// ─── End of pages codes ───

// ─── Mandated sections, compliance, deadlines (src/mandated) ─── add mandated codes above the end marker
export const PORTAL_ERR_DEADLINE_EXISTS = createErrorCode('PORTAL_ERR_DEADLINE_EXISTS', 'The {type} {id} already has a tracked publication deadline', 409);
export const PORTAL_ERR_DEADLINE_AUTOMATIC = createErrorCode('PORTAL_ERR_DEADLINE_AUTOMATIC', 'A deadline of a {type} is met when it is published; only free-text items are changed by hand', 409);
export const PORTAL_ERR_NOT_PROVINCE = createErrorCode('PORTAL_ERR_NOT_PROVINCE', 'The units overview is read at the province, not at {unit}', 403);
// ─── End of mandated codes ───

// ─── Media library and article PDF (src/media) ─── add media codes above the end marker
export const PORTAL_ERR_MEDIA_IN_USE = createErrorCode('PORTAL_ERR_MEDIA_IN_USE', 'Media item {id} is used in {count} article(s) or page(s): take it out of them first', 409);
export const PORTAL_ERR_MEDIA_IMAGE_TOO_LARGE = createErrorCode('PORTAL_ERR_MEDIA_IMAGE_TOO_LARGE', 'The image has more than {limit} pixels', 413);
export const PORTAL_ERR_MEDIA_IMAGE_INVALID = createErrorCode('PORTAL_ERR_MEDIA_IMAGE_INVALID', 'The image cannot be read: {reason}', 400);
// ─── End of media codes ───

// ─── Submission inbox and information requests (src/submissions) ─── add submissions codes above the end marker
export const PORTAL_ERR_SUBMISSION_RECEIVER = createErrorCode('PORTAL_ERR_SUBMISSION_RECEIVER', 'Unit {receiver} cannot receive submissions from this unit: {reason}', 400);
export const PORTAL_ERR_SUBMISSION_TRANSITION = createErrorCode('PORTAL_ERR_SUBMISSION_TRANSITION', 'Cannot {action} a submission that is {status}', 409);
export const PORTAL_ERR_REQUEST_UNIT = createErrorCode('PORTAL_ERR_REQUEST_UNIT', 'Unit {unit} is not below the requesting unit', 400);
export const PORTAL_ERR_REQUEST_CLOSED = createErrorCode('PORTAL_ERR_REQUEST_CLOSED', 'Information request {id} is closed', 409);
// ─── End of submissions codes ───

// ─── Linked items: other units' articles shown on a site (src/linked) ─── add linked codes above the end marker
export const PORTAL_ERR_LINK_SOURCE_NOT_PUBLISHED = createErrorCode('PORTAL_ERR_LINK_SOURCE_NOT_PUBLISHED', 'Article {article} of unit {unit} is not published: only a published article is shown on other sites', 409);
export const PORTAL_ERR_LINK_EXISTS = createErrorCode('PORTAL_ERR_LINK_EXISTS', 'Unit {unit} already shows the {kind} item {origin}', 409);
// ─── End of linked codes ───

// ─── Royalties (src/royalties) ───────────────────────────────────────────────────────────────
export const PORTAL_ERR_ROYALTY_UNIT_VALUE = createErrorCode(
  'PORTAL_ERR_ROYALTY_UNIT_VALUE',
  'Set the value of one royalty coefficient point (royaltyUnitValueVnd) in the portal settings of this unit first',
  409,
);
export const PORTAL_ERR_ROYALTY_NOT_PUBLISHED = createErrorCode('PORTAL_ERR_ROYALTY_NOT_PUBLISHED', 'Royalties are recorded for published articles; this one is {status}', 409);
export const PORTAL_ERR_ROYALTY_STATE = createErrorCode('PORTAL_ERR_ROYALTY_STATE', 'A {status} royalty cannot be {action}', 409);
export const PORTAL_ERR_ROYALTY_OWN = createErrorCode('PORTAL_ERR_ROYALTY_OWN', 'Nobody approves or pays a royalty they recorded or receive', 403);
// ─── End of royalties codes ─────────────────────────────────────────────────────────────────

// ─── Languages of the public site (src/site/languages.ts) ────────────────────────────────────
export const PORTAL_ERR_SITE_CLOSED = createErrorCode('PORTAL_ERR_SITE_CLOSED', 'The unit\'s site is temporarily closed; try again in {seconds} s', 503);
export const PORTAL_ERR_SITE_GONE = createErrorCode('PORTAL_ERR_SITE_GONE', 'The unit\'s site has been closed for good', 410);
export const PORTAL_ERR_LANGUAGES_INVALID = createErrorCode('PORTAL_ERR_LANGUAGES_INVALID', 'The portal\'s languages are misconfigured at {where}: {reason}', 500);
// ─── End of languages codes ─────────────────────────────────────────────────────────────────
