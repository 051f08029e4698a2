import { PersonalDataPage } from './personal-data.element.js';

PersonalDataPage.define('qa-personal-data', 'qa');

declare global {
  interface HTMLElementTagNameMap {
    'qa-personal-data': PersonalDataPage;
  }
}

export { PersonalDataPage };
