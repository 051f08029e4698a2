import type { Migration } from 'kysely';
import * as createCategories from './2026_11_28_2200_create_categories.js';
import * as createArticles from './2026_11_28_2210_create_articles.js';
import * as createRevisionsAndRedirects from './2026_11_28_2220_create_revisions_and_redirects.js';
import * as indexPublishedLists from './2026_11_29_1600_index_published_lists.js';
import * as createCategoryTranslations from './2026_11_29_1700_create_category_translations.js';
import * as coverPublishedLists from './2026_11_29_2300_cover_published_lists.js';

export const contentMigrations: Readonly<Record<string, Migration>> = {
  '2026_11_28_2200_create_categories': createCategories,
  '2026_11_28_2210_create_articles': createArticles,
  '2026_11_28_2220_create_revisions_and_redirects': createRevisionsAndRedirects,
  '2026_11_29_1600_index_published_lists': indexPublishedLists,
  '2026_11_29_1700_create_category_translations': createCategoryTranslations,
  '2026_11_29_2300_cover_published_lists': coverPublishedLists,
};
