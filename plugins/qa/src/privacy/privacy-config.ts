import type { PluginRegistrar, RateLimitRule } from '@cong/sdk';

/** Settings of personal data (`privacy` in the plugin's configuration); file-only, read at start. */
export interface PrivacySettings {
  /** Years the asker's personal data is kept after the question is answered or closed. */
  readonly retentionYears: number;
  readonly deletionLinkHours: number;
  readonly requestPerAddress: RateLimitRule;
}

export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = {
  retentionYears: 5,
  deletionLinkHours: 48,
  requestPerAddress: { points: 10, durationSeconds: 3600 },
};

export function privacySettings(reg: PluginRegistrar): PrivacySettings {
  const section = reg.config<{ privacy?: Partial<PrivacySettings> }>().privacy ?? {};
  return { ...DEFAULT_PRIVACY_SETTINGS, ...section };
}
