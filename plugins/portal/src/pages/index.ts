// The pages area as the plugin wires it: pages in a tree, menus and banners (src/navigation), and the
// site chrome they feed. One registration, one migrations object, one list of public pages.
import type { Migration } from 'kysely';
import { navigationMigrations } from '../navigation/migrations/index.js';
import { pagesMigrations } from './migrations/index.js';

export { registerPages } from './register-pages.js';
export { pagesSitePages } from './pages-site-pages.js';
export { syncPage, reindexPages, pageDocuments, PAGE_SEARCH_TYPES } from './page-search.js';

export const pagesAreaMigrations: Readonly<Record<string, Migration>> = { ...pagesMigrations, ...navigationMigrations };
