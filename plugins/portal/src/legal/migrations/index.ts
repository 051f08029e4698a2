import type { Migration } from 'kysely';
import * as createLegalDocuments from './2026_11_28_2255_create_legal_documents.js';

export const legalMigrations: Readonly<Record<string, Migration>> = {
  '2026_11_28_2255_create_legal_documents': createLegalDocuments,
};
