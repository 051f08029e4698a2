import type { PluginRegistrar, RateLimitRule } from '@cong/sdk';

/** Settings of feedback on regulations and ideas (`feedback` in the plugin's configuration); file-only, read at start. */
export interface FeedbackSettings {
  /**
   * The slug of the unit that receives feedback on regulations in each province: the Department of
   * Justice (Sở Tư pháp, NĐ 20/2008 Art. 8 as amended by NĐ 48/2013, QA-14). A province without a unit
   * of this slug receives it in the province's own unit.
   */
  readonly receivingUnit: string;
  /** The national feedback page of the Cổng Dịch vụ công quốc gia, linked from the form (QA-14). */
  readonly nationalPortalUrl: string;
  readonly contentMinLength: number;
  readonly contentMaxLength: number;
  readonly minFillSeconds: number;
  readonly formMaxAgeHours: number;
  readonly verificationHours: number;
  readonly submitPerAddress: RateLimitRule;
  readonly submitPerEmail: RateLimitRule;
  readonly verifyPerAddress: RateLimitRule;
  readonly statusPerAddress: RateLimitRule;
  readonly votePerAddress: RateLimitRule;
  readonly consentVersion: string;
}

export const DEFAULT_FEEDBACK_SETTINGS: FeedbackSettings = {
  receivingUnit: 'so-tu-phap',
  nationalPortalUrl: 'https://dichvucong.gov.vn/p/home/dvc-phan-anh-kien-nghi.html',
  contentMinLength: 20,
  contentMaxLength: 10000,
  minFillSeconds: 5,
  formMaxAgeHours: 24,
  verificationHours: 48,
  submitPerAddress: { points: 10, durationSeconds: 3600 },
  submitPerEmail: { points: 5, durationSeconds: 86400 },
  verifyPerAddress: { points: 20, durationSeconds: 3600 },
  statusPerAddress: { points: 30, durationSeconds: 3600 },
  votePerAddress: { points: 30, durationSeconds: 3600 },
  consentVersion: '2026-11',
};

export function feedbackSettings(reg: PluginRegistrar): FeedbackSettings {
  const section = reg.config<{ feedback?: Partial<FeedbackSettings> }>().feedback ?? {};
  return { ...DEFAULT_FEEDBACK_SETTINGS, ...section };
}
