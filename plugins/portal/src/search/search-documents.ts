import type { SearchDocument } from '@cong/sdk';
import { plainText } from '../html/sanitize-html.js';
import type { ContentDatabase } from '../content/content-database.js';
import type { LegalDatabase } from '../legal/legal-schema.js';
import { sitePath, type Lang } from '../site/languages.js';

type ArticleRow = ContentDatabase['portal_articles'];
type TranslationRow = ContentDatabase['portal_article_translations'];
type LegalRow = LegalDatabase['portal_legal_documents'];

/**
 * The portal's document kinds in the shared index: Vietnamese articles and pages, legal documents, and
 * each translation of an article or page as an entry of its own, typed `<kind>-<lang>` (`article-en`,
 * `page-lo`, `article-zh-Hans`; see {@link translatedType}).
 */
export const SEARCH_TYPES = { article: 'article', legal: 'legal', page: 'page' } as const;

/**
 * Another unit's article shown on a unit's site (a linked item, src/linked) is indexed under the
 * showing unit with its type prefixed: a search of that unit finds it as its own content, and a
 * province-wide search leaves it out (it finds the source itself; a broadcast to 150 units would
 * otherwise be 151 hits).
 */
const LINKED_PREFIX = 'linked.';

/** The index type of a linked item's entry of `type`: `linked.article`, `linked.article-en`. */
export function linkedType(type: string): string {
  return `${LINKED_PREFIX}${type}`;
}

/** The index type of an article's or a page's translation into `lang`. */
export function translatedType(kind: 'article' | 'page', lang: Lang): string {
  return `${kind}-${lang}`;
}

/** What an index type holds: its kind and its language (`vi` for the untranslated kinds). */
export function typeInfo(type: string): { readonly kind: 'article' | 'page' | 'legal'; readonly lang: Lang } {
  const [kind, ...lang] = (type.startsWith(LINKED_PREFIX) ? type.slice(LINKED_PREFIX.length) : type).split('-');
  return { kind: kind === 'page' ? 'page' : kind === 'legal' ? 'legal' : 'article', lang: lang.length > 0 ? lang.join('-') : 'vi' };
}

/**
 * The translations of an item that get index entries: every language with a title (a translation
 * without one is not a page of its own on that language's site), by language, field by field.
 */
export function indexedTranslations<F extends string>(translations: readonly { readonly lang: string; readonly field: F; readonly value: string }[]): Map<Lang, Map<F, string>> {
  const out = new Map<Lang, Map<F, string>>();
  for (const t of translations) out.set(t.lang, (out.get(t.lang) ?? new Map<F, string>()).set(t.field, t.value));
  for (const [lang, fields] of out) if ((fields.get('title' as F) ?? '').trim() === '') out.delete(lang);
  return out;
}

/**
 * The tenant key of legal documents kept on a platform without units (`tenant_id` null): the index
 * needs a non-empty tenant, and `-` is what the legal area's `unit_key` uses for that case.
 */
export const NO_UNIT = '-';

/** Public paths of what the index links to (the site area serves them), in a language (default Vietnamese). */
export const searchPaths = {
  article: (slug: string, lang: Lang = 'vi') => sitePath(`/tin/${encodeURIComponent(slug)}`, lang),
  legal: (id: string) => `/van-ban/${encodeURIComponent(id)}`,
} as const;

/**
 * Text as the index should store it. The core's indexer strips anything tag-like and then decodes
 * entities; text that merely *looks* like markup (an article that writes `&lt;script&gt;`, which
 * `plainText` decodes to `<script>`) is therefore dropped there, never shown in a snippet. `&` is
 * escaped so an `&lt;` the author typed as text is not decoded into a `<` on the way in.
 */
export function indexText(text: string): string {
  return text.replace(/&/g, '&amp;');
}

/** Rich text (editor HTML) to index text. */
function fromHtml(html: string): string {
  return indexText(plainText(html));
}

function join(...parts: readonly string[]): string {
  return parts.map((p) => p.trim()).filter((p) => p !== '').join(' — ');
}

/**
 * The index entries of a published article: the Vietnamese one, and one for each language it has a
 * translated title in (English, and the configured languages).
 */
export function articleDocuments(row: ArticleRow, translations: readonly TranslationRow[]): SearchDocument[] {
  const publishedAt = new Date(Number(row.published_at ?? row.updated_at));
  const docs: SearchDocument[] = [
    {
      type: SEARCH_TYPES.article,
      id: row.id,
      tenantId: row.tenant_id,
      title: indexText(row.title),
      body: join(fromHtml(row.summary), fromHtml(row.body)),
      url: searchPaths.article(row.slug),
      publishedAt,
    },
  ];
  for (const [lang, fields] of indexedTranslations(translations)) {
    docs.push({
      type: translatedType('article', lang),
      id: row.id,
      tenantId: row.tenant_id,
      title: indexText(fields.get('title')!),
      body: join(fromHtml(fields.get('summary') ?? ''), fromHtml(fields.get('body') ?? '')),
      url: searchPaths.article(row.slug, lang),
      publishedAt,
    });
  }
  return docs;
}

/**
 * The index entry of a legal document: the title is its type, number and summary (trích yếu), the
 * way people cite it; the body repeats the summary with the issuer, signer and field. Dated by the issue day.
 */
export function legalDocument(row: LegalRow): SearchDocument {
  const issued = new Date(`${row.issued_on}T00:00:00+07:00`);
  return {
    type: SEARCH_TYPES.legal,
    id: row.id,
    tenantId: row.tenant_id ?? NO_UNIT,
    title: indexText(join(`${row.type_name} ${row.number_symbol}`, row.summary)),
    body: indexText(join(row.summary, row.issuer, row.signer ?? '', row.field ?? '')),
    url: searchPaths.legal(row.id),
    ...(Number.isNaN(issued.getTime()) ? {} : { publishedAt: issued }),
  };
}
