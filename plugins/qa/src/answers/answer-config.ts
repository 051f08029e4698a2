import type { PluginRegistrar } from '@cong/sdk';

/** The answers' settings (`answers` in the plugin's configuration); file-only, read at start. */
export interface AnswerSettings {
  /** Whether an agency's answers need a leader's approval when the agency has not said (its own setting wins). */
  readonly requireApprovalDefault: boolean;
  readonly answerMaxLength: number;
  /** What replaces personal data in the proposed public version. */
  readonly redactionMask: string;
  /** Questions and answers per page of the public list. */
  readonly publicPageSize: number;
}

export const DEFAULT_ANSWER_SETTINGS: AnswerSettings = {
  requireApprovalDefault: true,
  answerMaxLength: 20000,
  redactionMask: '[đã ẩn]',
  publicPageSize: 20,
};

export function answerSettings(reg: PluginRegistrar): AnswerSettings {
  const section = reg.config<{ answers?: Partial<AnswerSettings> }>().answers ?? {};
  return { ...DEFAULT_ANSWER_SETTINGS, ...section };
}
