import type { PluginRegistrar, RateLimitRule } from '@cong/sdk';

/** Settings of online dialogues (`dialogues` in the plugin's configuration); file-only, read at start. */
export interface DialogueSettings {
  readonly questionMinLength: number;
  readonly questionMaxLength: number;
  readonly minFillSeconds: number;
  readonly formMaxAgeHours: number;
  readonly verificationHours: number;
  readonly askPerAddress: RateLimitRule;
  readonly askPerEmail: RateLimitRule;
  readonly verifyPerAddress: RateLimitRule;
  /** The version of the consent text shown on the form, carried into the question flow on forwarding. */
  readonly consentVersion: string;
}

export const DEFAULT_DIALOGUE_SETTINGS: DialogueSettings = {
  questionMinLength: 10,
  questionMaxLength: 3000,
  minFillSeconds: 5,
  formMaxAgeHours: 24,
  verificationHours: 24,
  askPerAddress: { points: 10, durationSeconds: 3600 },
  askPerEmail: { points: 5, durationSeconds: 86400 },
  verifyPerAddress: { points: 20, durationSeconds: 3600 },
  consentVersion: '2026-11',
};

export function dialogueSettings(reg: PluginRegistrar): DialogueSettings {
  const section = reg.config<{ dialogues?: Partial<DialogueSettings> }>().dialogues ?? {};
  return { ...DEFAULT_DIALOGUE_SETTINGS, ...section };
}
