import type { SearchDocument } from '@cong/sdk';
import { plainText } from '../html/sanitize-html.js';
import type { ContentDatabase } from '../content/content-database.js';
import type { LegalDatabase } from '../legal/legal-schema.js';

type ArticleRow = ContentDatabase['portal_articles'];
type TranslationRow = ContentDatabase['portal_article_translations'];
type LegalRow = LegalDatabase['portal_legal_documents'];

/** The portal's document kinds in the shared index. English articles are their own entries. */
export const SEARCH_TYPES = { article: 'article', articleEn: 'article-en', legal: 'legal', page: 'page', pageEn: 'page-en' } as const;

/**
 * The tenant key of legal documents kept on a platform without units (`tenant_id` null): the index
 * needs a non-empty tenant, and `-` is what the legal area's `unit_key` uses for that case.
 */
export const NO_UNIT = '-';

/** Public paths of what the index links to (the site area serves them). */
export const searchPaths = {
  article: (slug: string) => `/tin/${encodeURIComponent(slug)}`,
  articleEn: (slug: string) => `/en/tin/${encodeURIComponent(slug)}`,
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
 * The index entries of a published article: the Vietnamese one, and the English one when the article
 * has an English title (a translation without a title is not a page of its own on the English site).
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
  const en = new Map(translations.filter((t) => t.lang === 'en').map((t) => [t.field, t.value]));
  const title = en.get('title');
  if (title !== undefined && title.trim() !== '') {
    docs.push({
      type: SEARCH_TYPES.articleEn,
      id: row.id,
      tenantId: row.tenant_id,
      title: indexText(title),
      body: join(fromHtml(en.get('summary') ?? ''), fromHtml(en.get('body') ?? '')),
      url: searchPaths.articleEn(row.slug),
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
