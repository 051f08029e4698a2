import type { RuleDefinition } from '@cong/sdk';

/** How many working days before the deadline the addressed units are first reminded. */
export const REMINDER_WORKING_DAYS_RULE = 'portal.informationRequest.reminderWorkingDays';

/** The submissions area's rule pack. */
export const submissionRules: readonly RuleDefinition[] = [
  {
    name: REMINDER_WORKING_DAYS_RULE,
    value: 2,
    effectiveFrom: '2025-07-01',
    citation: 'FD Đ2.1.k',
    description: 'Số ngày làm việc trước hạn gửi nhắc đơn vị được yêu cầu cung cấp thông tin; sau hạn, nhắc (đôn đốc) mỗi ngày làm việc. / Working days before the deadline when addressed units are first reminded; after it, a reminder every working day.',
  },
];
