// An agency's pages: the inbox (with the answer editor) and the unit's answer settings.
export { AgencyInbox } from './agency-inbox.js';
export { AnswerEditor } from './answer-editor.js';
export { AnswerSettings } from './answer-settings.js';
