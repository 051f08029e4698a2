// The answers area (QA-03…QA-06 groundwork, CORE-07): drafting with revisions and internal notes,
// waiting for the citizen, leader approval, sending with notification, redaction review, publication
// to the public Q&A pages and JSON, and the asker's rating.
import type { PluginRegistrar } from '@cong/sdk';
import { questionLimits } from '../questions/question-config.js';
import { answerSettings } from './answer-config.js';
import { agencyAnswerRoutes, boardRatingRoutes } from './agency.routes.js';
import { publicAnswerPageRoutes } from './public-answer-pages.routes.js';
import { publicAnswerApiRoutes } from './public-answers.routes.js';
import { progressRoutes } from './progress.routes.js';
import { publicationRoutes } from './publication.routes.js';

export function registerAnswers(reg: PluginRegistrar): void {
  const settings = answerSettings(reg);
  const limits = questionLimits(reg);
  reg.routes((route) => {
    agencyAnswerRoutes(route, settings);
    boardRatingRoutes(route, settings);
    publicationRoutes(route, settings);
    progressRoutes(route, settings);
    publicAnswerApiRoutes(route, settings, limits);
  });
  reg.publicRoutes((route) => publicAnswerPageRoutes(route, settings, limits));
}
