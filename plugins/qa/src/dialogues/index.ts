// The online dialogues area (QA-30, QA-31): events with leaders announced with their guests, schedule
// and livestream link; the public's questions verified by e-mail and moderated; answers recorded live
// and attributed to the guest; afterwards the summary and video, and the unanswered questions forwarded
// into the question flow. The event's status is moved by staff (dialogue-database.ts says why).
import type { PluginRegistrar } from '@cong/sdk';
import { dialogueSettings } from './dialogue-config.js';
import { dialoguePublicRoutes } from './public-pages.routes.js';
import { PublicDialogueService } from './public-dialogue.service.js';
import { dialogueStaffRoutes } from './staff.routes.js';

export function registerDialogues(reg: PluginRegistrar): void {
  const settings = dialogueSettings(reg);
  reg.routes((route) => dialogueStaffRoutes(route, settings));
  reg.publicRoutes((route) => dialoguePublicRoutes(route, settings));
  reg.jobs({
    'purge-unverified-dialogue-questions': async (_payload, ctx) => {
      await new PublicDialogueService(ctx, settings).purgeExpired();
    },
  });
  reg.schedule('purge-unverified-dialogue-questions-hourly', { job: 'purge-unverified-dialogue-questions', everyMs: 3_600_000 });
}
