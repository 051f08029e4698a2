/**
 * The messages to the asker: plain text, Vietnamese first with English after, from the named templates
 * of src/templates (logic-less `{{key}}`, no template engine: SECURITY.md, template injection). The
 * citizen's own title is inserted as it is: a plain-text e-mail renders nothing in it. `template` is
 * the province's text (`MailTemplateService.textFor`), the default when left out.
 */
import { MAIL_TEMPLATES, type MailTemplateText } from '../templates/mail-template-catalog.js';
import { renderMailTemplate } from '../templates/render-mail-template.js';

export interface QuestionMail {
  readonly subject: string;
  readonly text: string;
}

export function verificationMail(input: { title: string; link: string; hours: number; province: string }, template: MailTemplateText = MAIL_TEMPLATES['question-verification'].defaults): QuestionMail {
  return renderMailTemplate(template, input);
}

export function trackingMail(input: { code: string; title: string; province: string }, template: MailTemplateText = MAIL_TEMPLATES['question-tracking'].defaults): QuestionMail {
  return renderMailTemplate(template, input);
}
