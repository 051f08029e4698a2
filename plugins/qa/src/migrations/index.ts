import type { Migration } from 'kysely';
import * as createQuestions from './2026_11_29_0430_create_questions.js';

/** The plugin's one migration ledger: names are dated, so areas interleave in the order they were written. */
export const qaMigrations: Readonly<Record<string, Migration>> = {
  '2026_11_29_0430_create_questions': createQuestions,
};
