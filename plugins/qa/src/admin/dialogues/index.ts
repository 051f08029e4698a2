// Online dialogues: the organising unit's page, with the live console of one event.
export { DialoguesPage } from './dialogues.js';
export { DialogueConsole } from './dialogue-console.js';
