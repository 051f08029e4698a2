// The questions area (QA-01, QA-02, QA-06): the public form and widget, attachments, duplicate
// suggestions, e-mail verification, tracking, the board's queue with routing rules, agencies' inboxes,
// and the purge of unverified questions (with their files).
import type { PluginRegistrar } from '@cong/sdk';
import { questionLimits } from './question-config.js';
import { QuestionService } from './question.service.js';
import { publicApiRoutes } from './public-api.routes.js';
import { publicPageRoutes } from './public-pages.routes.js';
import { queueRoutes } from './queue.routes.js';
import { questionAttachmentRoutes } from './question-attachment.routes.js';
import { QuestionAttachmentService } from './question-attachment.service.js';

export function registerQuestions(reg: PluginRegistrar): void {
  const limits = questionLimits(reg);
  reg.routes((route) => {
    publicApiRoutes(route, limits);
    queueRoutes(route, limits);
    questionAttachmentRoutes(route, limits);
  });
  reg.publicRoutes((route) => publicPageRoutes(route, limits));
  reg.jobs({
    'purge-unverified': async (_payload, ctx) => {
      await new QuestionService(ctx, limits).purgeExpired();
      // Then the content of files whose question was just purged or whose personal data was erased.
      await new QuestionAttachmentService(ctx, limits).sweep();
    },
  });
  reg.schedule('purge-unverified-hourly', { job: 'purge-unverified', everyMs: 3_600_000 });
}
