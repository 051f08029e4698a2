import type { Migration } from 'kysely';
import * as createQuestions from './2026_11_29_0430_create_questions.js';
import * as createAnswers from './2026_11_29_0440_create_answers.js';
import * as createConsultations from './2026_11_29_0460_create_consultations.js';
import * as createDeadlines from './2026_11_29_0450_create_deadlines.js';
import * as createDialogues from './2026_11_29_0470_create_dialogues.js';
import * as createFeedback from './2026_11_29_0480_create_feedback.js';
import * as createTemplatesPrivacy from './2026_11_29_0490_create_templates_privacy.js';
import * as createQuestionAttachments from './2026_11_29_0500_create_question_attachments.js';
import * as createProgressLinksNotices from './2026_11_29_0510_create_progress_links_notices.js';
import * as feedbackChannel from './2026_11_29_0520_feedback_channel.js';
import * as questionFold from './2026_11_29_0540_question_fold.js';

/** The plugin's one migration ledger: names are dated, so areas interleave in the order they were written. */
export const qaMigrations: Readonly<Record<string, Migration>> = {
  '2026_11_29_0430_create_questions': createQuestions,
  '2026_11_29_0440_create_answers': createAnswers,
  '2026_11_29_0450_create_deadlines': createDeadlines,
  '2026_11_29_0460_create_consultations': createConsultations,
  '2026_11_29_0470_create_dialogues': createDialogues,
  '2026_11_29_0480_create_feedback': createFeedback,
  '2026_11_29_0490_create_templates_privacy': createTemplatesPrivacy,
  '2026_11_29_0500_create_question_attachments': createQuestionAttachments,
  '2026_11_29_0510_create_progress_links_notices': createProgressLinksNotices,
  '2026_11_29_0520_feedback_channel': feedbackChannel,
  '2026_11_29_0540_question_fold': questionFold,
};
