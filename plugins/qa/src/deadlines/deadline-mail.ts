/**
 * Reminder and escalation messages to staff: plain text, Vietnamese first then English, built by
 * concatenation (no template engine). They name the question by tracking code and title only: no
 * asker's name or contact.
 */
import type { QuestionMail } from '../questions/question-mail.js';

const vnDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

export interface NoticeInput {
  readonly code: string;
  readonly title: string;
  /** The unit whose turn it is. */
  readonly unit: string;
  readonly dueOn: string;
  readonly rule: string;
}

export function reminderMail(m: NoticeInput): QuestionMail {
  return {
    subject: `[Cổng] Sắp đến hạn trả lời câu hỏi ${m.code} (${vnDate(m.dueOn)}) / Answer due soon`,
    text: [
      `Câu hỏi ${m.code} được chuyển đến ${m.unit} sắp đến hạn trả lời.`,
      `"${m.title}"`,
      `Hạn trả lời hoặc thông báo tiến độ: ${vnDate(m.dueOn)} (${m.rule}).`,
      '',
      '---',
      `Question ${m.code}, forwarded to ${m.unit}, is due on ${m.dueOn}: answer it or report progress by then.`,
    ].join('\n'),
  };
}

export function escalationMail(m: NoticeInput & { readonly kind: 'board' | 'agency' }): QuestionMail {
  const whose = m.kind === 'agency' ? `${m.unit} chưa trả lời` : 'Ban biên tập chưa chuyển hoặc trả lời';
  return {
    subject: `[Cổng] Quá hạn xử lý câu hỏi ${m.code} / Question overdue`,
    text: [
      `${whose} câu hỏi ${m.code} trong thời hạn.`,
      `"${m.title}"`,
      `Hạn: ${vnDate(m.dueOn)} (${m.rule}). Đề nghị lãnh đạo đơn vị và Ban biên tập đôn đốc xử lý.`,
      '',
      '---',
      `Question ${m.code} was due on ${m.dueOn} and is still with ${m.kind === 'agency' ? m.unit : 'the editorial board'}. Please follow it up.`,
    ].join('\n'),
  };
}
