/**
 * The answers' messages to the asker: plain text, Vietnamese first with English after, from the named
 * templates of src/templates (logic-less `{{key}}`), as the questions' messages are. The agency's text
 * is inserted as it is: a plain-text e-mail renders nothing in it. The list of attachments is made here
 * and handed to the template as one value (templates have no loops).
 */
import type { QuestionMail } from '../questions/question-mail.js';
import { MAIL_TEMPLATES, type MailTemplateText } from '../templates/mail-template-catalog.js';
import { renderMailTemplate } from '../templates/render-mail-template.js';

export function answerMail(
  input: { code: string; title: string; agency: string; answer: string; files: readonly { name: string; link: string }[]; statusLink: string; ratingLink: string },
  template: MailTemplateText = MAIL_TEMPLATES['answer-sent'].defaults,
): QuestionMail {
  const files = input.files.length === 0 ? '' : ['Tệp đính kèm (Attachments):', ...input.files.map((f) => `- ${f.name}: ${f.link}`), '', ''].join('\n');
  return renderMailTemplate(template, { ...input, files });
}

export function clarificationMail(input: { code: string; title: string; agency: string; request: string; statusLink: string }, template: MailTemplateText = MAIL_TEMPLATES['answer-clarification'].defaults): QuestionMail {
  return renderMailTemplate(template, input);
}
