// The consultations area (QA-20…QA-25): drafts put to public comment with their text split into
// articles, the dossier and the consulted agencies; comments verified by e-mail, pre-moderated and
// hidden after N abuse reports; the drafting unit's answers, the report on acceptance and explanation
// (DOCX, PDF, CSV) and the published outcome. Phases are computed on read (consultation-phase.ts).
import type { PluginRegistrar } from '@cong/sdk';
import { CommentService } from './comment.service.js';
import { consultationSettings } from './consultation-config.js';
import { consultationRulePack } from './consultation-rules.js';
import { consultationPublicRoutes } from './public-pages.routes.js';
import { consultationAgencyRoutes, consultationStaffRoutes } from './staff.routes.js';

export function registerConsultations(reg: PluginRegistrar): void {
  const settings = consultationSettings(reg);
  reg.rules(consultationRulePack);
  reg.routes((route) => {
    consultationStaffRoutes(route, settings);
    consultationAgencyRoutes(route, settings);
  });
  reg.publicRoutes((route) => consultationPublicRoutes(route, settings));
  reg.jobs({
    'purge-unverified-comments': async (_payload, ctx) => {
      await new CommentService(ctx, settings).purgeExpired();
    },
  });
  reg.schedule('purge-unverified-comments-hourly', { job: 'purge-unverified-comments', everyMs: 3_600_000 });
}
