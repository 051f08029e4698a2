import type { ApiClient } from '@cong/sdk/admin';
import type { PublicLanguage } from '../public/languages.routes.js';

/** A language of the public site, as `GET /api/portal/languages` gives it. */
export type SiteLanguage = PublicLanguage;

/** English: every install translates into it. */
export const ENGLISH: SiteLanguage = { code: 'en', name: 'English', nameVi: 'Tiếng Anh', path: '/en/' };

/** The list is fixed until the server restarts: read once per client. */
const known = new WeakMap<ApiClient, Promise<readonly SiteLanguage[]>>();

/**
 * The languages the editors offer a translation in: English and the languages configured in
 * cong.config.json, in the server's order. When the list cannot be read (the client reports the
 * failure) the editors still offer English, which every install has.
 */
export function translationLanguages(api: ApiClient): Promise<readonly SiteLanguage[]> {
  let languages = known.get(api);
  if (!languages) {
    languages = api.get<{ items: SiteLanguage[] }>('/api/portal/languages').then(
      ({ items }) => items.filter((l) => l.code !== 'vi'),
      () => {
        known.delete(api);
        return [ENGLISH];
      },
    );
    known.set(api, languages);
  }
  return languages;
}

/**
 * A language's name as the shell's sentences use it: in Vietnamese its Vietnamese name in lower case
 * (`tiếng Lào`: "Bản tiếng Lào"), in English its own name (`English`, `ພາສາລາວ`).
 */
export function languageLabel(language: SiteLanguage): string {
  if (document.documentElement.lang === 'en') return language.name;
  return language.nameVi.replace(/^Tiếng /, 'tiếng ');
}
