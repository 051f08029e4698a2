// The gazette plugin's error codes. docs/reference/errors.md lists them with the other packages'.
// Each area adds its codes inside its own section, above the section's end marker.
import { createErrorCode } from '@cong/sdk';

// ─── Intake, registration, comparison workflow, deadlines (src/intake, src/review) ─── add codes above the end marker
export const GAZETTE_ERR_SUBMISSION_TRANSITION = createErrorCode('GAZETTE_ERR_SUBMISSION_TRANSITION', 'A submission that is {from} cannot be {action}', 409);
export const GAZETTE_ERR_FILES_MISSING = createErrorCode('GAZETTE_ERR_FILES_MISSING', 'The submission still needs its {files} file(s) before it can be sent or registered', 409);
export const GAZETTE_ERR_REGISTER_BUSY = createErrorCode('GAZETTE_ERR_REGISTER_BUSY', 'The register number could not be taken: too many registrations at once, try again', 503);
export const GAZETTE_ERR_ROUND_NOT_OPEN = createErrorCode('GAZETTE_ERR_ROUND_NOT_OPEN', 'Comparison round {round} is {status}, not open', 409);
// ─── End of intake codes ───

// ─── Text extraction and comparison library (src/comparison) ─── add codes above the end marker
export const GAZETTE_ERR_FILE_UNREADABLE = createErrorCode('GAZETTE_ERR_FILE_UNREADABLE', 'File {file} cannot be read as {format}: {reason}', 422);
export const GAZETTE_ERR_FILE_TYPE_UNSUPPORTED = createErrorCode('GAZETTE_ERR_FILE_TYPE_UNSUPPORTED', 'File {file} is not a PDF, DOCX or DOC document (found {detected})', 415);
export const GAZETTE_ERR_FILE_TOO_LARGE = createErrorCode('GAZETTE_ERR_FILE_TOO_LARGE', 'File {file} is too large to read: {size} bytes, the limit is {limit}', 413);
export const GAZETTE_ERR_FILE_TOO_MANY_PAGES = createErrorCode('GAZETTE_ERR_FILE_TOO_MANY_PAGES', 'File {file} has {pages} pages, the limit is {limit}', 422);
export const GAZETTE_ERR_EXTRACTION_TIMEOUT = createErrorCode('GAZETTE_ERR_EXTRACTION_TIMEOUT', 'Reading the text of {file} took longer than {seconds} s', 422);
export const GAZETTE_ERR_OCR_FAILED = createErrorCode('GAZETTE_ERR_OCR_FAILED', 'Text recognition (OCR) of {file} failed: {reason}', 502);
// ─── End of comparison codes ───

// ─── Issue rendering (src/rendering) ─── add codes above the end marker
export const GAZETTE_ERR_RENDER_FAILED = createErrorCode('GAZETTE_ERR_RENDER_FAILED', 'The issue could not be rendered: {reason}', 500);
export const GAZETTE_ERR_RENDER_INPUT_INVALID = createErrorCode('GAZETTE_ERR_RENDER_INPUT_INVALID', 'The issue cannot be laid out: {reason}', 422);
export const GAZETTE_ERR_RENDER_DOCUMENT_UNREADABLE = createErrorCode('GAZETTE_ERR_RENDER_DOCUMENT_UNREADABLE', 'Document {document} of the issue is not a readable PDF: {reason}', 422);
export const GAZETTE_ERR_RENDER_FONT_MISSING = createErrorCode('GAZETTE_ERR_RENDER_FONT_MISSING', 'Font file {path} needed to render the issue is missing', 500);
export const GAZETTE_ERR_RENDER_CHROMIUM_UNAVAILABLE = createErrorCode('GAZETTE_ERR_RENDER_CHROMIUM_UNAVAILABLE', 'Chromium at {path} cannot be started: {reason}', 503);
export const GAZETTE_ERR_RENDER_CHROMIUM_CRASHED = createErrorCode('GAZETTE_ERR_RENDER_CHROMIUM_CRASHED', 'Chromium crashed or hung while printing the issue, {attempts} attempts: {reason}', 503);
export const GAZETTE_ERR_RENDER_PRINTER_CLOSED = createErrorCode('GAZETTE_ERR_RENDER_PRINTER_CLOSED', 'The issue printer is closed', 500);
// ─── End of rendering codes ───

// ─── Digital signatures (src/signing) ─── add codes above the end marker
export const GAZETTE_ERR_SIGNING_FAILED = createErrorCode('GAZETTE_ERR_SIGNING_FAILED', 'The PDF could not be signed: {reason}', 500);
export const GAZETTE_ERR_SIGNING_CONFIG = createErrorCode('GAZETTE_ERR_SIGNING_CONFIG', 'Signing is misconfigured: {reason}', 500);
export const GAZETTE_ERR_SIGNING_CERTIFICATE_UNREADABLE = createErrorCode('GAZETTE_ERR_SIGNING_CERTIFICATE_UNREADABLE', 'The signing certificate {source} cannot be read: {reason}', 500);
export const GAZETTE_ERR_SIGNING_PASSPHRASE_WRONG = createErrorCode('GAZETTE_ERR_SIGNING_PASSPHRASE_WRONG', 'The signing certificate {source} does not open with the passphrase in environment variable {variable}', 500);
export const GAZETTE_ERR_SIGNING_CERTIFICATE_EXPIRED = createErrorCode('GAZETTE_ERR_SIGNING_CERTIFICATE_EXPIRED', 'The signing certificate of {subject} expired on {notAfter} (valid from {notBefore} to {notAfter}); renew it with the CA', 500);
export const GAZETTE_ERR_SIGNING_CERTIFICATE_NOT_YET_VALID = createErrorCode('GAZETTE_ERR_SIGNING_CERTIFICATE_NOT_YET_VALID', 'The signing certificate of {subject} is not valid before {notBefore} (valid from {notBefore} to {notAfter})', 500);
export const GAZETTE_ERR_SIGNING_ALREADY_SIGNED = createErrorCode('GAZETTE_ERR_SIGNING_ALREADY_SIGNED', 'The PDF already carries {count} signature(s); signing it again by rewriting the file would break them', 409);
export const GAZETTE_ERR_SIGNING_PLACEHOLDER_TOO_SMALL = createErrorCode('GAZETTE_ERR_SIGNING_PLACEHOLDER_TOO_SMALL', 'The signature ({size} bytes) does not fit the {placeholder}-byte space reserved for it; raise signing.signatureSize', 500);
export const GAZETTE_ERR_SIGNING_REMOTE_FAILED = createErrorCode('GAZETTE_ERR_SIGNING_REMOTE_FAILED', 'The remote signing service {url} failed: {reason}', 502);
export const GAZETTE_ERR_SIGNING_REMOTE_TIMEOUT = createErrorCode('GAZETTE_ERR_SIGNING_REMOTE_TIMEOUT', 'The remote signing service {url} did not answer within {timeoutMs} ms (attempt {attempt} of {attempts})', 504);
// ─── End of signing codes ───

// ─── Issues, publication, corrections, relations (src/publication, src/corrections) ─── add codes above the end marker
export const GAZETTE_ERR_ISSUE_PUBLISHED = createErrorCode('GAZETTE_ERR_ISSUE_PUBLISHED', 'Issue {issue} is published and can no longer be changed; publish a correction instead', 409);
export const GAZETTE_ERR_ISSUE_BUSY = createErrorCode('GAZETTE_ERR_ISSUE_BUSY', 'Issue {issue} is being rendered and signed; wait until it is published or has failed', 409);
export const GAZETTE_ERR_ISSUE_NUMBER_BUSY = createErrorCode('GAZETTE_ERR_ISSUE_NUMBER_BUSY', 'The next issue number could not be taken: too many issues created at once, try again', 503);
export const GAZETTE_ERR_ISSUE_NOT_LAST = createErrorCode('GAZETTE_ERR_ISSUE_NOT_LAST', 'Issue {issue} is not the last of {year}: deleting it would leave a gap in the numbers', 409);
export const GAZETTE_ERR_ISSUE_EMPTY = createErrorCode('GAZETTE_ERR_ISSUE_EMPTY', 'Issue {issue} has no documents to publish', 409);
export const GAZETTE_ERR_ENTRY_NOT_READY = createErrorCode('GAZETTE_ERR_ENTRY_NOT_READY', 'Submission {submission} cannot go into an issue: it is {status} ({reason})', 409);
export const GAZETTE_ERR_ENTRY_TAKEN = createErrorCode('GAZETTE_ERR_ENTRY_TAKEN', 'Submission {submission} is already in issue {issue}', 409);
export const GAZETTE_ERR_ENTRY_ORDER = createErrorCode('GAZETTE_ERR_ENTRY_ORDER', 'The new order must list exactly the issue\'s documents, each once: {reason}', 400);
export const GAZETTE_ERR_UNSIGNED_REFUSED = createErrorCode('GAZETTE_ERR_UNSIGNED_REFUSED', 'No signer is configured (signing.mode is none), and unsigned issues are not allowed (publication.allowUnsigned is false)', 409);
export const GAZETTE_ERR_CORRECTION_PLACEMENT = createErrorCode('GAZETTE_ERR_CORRECTION_PLACEMENT', 'Correction {correction} cannot be published this way: {reason}', 409);
export const GAZETTE_ERR_CORRECTION_LINK = createErrorCode('GAZETTE_ERR_CORRECTION_LINK', 'The correction cannot be linked: {reason}', 409);
export const GAZETTE_ERR_RELATION_INVALID = createErrorCode('GAZETTE_ERR_RELATION_INVALID', 'The relation cannot be recorded: {reason}', 409);
// ─── End of publication codes ───

// ─── Public site and API (src/public, src/public-api, src/search) ─── add codes above the end marker
export const GAZETTE_ERR_PUBLIC_NOT_FOUND = createErrorCode('GAZETTE_ERR_PUBLIC_NOT_FOUND', 'No published {what} {key} in this gazette', 404);
export const GAZETTE_ERR_PUBLIC_NO_UNIT = createErrorCode('GAZETTE_ERR_PUBLIC_NO_UNIT', 'The request names no unit: call the API on the unit\'s host or with X-Cong-Tenant', 404);
export const GAZETTE_ERR_PUBLIC_CURSOR_INVALID = createErrorCode('GAZETTE_ERR_PUBLIC_CURSOR_INVALID', 'The cursor {cursor} is not one this feed gave out', 400);
export const GAZETTE_ERR_PUBLIC_CONDITION_INVALID = createErrorCode('GAZETTE_ERR_PUBLIC_CONDITION_INVALID', 'Condition {condition} is invalid: {reason}', 400);
// ─── End of public site and API codes ───
