import type { RuleDefinition } from '@cong/sdk';

/**
 * When the annual report on the gazette work is due at the Government Office (GAZ-32): `month`/`day`
 * of the year `yearsAfter` years after the reported year. A rule, not a constant, because the circular
 * that sets it changes (DOMAIN.md GAZ-32 ○: to be checked against TT 01/2017, TT 01/2020, TT 05/2025).
 */
export interface AnnualReportRuleValue {
  readonly month: number;
  readonly day: number;
  readonly yearsAfter: number;
}

export const ANNUAL_REPORT_RULE = 'gazette.annualReport';

// Neither the due date nor the form has been checked against the text of the circulars: every version
// says so in its citation, like the intake deadlines, for an administrator to confirm or override with
// a new dated version (POST /api/core/rules).
const TO_CHECK = '(giá trị mặc định, cần đối chiếu / default, to be checked)';

export const annualReportRulePack: readonly RuleDefinition<AnnualReportRuleValue>[] = [
  {
    name: ANNUAL_REPORT_RULE,
    value: { month: 1, day: 15, yearsAfter: 1 },
    effectiveFrom: '2016-07-01',
    effectiveTo: '2025-03-31',
    citation: `Luật 80/2015/QH13; NĐ 34/2016/NĐ-CP ${TO_CHECK}`,
    description: 'Báo cáo tình hình thực hiện công tác Công báo gửi Văn phòng Chính phủ hằng năm / Annual report on the gazette work to the Government Office',
  },
  {
    name: ANNUAL_REPORT_RULE,
    value: { month: 1, day: 15, yearsAfter: 1 },
    effectiveFrom: '2025-04-01',
    citation: `TT 02/2025/TT-VPCP ${TO_CHECK}`,
    description: 'Báo cáo tình hình thực hiện công tác Công báo gửi Văn phòng Chính phủ hằng năm / Annual report on the gazette work to the Government Office',
  },
];

/** The due date of the report on `year` under `value`: `2027-01-15` for 2026 by default. */
export function reportDueDate(year: number, value: AnnualReportRuleValue): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year + value.yearsAfter}-${pad(value.month)}-${pad(value.day)}`;
}
