import { configureLocalization } from '@lit/localize';
import { templates } from './locales/vi.js';
import { registerWebAwesomeVi } from './webawesome-vi.js';

/** The shell's languages: English is the source locale in code, Vietnamese the default target. */
export type ShellLanguage = 'vi' | 'en';

/** `localStorage` key of the chosen language. */
export const LANGUAGE_KEY = 'cong.lang';

// Vietnamese is bundled with the shell (no extra round trip): loadLocale resolves at once.
const { getLocale, setLocale } = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['vi'],
  loadLocale: async () => ({ templates }),
});
export { getLocale };

/** The language chosen in this browser: Vietnamese unless English was picked. */
export function shellLanguage(): ShellLanguage {
  try {
    return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Sets `<html lang>`, registers Web Awesome's Vietnamese and loads the templates before anything renders. */
export async function startI18n(language: ShellLanguage = shellLanguage()): Promise<void> {
  document.documentElement.lang = language;
  registerWebAwesomeVi();
  await setLocale(language === 'vi' ? 'vi' : 'en');
}

/** Remembers the language and reloads (the decision record: a switch reloads the page). */
export function switchLanguage(language: ShellLanguage): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Private mode without storage: the reload keeps the default.
  }
  location.reload();
}
