// The gazette plugin's error codes. docs/reference/errors.md lists them with the other packages'.
// Each area adds its codes inside its own section, above the section's end marker.
import { createErrorCode } from '@cong/sdk';

// ─── Intake, registration, comparison workflow, deadlines (src/intake, src/review) ─── add codes above the end marker
export const GAZETTE_ERR_SUBMISSION_TRANSITION = createErrorCode('GAZETTE_ERR_SUBMISSION_TRANSITION', 'A submission that is {from} cannot be {action}', 409);
// ─── End of intake codes ───

// ─── Text extraction and comparison library (src/comparison) ─── add codes above the end marker
export const GAZETTE_ERR_FILE_UNREADABLE = createErrorCode('GAZETTE_ERR_FILE_UNREADABLE', 'File {file} cannot be read as {format}: {reason}', 422);
// ─── End of comparison codes ───

// ─── Issue rendering (src/rendering) ─── add codes above the end marker
export const GAZETTE_ERR_RENDER_FAILED = createErrorCode('GAZETTE_ERR_RENDER_FAILED', 'The issue could not be rendered: {reason}', 500);
// ─── End of rendering codes ───

// ─── Digital signatures (src/signing) ─── add codes above the end marker
export const GAZETTE_ERR_SIGNING_FAILED = createErrorCode('GAZETTE_ERR_SIGNING_FAILED', 'The PDF could not be signed: {reason}', 502);
// ─── End of signing codes ───
