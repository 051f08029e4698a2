// Personal data (CORE-11): deletion of a question's personal data on the asker's verified request,
// and the retention period after which a scheduled job pseudonymises old questions.
import type { PluginRegistrar } from '@cong/sdk';
import { privacySettings } from './privacy-config.js';
import { privacyPageRoutes, privacyRoutes } from './privacy.routes.js';
import { PersonalDataService } from './personal-data.service.js';

export function registerPrivacy(reg: PluginRegistrar): void {
  const settings = privacySettings(reg);
  reg.routes((route) => privacyRoutes(route, settings));
  reg.publicRoutes((route) => privacyPageRoutes(route, settings));
  reg.jobs({
    'apply-retention': async (_payload, ctx) => {
      await new PersonalDataService(ctx, settings).applyRetention();
    },
  });
  reg.schedule('apply-retention-daily', { job: 'apply-retention', everyMs: 86_400_000 });
}
