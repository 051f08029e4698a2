import type { PluginRegistrar } from '@cong/sdk';
import type { Languages } from '../site/languages.js';
import { contentRoutes } from './content.routes.js';
import { publishScheduleJob } from './publish-schedule-job.js';

/** Routes, jobs and listeners of the portal's content area. */
export function registerContent(reg: PluginRegistrar, languages: Languages): void {
  reg.routes((route) => contentRoutes(route, languages));
  reg.jobs({ 'content-publish-schedule': publishScheduleJob });
  reg.schedule('content-clock', { job: 'content-publish-schedule', everyMs: 60_000 });
}
