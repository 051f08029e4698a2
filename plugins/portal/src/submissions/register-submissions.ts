import type { PluginRegistrar } from '@cong/sdk';
import { inboxRoutes } from './inbox.routes.js';
import { informationRequestReminderJob } from './information-request-reminder-job.js';
import { submissionRules } from './information-request-rules.js';
import { informationRequestRoutes } from './information-requests.routes.js';
import { submissionRoutes } from './submissions.routes.js';

/** The submission inbox and information requests (src/submissions): routes, the rule pack, the daily reminders. */
export function registerSubmissions(reg: PluginRegistrar): void {
  reg.routes(submissionRoutes);
  reg.routes(inboxRoutes);
  reg.routes(informationRequestRoutes);
  reg.rules(submissionRules);
  reg.jobs({ 'information-request-reminders': informationRequestReminderJob });
  // 08:00 every day in Vietnam; the run itself skips days that are not working days.
  reg.schedule('information-request-reminders', { job: 'information-request-reminders', cron: '0 8 * * *', timezone: 'Asia/Ho_Chi_Minh' });
}
