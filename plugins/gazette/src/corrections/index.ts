// Corrections (đính chính, GAZ-25…GAZ-29): linking a correction notice to what it corrects, where each
// case may be published (CorrectionPlacement), and the 05-working-day SLA rule.
import type { PluginRegistrar } from '@cong/sdk';
import { correctionRulePack } from './correction-deadline-rules.js';
import { correctionRoutes } from './correction.routes.js';

export function registerCorrections(reg: PluginRegistrar): void {
  reg.rules(correctionRulePack);
  reg.routes((route) => correctionRoutes(route));
}

export { correctionsOf, correctionViews } from './correction-views.js';
export { CorrectionPlacement } from './correction-placement.js';
export { CORRECTION_DEADLINE_RULE } from './correction-deadline-rules.js';
