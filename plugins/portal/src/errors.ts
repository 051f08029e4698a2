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
// ─── End of organisation codes ───

// ─── Pages, menus, banners (src/pages, src/navigation) ─── add pages codes above the end marker
// ─── End of pages codes ───

// ─── Mandated sections, compliance, deadlines (src/mandated) ─── add mandated codes above the end marker
// ─── End of mandated codes ───

// ─── Media library and article PDF (src/media) ─── add media codes above the end marker
// ─── End of media codes ───

// ─── Submission inbox and information requests (src/submissions) ─── add submissions codes above the end marker
// ─── End of submissions codes ───
