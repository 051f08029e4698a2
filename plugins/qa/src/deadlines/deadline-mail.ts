/**
 * Reminder and escalation messages to staff: plain text, Vietnamese first then English, from the named
 * templates of src/templates (logic-less `{{key}}`). They name the question by tracking code and title
 * only: no asker's name or contact. Which party is late is decided here and handed over as text.
 */
import type { QuestionMail } from '../questions/question-mail.js';
import { MAIL_TEMPLATES, type MailTemplateText } from '../templates/mail-template-catalog.js';
import { renderMailTemplate } from '../templates/render-mail-template.js';

const vnDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

export interface NoticeInput {
  readonly code: string;
  readonly title: string;
  /** The unit whose turn it is. */
  readonly unit: string;
  readonly dueOn: string;
  readonly rule: string;
}

const values = (m: NoticeInput) => ({ code: m.code, title: m.title, unit: m.unit, dueOn: vnDate(m.dueOn), dueOnIso: m.dueOn, rule: m.rule });

export function reminderMail(m: NoticeInput, template: MailTemplateText = MAIL_TEMPLATES['deadline-reminder'].defaults): QuestionMail {
  return renderMailTemplate(template, values(m));
}

export function escalationMail(m: NoticeInput & { readonly kind: 'board' | 'agency' }, template: MailTemplateText = MAIL_TEMPLATES['deadline-escalation'].defaults): QuestionMail {
  const lateParty = m.kind === 'agency' ? `${m.unit} chưa trả lời` : 'Ban biên tập chưa chuyển hoặc trả lời';
  return renderMailTemplate(template, { ...values(m), lateParty, holder: m.kind === 'agency' ? m.unit : 'the editorial board' });
}
