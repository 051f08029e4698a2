import { IssuesPage } from './issues-page.element.js';

IssuesPage.define('gazette-issues', 'gazette');

declare global {
  interface HTMLElementTagNameMap {
    'gazette-issues': IssuesPage;
  }
}

export { IssuesPage };
