// The intake area: submissions from issuing units, the office's register, the issuer's gazette
// contact and the deadline rule pack (GAZ-10, GAZ-13, GAZ-15, GAZ-16, GAZ-01).
import type { PluginRegistrar } from '@cong/sdk';
import { contactRoutes } from './contact.routes.js';
import { intakeRulePack } from './deadline-rules.js';
import { intakeConfig } from './intake-config.js';
import { intakeRoutes } from './intake.routes.js';
import { submissionRoutes } from './submission.routes.js';

export function registerIntake(reg: PluginRegistrar): void {
  const config = intakeConfig(reg);
  reg.rules(intakeRulePack);
  reg.routes((route) => {
    submissionRoutes(route, config);
    intakeRoutes(route, config);
    contactRoutes(route);
  });
}
