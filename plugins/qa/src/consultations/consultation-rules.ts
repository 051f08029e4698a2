import type { RuleDefinition } from '@cong/sdk';

/** One document type's minimum consultation period, in calendar days (QA-21, QA-22). */
export interface DocumentTypePeriod {
  readonly label: { readonly vi: string; readonly en: string };
  readonly minimumDays: number;
  /** False while the value has not been checked against the legal text (DOMAIN.md ○). */
  readonly checked: boolean;
}

/**
 * The periods of a consultation: the minimum posting period per document type and the consulted
 * agencies' reply time (normal and shortened procedure). Calendar days: weekends and public holidays
 * count, and posting on them is allowed (QA-22).
 */
export interface ConsultationPeriodsValue {
  readonly documentTypes: Readonly<Record<string, DocumentTypePeriod>>;
  readonly agencyReplyDays: number;
  readonly agencyReplyDaysShortened: number;
}

export const CONSULTATION_PERIODS_RULE = 'qa.consultationPeriods';

const TO_CHECK = '(giá trị mặc định, cần đối chiếu / default, to be checked)';

// QA-21 is ◐ (press reports of NĐ 187/2025 amending NĐ 78/2025, new Art. 51a); QA-22's values are ○.
// Every value is shipped unchecked, for an administrator to confirm or override with a new dated
// version (POST /api/core/rules) once the legal text has been read.
export const consultationRulePack: readonly RuleDefinition<ConsultationPeriodsValue>[] = [
  {
    name: CONSULTATION_PERIODS_RULE,
    value: {
      documentTypes: {
        'qd-ubnd': { label: { vi: 'Quyết định của Ủy ban nhân dân tỉnh, Chủ tịch Ủy ban nhân dân tỉnh', en: "Decision of the Provincial People's Committee or its Chair" }, minimumDays: 10, checked: false },
        'nq-hdnd': { label: { vi: 'Nghị quyết của Hội đồng nhân dân tỉnh', en: "Resolution of the Provincial People's Council" }, minimumDays: 20, checked: false },
        'trung-uong': { label: { vi: 'Dự thảo văn bản của cơ quan trung ương', en: 'Draft of a central document' }, minimumDays: 20, checked: false },
        khac: { label: { vi: 'Dự thảo văn bản khác', en: 'Other draft' }, minimumDays: 10, checked: false },
      },
      agencyReplyDays: 7,
      agencyReplyDaysShortened: 3,
    },
    effectiveFrom: '2025-07-01',
    citation: `Luật 64/2025/QH15; NĐ 78/2025/NĐ-CP, sửa đổi bởi NĐ 187/2025/NĐ-CP (Điều 51a) ${TO_CHECK}`,
    description: 'Thời hạn tối thiểu lấy ý kiến dự thảo theo loại văn bản; thời hạn cơ quan được lấy ý kiến trả lời (ngày lịch) / Minimum consultation periods per document type; consulted agencies’ reply time (calendar days)',
  },
];

/** Calendar days from `from` to `to` (`YYYY-MM-DD`); negative when `to` is before `from`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `day` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Today in Vietnam (UTC+7, no daylight saving). */
export function vietnamToday(now = Date.now()): string {
  return new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
}
