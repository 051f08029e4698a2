import type { PluginRegistrar } from '@cong/sdk';
import { articlePublished } from '../content/content-events.js';
import { deadlineRoutes } from './deadlines.routes.js';
import { mandatedRulePack } from './mandated-rules.js';
import { mandatedRoutes } from './mandated.routes.js';
import { markArticleMet, trackLegalDocuments } from './publication-deadlines.js';

/** How often legal documents entered since the last run get their tracked deadline. */
const LEGAL_CATCH_UP_MS = 2 * 60_000;

/**
 * Mandated information, compliance and publication deadlines (src/mandated): the rule pack, the admin
 * routes, the listener that marks an article's deadline met when it is published, and the job that
 * tracks legal documents (the legal area emits no events). Sections are seeded per unit by
 * `seedMandatedSections`, from the plugin's `onTenantEnable`.
 */
export function registerMandated(reg: PluginRegistrar): void {
  reg.rules(mandatedRulePack);
  reg.routes(mandatedRoutes);
  reg.routes(deadlineRoutes);
  reg.on(articlePublished, async (e, ctx) => void (await markArticleMet(ctx, e.tenantId, e.id, Date.parse(e.at))));
  reg.jobs({ 'mandated-legal-deadlines': { handler: async (_payload, ctx) => void (await trackLegalDocuments(ctx)), maxAttempts: 3 } });
  reg.schedule('mandated-legal-clock', { job: 'mandated-legal-deadlines', everyMs: LEGAL_CATCH_UP_MS });
}
