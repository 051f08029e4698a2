// Every text of the Q&A pages exists in Vietnamese and in English, with the same keys (and, for the
// texts that take values, functions in both).
import { describe, expect, it } from 'vitest';
import { answerMessages } from '../agency/answer-messages.js';
import { inboxMessages } from '../agency/inbox-messages.js';
import { boardMessages } from '../board/board-messages.js';
import { publicationMessages } from '../board/publication-messages.js';
import { consultationMessages } from '../consultations/consultation-messages.js';
import { dialogueMessages } from '../dialogues/dialogue-messages.js';
import { feedbackMessages } from '../feedback/feedback-messages.js';
import { privacyMessages } from '../privacy/privacy-messages.js';
import { rulesMessages } from '../rules/rules-messages.js';
import { statisticsMessages } from '../statistics/statistics-messages.js';
import { templateMessages } from '../templates/template-messages.js';
import { commonMessages } from './common-messages.js';
import { queueMessages } from './queue-messages.js';

/** `key: type` of every leaf, nested keys dotted. */
function shape(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [`${prefix}: ${typeof value}`];
  return Object.entries(value).flatMap(([key, inner]) => shape(inner, prefix ? `${prefix}.${key}` : key)).sort();
}

function blanks(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return value.trim() ? [] : [prefix];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => blanks(inner, prefix ? `${prefix}.${key}` : key));
}

describe('the Q&A admin messages', () => {
  const catalogues = { commonMessages, queueMessages, boardMessages, publicationMessages, rulesMessages, inboxMessages, answerMessages, consultationMessages, dialogueMessages, statisticsMessages, feedbackMessages, templateMessages, privacyMessages };
  for (const [name, catalogue] of Object.entries(catalogues)) {
    it(`${name}: the same texts in Vietnamese and English, none blank`, () => {
      expect(shape(catalogue.en)).toEqual(shape(catalogue.vi));
      expect(blanks(catalogue.vi)).toEqual([]);
      expect(blanks(catalogue.en)).toEqual([]);
    });
  }
});
