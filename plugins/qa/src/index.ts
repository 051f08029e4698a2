import { definePlugin } from '@cong/sdk';
import { qaMigrations } from './migrations/index.js';
import { registerAnswers } from './answers/index.js';
import { registerCalendar } from './calendar/index.js';
import { registerConsultations } from './consultations/index.js';
import { registerDeadlines } from './deadlines/index.js';
import { registerDialogues } from './dialogues/index.js';
import { registerFeedback } from './feedback/index.js';
import { registerQuestions } from './questions/index.js';
import { registerPrivacy } from './privacy/index.js';
import { registerTemplates } from './templates/index.js';
import { addAnswerSearchSource, portalSearchSources } from './search/portal-search-source.js';

/**
 * Questions and consultation (hỏi đáp, góp ý, QA-01…QA-31): citizens' and businesses' questions
 * forwarded to the competent agency and tracked to an answer, feedback on regulations, public
 * consultation on draft documents and online dialogues with leaders. Each area registers its own
 * routes, jobs and services.
 */
export default definePlugin({
  register(reg) {
    reg.migrations(qaMigrations);
    registerQuestions(reg);
    registerDeadlines(reg); // before the answers: its `/hoi-dap/thong-ke` precedes their `/hoi-dap/<slug>`
    registerPrivacy(reg); // before the answers too: its `/hoi-dap/xoa-du-lieu` precedes their `/hoi-dap/<slug>`
    registerAnswers(reg);
    registerConsultations(reg);
    registerDialogues(reg);
    registerCalendar(reg);
    registerFeedback(reg);
    registerTemplates(reg);
    // Published answers in the portal's search, when the portal is installed (skipped otherwise).
    reg.extend(portalSearchSources, addAnswerSearchSource);
  },
});
