import type { RuleDefinition } from '@cong/sdk';

/** A limit in working days on the core calendar (Tết, holidays, compensatory days and make-up Saturdays). */
export interface WorkingDaysRuleValue {
  readonly days: number;
  readonly count: 'working-days';
}

/** The board receives, classifies and forwards a question, or tells the asker it is outside the province's competence (QA-02). */
export const TRIAGE_DEADLINE_RULE = 'qa.deadline.triage';
/** Feedback on regulations outside the recipient's competence is forwarded within this (QA-12). */
export const PETITION_FORWARD_RULE = 'qa.deadline.petitionForward';
/** The competent agency answers, or reports progress with a stated answer date (QA-03). */
export const ANSWER_DEADLINE_RULE = 'qa.deadline.answer';
/** The latest answer date an agency's progress report may state, in working days after the report (QA-03). */
export const PROGRESS_MAX_RULE = 'qa.deadline.progressMax';
/** How many working days before the due date the people who answer are reminded (QA-05). */
export const REMINDER_LEAD_RULE = 'qa.deadline.reminderLead';
/** How many working days after the due date the head and the board are told (QA-05); 0: the first day after it. */
export const ESCALATION_AFTER_RULE = 'qa.deadline.escalationAfter';

const ND_43_2011 = '2011-08-01';
// NĐ 43/2011 was replaced by NĐ 42/2022 and then NĐ 224/2026; no replacement of its Art. 17(1)(đ)
// answer deadline has been found (DOMAIN.md QA-03 ○): the figure is kept as the configurable default
// and says so, for an administrator to confirm or override with a new dated version.
const TO_CHECK = '(giá trị mặc định, cần đối chiếu / default, to be checked)';
const PRACTICE = 'Thực tiễn vận hành, không có quy định / operational practice (INF)';

/**
 * The Q&A plugin's deadline rule pack. Each hop of a question records the version that set its
 * limit, so a past case is judged by the rules of its time.
 */
export const deadlineRulePack: readonly RuleDefinition<WorkingDaysRuleValue>[] = [
  {
    name: TRIAGE_DEADLINE_RULE,
    value: { days: 1, count: 'working-days' },
    effectiveFrom: ND_43_2011,
    citation: `NĐ 43/2011/NĐ-CP Điều 17 khoản 1 điểm đ; FD Đ2.1.d — 01 ngày làm việc là suy luận (INF) ${TO_CHECK}`,
    description: 'Ban biên tập tiếp nhận, phân loại và chuyển câu hỏi, hoặc trả lời "không thuộc thẩm quyền", trong 01 ngày làm việc / The board forwards or declines within 1 working day',
  },
  {
    name: PETITION_FORWARD_RULE,
    value: { days: 5, count: 'working-days' },
    effectiveFrom: '2008-04-05',
    citation: 'NĐ 20/2008/NĐ-CP Điều 9 khoản 1',
    description: 'Phản ánh, kiến nghị về quy định hành chính không thuộc thẩm quyền được chuyển trong 05 ngày làm việc / Feedback on regulations is forwarded within 5 working days',
  },
  {
    name: ANSWER_DEADLINE_RULE,
    value: { days: 15, count: 'working-days' },
    effectiveFrom: ND_43_2011,
    citation: `NĐ 43/2011/NĐ-CP Điều 17 khoản 1 điểm đ ${TO_CHECK}`,
    description: 'Cơ quan có thẩm quyền trả lời, hoặc thông báo tiến độ và ngày trả lời, trong 15 ngày làm việc kể từ ngày nhận / The agency answers or reports progress within 15 working days of receipt',
  },
  {
    name: PROGRESS_MAX_RULE,
    value: { days: 15, count: 'working-days' },
    effectiveFrom: ND_43_2011,
    citation: `NĐ 43/2011/NĐ-CP Điều 17 khoản 1 điểm đ (thông báo tiến độ và ngày trả lời); mức tối đa là suy luận (INF) ${TO_CHECK}`,
    description: 'Ngày trả lời hẹn trong thông báo tiến độ không quá 15 ngày làm việc sau ngày thông báo / A progress report states an answer date at most 15 working days after the report',
  },
  {
    name: REMINDER_LEAD_RULE,
    value: { days: 2, count: 'working-days' },
    effectiveFrom: ND_43_2011,
    citation: PRACTICE,
    description: 'Nhắc người trả lời trước hạn 02 ngày làm việc / Remind the people who answer 2 working days before the due date',
  },
  {
    name: ESCALATION_AFTER_RULE,
    value: { days: 0, count: 'working-days' },
    effectiveFrom: ND_43_2011,
    citation: PRACTICE,
    description: 'Báo lãnh đạo đơn vị và Ban biên tập ngay ngày đầu tiên quá hạn / Tell the head and the board on the first day past the due date',
  },
];
