/**
 * The message to a person who asked a question for a dialogue: plain text, Vietnamese first with
 * English after, from the named template of src/templates (logic-less `{{key}}`, no template engine:
 * SECURITY.md). The event's title is inserted as it is: plain text renders nothing in it.
 */
import { MAIL_TEMPLATES, type MailTemplateText } from '../templates/mail-template-catalog.js';
import { renderMailTemplate } from '../templates/render-mail-template.js';

export function dialogueVerificationMail(input: { title: string; link: string; hours: number }, template: MailTemplateText = MAIL_TEMPLATES['dialogue-verification'].defaults): { subject: string; text: string } {
  return renderMailTemplate(template, input);
}
