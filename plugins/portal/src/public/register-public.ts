import type { PluginRegistrar } from '@cong/sdk';
import type { Languages } from '../site/languages.js';
import { languageRoutes } from './languages.routes.js';
import { publicContentRoutes } from './public.routes.js';

/** The read-only public JSON content API (src/public), and the site's languages. */
export function registerPublic(reg: PluginRegistrar, languages: Languages): void {
  reg.routes((route) => {
    publicContentRoutes(route, languages);
    languageRoutes(route, languages);
  });
}
