// The Q&A plugin's error codes. docs/reference/errors.md lists them with the other packages'.
// Each area adds its codes inside its own section, above the section's end marker.
import { createErrorCode } from '@cong/sdk';

// ─── Questions: the public form, verification, tracking (src/questions) ─── add codes above the end marker
export const QA_ERR_QUESTION_TRANSITION = createErrorCode('QA_ERR_QUESTION_TRANSITION', 'A question that is {from} cannot be {action}', 409);
// ─── End of questions codes ───
