import { AnswerEditor } from './answer-editor.element.js';

AnswerEditor.define('qa-answer-editor', 'qa');

declare global {
  interface HTMLElementTagNameMap {
    'qa-answer-editor': AnswerEditor;
  }
}

export { AnswerEditor };
