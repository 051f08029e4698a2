// The province's e-mail templates.
export { MailTemplatesPage } from './mail-templates.js';
