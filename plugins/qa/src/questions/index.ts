// The questions area (QA-01, QA-02): the public form and widget, e-mail verification, tracking, the
// board's queue with routing rules, agencies' inboxes, and the purge of unverified questions.
import type { PluginRegistrar } from '@cong/sdk';
import { questionLimits } from './question-config.js';
import { QuestionService } from './question.service.js';
import { publicApiRoutes } from './public-api.routes.js';
import { publicPageRoutes } from './public-pages.routes.js';
import { queueRoutes } from './queue.routes.js';

export function registerQuestions(reg: PluginRegistrar): void {
  const limits = questionLimits(reg);
  reg.routes((route) => {
    publicApiRoutes(route, limits);
    queueRoutes(route, limits);
  });
  reg.publicRoutes((route) => publicPageRoutes(route, limits));
  reg.jobs({
    'purge-unverified': async (_payload, ctx) => {
      await new QuestionService(ctx, limits).purgeExpired();
    },
  });
  reg.schedule('purge-unverified-hourly', { job: 'purge-unverified', everyMs: 3_600_000 });
}
