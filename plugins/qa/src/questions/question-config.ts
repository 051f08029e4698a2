import type { PluginRegistrar, RateLimitRule } from '@cong/sdk';

/** The question form's limits (`questions` in the plugin's configuration); file-only, read at start. */
export interface QuestionLimits {
  readonly nameMaxLength: number;
  readonly addressMaxLength: number;
  readonly titleMinLength: number;
  readonly titleMaxLength: number;
  readonly contentMinLength: number;
  readonly contentMaxLength: number;
  readonly minFillSeconds: number;
  readonly formMaxAgeHours: number;
  readonly verificationHours: number;
  readonly submitPerAddress: RateLimitRule;
  readonly submitPerEmail: RateLimitRule;
  readonly verifyPerAddress: RateLimitRule;
  readonly statusPerAddress: RateLimitRule;
  readonly consentVersion: string;
  /** Most files one question takes (0: the form takes none). */
  readonly attachmentsMaxCount: number;
  /** Largest attached file, in bytes. */
  readonly attachmentMaxBytes: number;
  /** Accepted types, sniffed from the content by the core's file service. */
  readonly attachmentTypes: readonly string[];
  readonly attachPerAddress: RateLimitRule;
  readonly suggestPerAddress: RateLimitRule;
  /**
   * Proof-of-work on the form and the widget: each submission carries a solved, signed challenge
   * (src/public-forms/proof-of-work-guard.ts). Default is `false`.
   */
  readonly proofOfWork: boolean;
  /**
   * Leading zero bits of the SHA-256 the client must find, 8 to 24; each bit doubles the work. Default
   * is 16: about 65,000 hashes, half a second in headless Chromium on a 2-core server (docs/guides/qa.md).
   */
  readonly proofOfWorkBits: number;
}

export const DEFAULT_LIMITS: QuestionLimits = {
  nameMaxLength: 120,
  addressMaxLength: 250,
  titleMinLength: 5,
  titleMaxLength: 200,
  contentMinLength: 20,
  contentMaxLength: 5000,
  minFillSeconds: 5,
  formMaxAgeHours: 24,
  verificationHours: 48,
  submitPerAddress: { points: 5, durationSeconds: 3600 },
  submitPerEmail: { points: 3, durationSeconds: 86400 },
  verifyPerAddress: { points: 20, durationSeconds: 3600 },
  statusPerAddress: { points: 30, durationSeconds: 600 },
  consentVersion: '2026-11',
  attachmentsMaxCount: 5,
  attachmentMaxBytes: 10 * 1024 * 1024,
  attachmentTypes: ['application/pdf', 'image/jpeg', 'image/png', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  attachPerAddress: { points: 30, durationSeconds: 3600 },
  suggestPerAddress: { points: 120, durationSeconds: 600 },
  proofOfWork: false,
  proofOfWorkBits: 16,
};

export function questionLimits(reg: PluginRegistrar): QuestionLimits {
  const section = reg.config<{ questions?: Partial<QuestionLimits> }>().questions ?? {};
  return { ...DEFAULT_LIMITS, ...section };
}
