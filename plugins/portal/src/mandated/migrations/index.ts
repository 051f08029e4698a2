import type { Migration } from 'kysely';
import * as createMandatedSections from './2026_11_29_1200_create_mandated_sections.js';
import * as createPublicationDeadlines from './2026_11_29_1210_create_publication_deadlines.js';

export const mandatedMigrations: Readonly<Record<string, Migration>> = {
  '2026_11_29_1200_create_mandated_sections': createMandatedSections,
  '2026_11_29_1210_create_publication_deadlines': createPublicationDeadlines,
};
