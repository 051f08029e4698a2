import type { PluginRegistrar } from '@cong/sdk';
import { articlePublished, articleUnpublished } from '../content/content-events.js';
import type { Languages } from '../site/languages.js';
import { ArticleCounts } from './article-counts.js';
import { languageRoutes } from './languages.routes.js';
import { publicContentRoutes } from './public.routes.js';

/** The read-only public JSON content API (src/public), and the site's languages. */
export function registerPublic(reg: PluginRegistrar, languages: Languages): void {
  const counts = new ArticleCounts();
  reg.on(articlePublished, async (e) => counts.invalidate(e.tenantId));
  reg.on(articleUnpublished, async (e) => counts.invalidate(e.tenantId));
  reg.routes((route) => {
    publicContentRoutes(route, languages, counts);
    languageRoutes(route, languages);
  });
}
