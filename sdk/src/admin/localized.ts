/** The languages of the admin shell: Vietnamese (the default) and English. */
export type AdminLanguage = 'vi' | 'en';

/** The shell's language from `<html lang>` (or `lang` when given): English when it starts with `en`, otherwise Vietnamese. */
export function adminLanguage(lang?: string): AdminLanguage {
  const value = lang ?? (globalThis as { document?: Document }).document?.documentElement.lang ?? '';
  return value.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

/**
 * Picks a plugin's texts for the shell's language (`<html lang>`; the shell sets it and reloads when it
 * changes). Plugins keep their own catalogue: they do not share the shell's `msg` ids.
 *
 * @example
 * ```ts
 * const t = localized({
 *   vi: { title: 'Lời chào', count: (n: number) => `${n} lời chào` },
 *   en: { title: 'Greetings', count: (n: number) => `${n} greeting${n === 1 ? '' : 's'}` },
 * });
 * html`<h1>${t.title}</h1><p>${t.count(3)}</p>`;
 * ```
 */
export function localized<T>(texts: { readonly vi: T; readonly en: T }, lang?: string): T {
  return texts[adminLanguage(lang)];
}
