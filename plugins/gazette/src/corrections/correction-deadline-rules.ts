import type { RuleDefinition } from '@cong/sdk';
import type { DeadlineRuleValue } from '../intake/deadline-rules.js';

/**
 * Corrections are published within this many working days of the office receiving the correction
 * (GAZ-29). The 05-working-day figure is the National Assembly Standing Committee's rule for technical
 * errors in consolidated documents; DOMAIN.md applies it as the default SLA for every correction.
 */
export const CORRECTION_DEADLINE_RULE = 'gazette.correctionDeadline';

export const correctionRulePack: readonly RuleDefinition<DeadlineRuleValue>[] = [
  {
    name: CORRECTION_DEADLINE_RULE,
    value: { days: 5, count: 'working-days' },
    effectiveFrom: '2012-07-01',
    citation: 'Pháp lệnh 01/2012/UBTVQH13 Điều 9 (áp dụng làm mặc định / applied as the default)',
    description: 'Đính chính sai sót trên Công báo trong 05 ngày làm việc kể từ ngày nhận được / Publish a correction within 5 working days of receiving it',
  },
];
