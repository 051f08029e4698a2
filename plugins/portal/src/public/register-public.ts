import type { PluginRegistrar } from '@cong/sdk';
import { articlePublished, articleUnpublished } from '../content/content-events.js';
import type { Languages } from '../site/languages.js';
import type { CheckUnitFresh } from '../site/unit-memo.js';
import { ArticleCounts } from './article-counts.js';
import { languageRoutes } from './languages.routes.js';
import { publicContentRoutes } from './public.routes.js';

/** The read-only public JSON content API (src/public), and the site's languages; `fresh` is the site's check of a unit's fingerprint. */
export function registerPublic(reg: PluginRegistrar, languages: Languages, fresh: CheckUnitFresh): void {
  const counts = new ArticleCounts();
  reg.on(articlePublished, async (e) => counts.invalidate(e.tenantId));
  reg.on(articleUnpublished, async (e) => counts.invalidate(e.tenantId));
  reg.routes((route) => {
    publicContentRoutes(route, languages, counts, fresh);
    languageRoutes(route, languages);
  });
}
