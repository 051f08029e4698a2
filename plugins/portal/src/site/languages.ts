import { PORTAL_ERR_LANGUAGES_INVALID } from '../errors.js';

/**
 * A language code of the public site: `vi`, `en` or one of the configured languages (a BCP 47 tag in
 * its canonical case, `lo`, `zh-Hans`). The same string is the `lang` of translation rows, the API's
 * `lang` parameter and the pages' `lang`/`hreflang` attributes.
 */
export type Lang = string;

/** One language of the public site. */
export interface Language {
  readonly code: Lang;
  /** The first segment of its addresses: `''` for Vietnamese (`/…`), `en`, `lo`, `zh-hans` (lower case). */
  readonly segment: string;
  /** Its name in itself, for the language switcher (`English`, `ພາສາລາວ`). */
  readonly name: string;
  /** Its name in Vietnamese, for the admin (`Tiếng Anh`, `Tiếng Lào`). */
  readonly nameVi: string;
  /** The locale dates and printed PDFs use (`vi-VN`, `en-GB`, else the code). */
  readonly locale: string;
  /** OpenGraph's `og:locale` (`vi_VN`, `en_US`, else the code with `_`). */
  readonly ogLocale: string;
  /** UI labels by their English text (configured languages only; empty for Vietnamese and English). */
  readonly labels: Readonly<Record<string, string>>;
}

/** A language code as translations are stored under it (canonical case): for response schemas' keys. */
export const LANGUAGE_KEY = '^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$';
/** {@link LANGUAGE_KEY} but `vi` and `en`: keys beside `vi` and `en` properties (ajv's strict mode wants them apart). */
export const CONFIGURED_LANGUAGE_KEY = `^(?!(vi|en)$)${LANGUAGE_KEY.slice(1)}`;

/** A configured language as `pluginConfig.portal.languages[]` gives it (config.schema.json checks the shape). */
export interface LanguageConfig {
  readonly code: string;
  readonly name: string;
  readonly nameVi: string;
  readonly labels?: Readonly<Record<string, string>>;
}

/** The first path segment of a language's addresses: none for Vietnamese, else the code in lower case. */
export function segmentOf(code: Lang): string {
  return code === 'vi' ? '' : code.toLowerCase();
}

/** A language-neutral site path (`/tin/abc`) in a language: `/tin/abc`, `/en/tin/abc`, `/zh-hans/tin/abc`. */
export function sitePath(neutral: string, code: Lang): string {
  const p = neutral.startsWith('/') ? neutral : `/${neutral}`;
  const segment = segmentOf(code);
  if (segment === '') return p;
  return p === '/' ? `/${segment}` : `/${segment}${p}`;
}

/** The locale dates, numbers and printed PDFs use in a language: `vi-VN`, `en-GB`, else the code itself. */
export function localeOf(code: Lang): string {
  return code === 'vi' ? 'vi-VN' : code === 'en' ? 'en-GB' : code;
}

/**
 * A vi/en pair (menus, banners, alerts, organisation, media texts, unit names) in a language, with the
 * language of the text shown: Vietnamese pages the Vietnamese; English and every other language the
 * English, else (missing or blank) the Vietnamese.
 */
export function pairIn(code: Lang, vi: string, en: string | null | undefined): { readonly text: string; readonly lang: 'vi' | 'en' } {
  return code !== 'vi' && en !== null && en !== undefined && en.trim() !== '' ? { text: en, lang: 'en' } : { text: vi, lang: 'vi' };
}

const VI: Language = Object.freeze({ code: 'vi', segment: '', name: 'Tiếng Việt', nameVi: 'Tiếng Việt', locale: 'vi-VN', ogLocale: 'vi_VN', labels: {} });
const EN: Language = Object.freeze({ code: 'en', segment: 'en', name: 'English', nameVi: 'Tiếng Anh', locale: 'en-GB', ogLocale: 'en_US', labels: {} });

/**
 * The languages of the public site, decided once at start from cong.config.json: Vietnamese (the
 * content's own, at `/…`), English (at `/en/…`) and the configured ones (at `/<code>/…`, lower case).
 * Which routes exist depends on this list, so it is file-only: see docs/guides/portal.md.
 *
 * Fallbacks, by kind of text:
 * - UI labels (`label(code, vi, en)`): English looks nowhere else; another language looks the English
 *   text up in its `labels`, then shows the English.
 * - Content (articles, pages, categories): the language's translation, field by field, else Vietnamese.
 * - vi/en pairs (menus, banners, alerts, organisation, mandated sections, unit names): Vietnamese
 *   pages show the Vietnamese; English and every other language the English, else the Vietnamese.
 */
export class Languages {
  /** Vietnamese, English, then the configured languages in their order. */
  readonly all: readonly Language[];
  /** The languages content is translated into: English and the configured ones. */
  readonly translated: readonly Language[];
  /** The languages beyond Vietnamese and English, from cong.config.json. */
  readonly configured: readonly Language[];
  readonly codes: readonly Lang[];
  readonly #byCode: ReadonlyMap<string, Language>;

  constructor(configured: readonly Language[] = []) {
    this.configured = Object.freeze([...configured]);
    this.all = Object.freeze([VI, EN, ...configured]);
    this.translated = Object.freeze([EN, ...configured]);
    this.codes = Object.freeze(this.all.map((l) => l.code));
    this.#byCode = new Map(this.all.map((l) => [l.code, l]));
  }

  /** The language, which must be one of the site's (codes come from routes and validated queries). */
  of(code: Lang): Language {
    const language = this.#byCode.get(code);
    if (!language) throw new TypeError(`${code} is not a language of the site`);
    return language;
  }

  /** {@link sitePath}, for one of the site's languages. */
  path(neutral: string, code: Lang): string {
    return sitePath(neutral, this.of(code).code);
  }

  /** A UI label in a language: `vi` or `en` as given, another language from its `labels`, else the English. */
  label(code: Lang, vi: string, en: string): string {
    if (code === VI.code) return vi;
    return this.of(code).labels[en] ?? en;
  }

  /** {@link pairIn}, for one of the site's languages. */
  pair(code: Lang, vi: string, en: string | null | undefined): { readonly text: string; readonly lang: 'vi' | 'en' } {
    return pairIn(this.of(code).code, vi, en);
  }
}

/**
 * The site's languages from the portal's file configuration. The schema checks each entry's shape;
 * this checks what it cannot: a code is a well-formed BCP 47 tag other than `vi` and `en`, and no two
 * codes are the same language (`zh-hans` and `zh-Hans` are).
 */
export function languagesFrom(config: { readonly languages?: readonly LanguageConfig[] }): Languages {
  const seen = new Set<string>();
  const configured = (config.languages ?? []).map((entry, index) => {
    const where = `pluginConfig.portal.languages.${index}.code`;
    let code: string;
    try {
      code = Intl.getCanonicalLocales(entry.code)[0]!;
    } catch {
      throw PORTAL_ERR_LANGUAGES_INVALID.create({ where, reason: `"${entry.code}" is not a BCP 47 language tag` });
    }
    if (code === VI.code || code === EN.code) throw PORTAL_ERR_LANGUAGES_INVALID.create({ where, reason: `${code} is always served; list only the languages beyond vi and en` });
    if (seen.has(code)) throw PORTAL_ERR_LANGUAGES_INVALID.create({ where, reason: `${code} is listed twice` });
    seen.add(code);
    return Object.freeze({
      code,
      segment: segmentOf(code),
      name: entry.name,
      nameVi: entry.nameVi,
      locale: localeOf(code),
      ogLocale: code.replace(/-/g, '_'),
      labels: Object.freeze({ ...entry.labels }),
    });
  });
  return new Languages(configured);
}
