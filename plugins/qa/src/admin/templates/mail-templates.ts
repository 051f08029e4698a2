import { MailTemplatesPage } from './mail-templates.element.js';

MailTemplatesPage.define('qa-mail-templates', 'qa');

declare global {
  interface HTMLElementTagNameMap {
    'qa-mail-templates': MailTemplatesPage;
  }
}

export { MailTemplatesPage };
