import type { RuleDefinition } from '@cong/sdk';

/**
 * A deadline as a rule carries it: a number of days and how they count. `calendar-days` end on a
 * working day (a period whose last day is a day off ends on the next working day, BLDS 2015 Điều 148
 * khoản 5); `working-days` skip weekends, holidays and days off on the core calendar.
 */
export interface DeadlineRuleValue {
  readonly days: number;
  readonly count: 'calendar-days' | 'working-days';
}

/** The issuer sends the document to the office within this many days of signing (GAZ-15). */
export const SEND_DEADLINE_RULE = 'gazette.sendDeadline';
/** The office publishes within this many days of receipt (GAZ-16). */
export const PUBLISH_DEADLINE_RULE = 'gazette.publishDeadline';
/** Documents in force on signing are published at once: the same or the next working day (GAZ-16). */
export const PUBLISH_AT_ONCE_RULE = 'gazette.publishDeadline.inForceOnSigning';

const LUAT_80_2015 = '2016-07-01';
const LUAT_64_2025 = '2025-04-01';
const LUAT_64_2025_LAST_DAY_BEFORE = '2025-03-31';
// The figures under the 2025 texts are not yet checked (DOMAIN.md GAZ-15, GAZ-16 ○): the versions from
// 1 April 2025 carry the earlier law's figures as defaults and say so, for an administrator to confirm
// or override with a new dated version.
const CURRENT = 'Luật 64/2025/QH15; NĐ 78/2025/NĐ-CP; TT 02/2025/TT-VPCP';
const TO_CHECK = '(giá trị mặc định, cần đối chiếu / default, to be checked)';

/**
 * The gazette's rule pack for intake deadlines. Each value is a {@link DeadlineRuleValue}; a
 * submission records the version that computed its dates.
 */
export const intakeRulePack: readonly RuleDefinition<DeadlineRuleValue>[] = [
  {
    name: SEND_DEADLINE_RULE,
    value: { days: 3, count: 'calendar-days' },
    effectiveFrom: LUAT_80_2015,
    effectiveTo: LUAT_64_2025_LAST_DAY_BEFORE,
    citation: 'Luật 80/2015/QH13 Điều 150 khoản 2',
    description: 'Cơ quan ban hành gửi văn bản đến cơ quan Công báo chậm nhất 03 ngày kể từ ngày ký ban hành / The issuer sends the document within 3 days of signing',
  },
  {
    name: SEND_DEADLINE_RULE,
    value: { days: 3, count: 'calendar-days' },
    effectiveFrom: LUAT_64_2025,
    citation: `${CURRENT} ${TO_CHECK}`,
    description: 'Thời hạn gửi văn bản đăng Công báo: 03 ngày kể từ ngày ký ban hành / Sending deadline: 3 days after signing',
  },
  {
    name: PUBLISH_DEADLINE_RULE,
    value: { days: 15, count: 'calendar-days' },
    effectiveFrom: LUAT_80_2015,
    effectiveTo: LUAT_64_2025_LAST_DAY_BEFORE,
    citation: 'Luật 80/2015/QH13 Điều 150 khoản 2',
    description: 'Cơ quan Công báo đăng toàn văn chậm nhất 15 ngày kể từ ngày nhận được văn bản / The office publishes within 15 days of receipt',
  },
  {
    name: PUBLISH_DEADLINE_RULE,
    value: { days: 15, count: 'calendar-days' },
    effectiveFrom: LUAT_64_2025,
    citation: `${CURRENT} ${TO_CHECK}`,
    description: 'Thời hạn đăng Công báo: 15 ngày kể từ ngày nhận được văn bản / Publication deadline: 15 days after receipt',
  },
  {
    name: PUBLISH_AT_ONCE_RULE,
    value: { days: 1, count: 'working-days' },
    effectiveFrom: LUAT_80_2015,
    effectiveTo: LUAT_64_2025_LAST_DAY_BEFORE,
    citation: 'Luật 80/2015/QH13 Điều 150 khoản 2 (văn bản có hiệu lực kể từ ngày thông qua hoặc ký ban hành: đăng ngay)',
    description: 'Văn bản có hiệu lực kể từ ngày ký ban hành: đăng ngay, chậm nhất ngày làm việc tiếp theo / In force on signing: published the same or the next working day',
  },
  {
    name: PUBLISH_AT_ONCE_RULE,
    value: { days: 1, count: 'working-days' },
    effectiveFrom: LUAT_64_2025,
    citation: `${CURRENT} ${TO_CHECK}`,
    description: 'Văn bản có hiệu lực kể từ ngày ký ban hành: đăng ngay, chậm nhất ngày làm việc tiếp theo / In force on signing: published the same or the next working day',
  },
];
