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
export const QA_ERR_ATTACHMENT_LIMIT = createErrorCode('QA_ERR_ATTACHMENT_LIMIT', 'A question takes at most {max} files', 409);
export const QA_ERR_ATTACHMENT_TOKEN_INVALID = createErrorCode('QA_ERR_ATTACHMENT_TOKEN_INVALID', 'The attachment token is not valid, or the question no longer takes files', 404);
export const QA_ERR_PROOF_REQUIRED = createErrorCode('QA_ERR_PROOF_REQUIRED', 'The form needs a proof of work while its protection is on: its script (JavaScript) solves it', 400);
export const QA_ERR_PROOF_INVALID = createErrorCode('QA_ERR_PROOF_INVALID', 'The proof of work is not valid ({reason}): reload the form and send it again', 400);
// ─── End of questions codes ───

// ─── Answers: drafting, approval, publication, rating (src/answers) ─── add codes above the end marker
export const QA_ERR_ANSWER_STATE = createErrorCode('QA_ERR_ANSWER_STATE', 'An answer that is {state} cannot be {action}', 409);
export const QA_ERR_APPROVAL_REQUIRED = createErrorCode('QA_ERR_APPROVAL_REQUIRED', 'Answers of this unit are sent after a leader approves them: submit it for approval', 409);
export const QA_ERR_APPROVER_IS_AUTHOR = createErrorCode('QA_ERR_APPROVER_IS_AUTHOR', 'An answer is approved by someone who did not write or submit it', 403);
export const QA_ERR_NO_CONSENT = createErrorCode('QA_ERR_NO_CONSENT', 'The asker did not agree to publication', 409);
export const QA_ERR_NOT_REVIEWED = createErrorCode('QA_ERR_NOT_REVIEWED', 'The public version has not been reviewed for personal data', 409);
export const QA_ERR_RATING_INVALID = createErrorCode('QA_ERR_RATING_INVALID', 'The rating link is not valid, or the question has no answer to rate', 404);
export const QA_ERR_ALREADY_RATED = createErrorCode('QA_ERR_ALREADY_RATED', 'This answer has been rated already', 409);
// ─── End of answers codes ───

// ─── Consultations: drafts put to public comment, moderation, the report on acceptance (src/consultations) ─── add codes above the end marker
export const QA_ERR_CONSULTATION_PERIOD = createErrorCode('QA_ERR_CONSULTATION_PERIOD', 'The consultation runs {days} calendar days; a draft of type {type} is open for at least {minimum}', 400);
export const QA_ERR_CONSULTATION_PHASE = createErrorCode('QA_ERR_CONSULTATION_PHASE', 'A consultation that is {phase} cannot be {action}', 409);
export const QA_ERR_COMMENT_STATE = createErrorCode('QA_ERR_COMMENT_STATE', 'A comment that is {status} cannot be {action}', 409);
export const QA_ERR_ARTICLES_COMMENTED = createErrorCode('QA_ERR_ARTICLES_COMMENTED', 'The articles cannot be replaced: the draft has comments on them', 409);
export const QA_ERR_COMMENTS_UNANSWERED = createErrorCode('QA_ERR_COMMENTS_UNANSWERED', '{count} approved comments have no answer yet', 409);
// ─── End of consultations codes ───

// ─── Dialogues: online dialogues with leaders, their questions and answers (src/dialogues) ─── add codes above the end marker
export const QA_ERR_DIALOGUE_STATUS = createErrorCode('QA_ERR_DIALOGUE_STATUS', 'A dialogue that is {status} cannot be {action}', 409);
export const QA_ERR_DIALOGUE_QUESTION_STATE = createErrorCode('QA_ERR_DIALOGUE_QUESTION_STATE', 'A dialogue question that is {status} cannot be {action}', 409);
// ─── End of dialogues codes ───

// ─── Templates and personal data: mail templates, deletion on request, retention (src/templates, src/privacy) ─── add codes above the end marker
export const QA_ERR_TEMPLATE_PLACEHOLDER = createErrorCode('QA_ERR_TEMPLATE_PLACEHOLDER', 'The template field {field} uses {placeholders}; its placeholders are {allowed}', 400);
export const QA_ERR_ERASURE_LINK_INVALID = createErrorCode('QA_ERR_ERASURE_LINK_INVALID', 'The deletion link is not valid, already used or expired', 404);
export const QA_ERR_ERASURE_OPEN_QUESTION = createErrorCode('QA_ERR_ERASURE_OPEN_QUESTION', 'A question that is {status} is still being handled: its personal data can be deleted once it is answered or closed', 409);
// ─── End of templates and personal data codes ───

// ─── Feedback: feedback on regulations and ideas for the province (src/feedback) ─── add codes above the end marker
export const QA_ERR_FEEDBACK_STATE = createErrorCode('QA_ERR_FEEDBACK_STATE', 'Feedback that is {status} cannot be {action}', 409);
export const QA_ERR_FEEDBACK_NOT_REVIEWED = createErrorCode('QA_ERR_FEEDBACK_NOT_REVIEWED', 'The regulation has not been reviewed against every criterion: record the review before deciding', 409);
export const QA_ERR_ALREADY_SUPPORTED = createErrorCode('QA_ERR_ALREADY_SUPPORTED', 'This e-mail address has already supported the idea, or its confirmation link is waiting', 409);
// ─── End of feedback codes ───
