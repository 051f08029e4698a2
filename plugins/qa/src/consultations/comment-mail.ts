/**
 * The message to a commenter: plain text, Vietnamese first with English after, from the named template
 * of src/templates (logic-less `{{key}}`). The draft's title is inserted as it is: plain text renders
 * nothing in it.
 */
import { MAIL_TEMPLATES, type MailTemplateText } from '../templates/mail-template-catalog.js';
import { renderMailTemplate } from '../templates/render-mail-template.js';

export function commentVerificationMail(input: { title: string; link: string; hours: number }, template: MailTemplateText = MAIL_TEMPLATES['consultation-comment-verification'].defaults): { subject: string; text: string } {
  return renderMailTemplate(template, input);
}
