import type { PluginRegistrar, RateLimitRule } from '@cong/sdk';
import type { BuiltInConsultee } from './consultation-database.js';

/** Settings of public consultations (`consultations` in the plugin's configuration); file-only, read at start. */
export interface ConsultationSettings {
  /** A shown comment is hidden once this many different reporters flagged it (Decidim's `max_reports_before_hiding`). */
  readonly maxReportsBeforeHiding: number;
  readonly commentMaxLength: number;
  readonly minFillSeconds: number;
  readonly formMaxAgeHours: number;
  readonly verificationHours: number;
  readonly commentPerAddress: RateLimitRule;
  readonly commentPerEmail: RateLimitRule;
  readonly verifyPerAddress: RateLimitRule;
  readonly reportPerAddress: RateLimitRule;
  /** The unit (slug) that stands for each built-in consultee (QA-21) in every province. */
  readonly builtInConsultees: Readonly<Record<BuiltInConsultee, string>>;
}

export const DEFAULT_CONSULTATION_SETTINGS: ConsultationSettings = {
  maxReportsBeforeHiding: 3,
  commentMaxLength: 5000,
  minFillSeconds: 5,
  formMaxAgeHours: 24,
  verificationHours: 48,
  commentPerAddress: { points: 10, durationSeconds: 3600 },
  commentPerEmail: { points: 10, durationSeconds: 86400 },
  verifyPerAddress: { points: 20, durationSeconds: 3600 },
  reportPerAddress: { points: 20, durationSeconds: 3600 },
  builtInConsultees: { finance: 'so-tai-chinh', 'home-affairs': 'so-noi-vu', justice: 'so-tu-phap', 'science-technology': 'so-khoa-hoc-va-cong-nghe' },
};

export function consultationSettings(reg: PluginRegistrar): ConsultationSettings {
  const section = reg.config<{ consultations?: Partial<ConsultationSettings> }>().consultations ?? {};
  return { ...DEFAULT_CONSULTATION_SETTINGS, ...section, builtInConsultees: { ...DEFAULT_CONSULTATION_SETTINGS.builtInConsultees, ...section.builtInConsultees } };
}
