import { SubmissionList } from './submission-list.element.js';

SubmissionList.define('portal-submission-list', 'portal');

declare global {
  interface HTMLElementTagNameMap {
    'portal-submission-list': SubmissionList;
  }
}

export { SubmissionList };
