import { AnswerSettings } from './answer-settings.element.js';

AnswerSettings.define('qa-answer-settings', 'qa');

declare global {
  interface HTMLElementTagNameMap {
    'qa-answer-settings': AnswerSettings;
  }
}

export { AnswerSettings };
