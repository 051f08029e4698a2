// Feedback on administrative regulations (phản ánh, kiến nghị, QA-10…QA-14, NĐ 20/2008/NĐ-CP) received
// by the province's Department of Justice, registered, classified, forwarded within 5 working days or
// processed to a published result; and ideas for the province (góp ý, hiến kế, QA-15) with a public list,
// acknowledgement and support votes. The national feedback goes to the Cổng DVCQG (a link on the form).
import type { PluginRegistrar } from '@cong/sdk';
import { feedbackSettings } from './feedback-config.js';
import { feedbackPublicRoutes } from './public-pages.routes.js';
import { PublicFeedbackService } from './public-feedback.service.js';
import { feedbackStaffRoutes } from './staff.routes.js';

export function registerFeedback(reg: PluginRegistrar): void {
  const settings = feedbackSettings(reg);
  reg.routes((route) => feedbackStaffRoutes(route, settings));
  reg.publicRoutes((route) => feedbackPublicRoutes(route, settings));
  reg.jobs({
    'purge-unverified-feedback': async (_payload, ctx) => {
      await new PublicFeedbackService(ctx, settings).purgeExpired();
    },
  });
  reg.schedule('purge-unverified-feedback-hourly', { job: 'purge-unverified-feedback', everyMs: 3_600_000 });
}
