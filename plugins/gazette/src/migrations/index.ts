// The gazette plugin's one migration ledger. Names are dated, so the areas' migrations interleave in
// the order they were written; each area adds its own entries here.
import type { Migration } from 'kysely';
import * as createSubmissions from './2026_11_29_0340_create_submissions.js';
import * as createComparisonRounds from './2026_11_29_0350_create_comparison_rounds.js';
import * as createIssuesAndDocuments from './2026_11_29_0400_create_issues_and_documents.js';
import * as addRelationPartial from './2026_11_29_0410_add_relation_partial.js';
import * as createSearchEntries from './2026_11_29_0420_create_search_entries.js';

export const gazetteMigrations: Readonly<Record<string, Migration>> = {
  '2026_11_29_0340_create_submissions': createSubmissions,
  '2026_11_29_0350_create_comparison_rounds': createComparisonRounds,
  '2026_11_29_0400_create_issues_and_documents': createIssuesAndDocuments,
  '2026_11_29_0410_add_relation_partial': addRelationPartial,
  '2026_11_29_0420_create_search_entries': createSearchEntries,
};
