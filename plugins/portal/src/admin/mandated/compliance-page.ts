import { CompliancePage } from './compliance-page.element.js';

CompliancePage.define('portal-compliance-page', 'portal');

declare global {
  interface HTMLElementTagNameMap {
    'portal-compliance-page': CompliancePage;
  }
}

export { CompliancePage };
