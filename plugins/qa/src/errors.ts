// The Q&A plugin's error codes. docs/reference/errors.md lists them with the other packages'.
// Each area adds its codes inside its own section, above the section's end marker.
import { createErrorCode } from '@cong/sdk';

// ─── Questions: the public form, verification, tracking (src/questions) ─── add codes above the end marker
export const QA_ERR_QUESTION_TRANSITION = createErrorCode('QA_ERR_QUESTION_TRANSITION', 'A question that is {from} cannot be {action}', 409);
export const QA_ERR_FORM_TOO_FAST = createErrorCode('QA_ERR_FORM_TOO_FAST', 'The form was sent {seconds} s after it was opened; wait at least {minimum} s', 400);
export const QA_ERR_FORM_EXPIRED = createErrorCode('QA_ERR_FORM_EXPIRED', 'The form is too old or its token is not valid: reload the form', 400);
export const QA_ERR_HONEYPOT = createErrorCode('QA_ERR_HONEYPOT', 'A field that must stay empty was filled in', 400);
export const QA_ERR_VERIFICATION_INVALID = createErrorCode('QA_ERR_VERIFICATION_INVALID', 'The verification link is not valid, already used or expired', 404);
export const QA_ERR_TRACKING_BUSY = createErrorCode('QA_ERR_TRACKING_BUSY', 'No free tracking code was found: try again', 503);
// ─── End of questions codes ───
