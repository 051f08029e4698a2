import type { Transaction } from 'kysely';

/** A document in the shared search index. */
export interface SearchDocument {
  /** The document's kind inside the plugin (`article`, `document`); with the plugin id and `id` it is unique. */
  readonly type: string;
  readonly id: string;
  /** Tenant the document belongs to; search is always filtered by tenant. */
  readonly tenantId: string;
  readonly title: string;
  readonly body: string;
  /** Where a hit links to. */
  readonly url: string;
  /** Used for sorting ties and recency filters. Default is now. */
  readonly publishedAt?: Date;
}

/** Options of {@link SearchService.search}. */
export interface SearchQuery {
  /** User text. Operators are escaped: `"phrases"` are kept, everything else is plain words. */
  readonly text: string;
  /** One or more tenants to search; never empty. */
  readonly tenantIds: readonly string[];
  /** Restrict to these plugins' documents. Default is every plugin. */
  readonly plugins?: readonly string[];
  readonly types?: readonly string[];
  /** Default is 20, at most 100. */
  readonly limit?: number;
  readonly offset?: number;
  /**
   * Count the matches only up to this many (at least 1): a search with thousands of matches is
   * answered faster, and `total` then says "at least" (`totalIsExact: false`). Default: count them all.
   */
  readonly countUpTo?: number;
  /**
   * Search as you type (the default, `true`): when the text ends in a word of two or more letters, that
   * word also matches longer words (`chuy` finds "chuyển"). `false` matches whole words only, as a
   * submitted search box wants: Vietnamese words are syllables, and "thuong tru" should not also find
   * "thường trực". Whole words are also cheaper to look up.
   */
  readonly asYouType?: boolean;
}

/** What {@link SearchService.search} answers. */
export interface SearchResult {
  /** Every match, or `countUpTo` when there are more (then `totalIsExact` is false). */
  readonly total: number;
  readonly hits: readonly SearchHit[];
  /** Only when `countUpTo` was given: whether `total` counts every match. */
  readonly totalIsExact?: boolean;
}

export interface SearchHit {
  readonly plugin: string;
  readonly type: string;
  readonly id: string;
  readonly tenantId: string;
  readonly title: string;
  readonly url: string;
  readonly snippet: string;
  readonly publishedAt: Date;
}

/**
 * One full-text index for all plugins over Vietnamese-folded text (no diacritics, đ→d), so
 * "dang ky" finds "Đăng ký". FTS5 on SQLite, InnoDB FULLTEXT on MySQL/MariaDB.
 */
export interface SearchService {
  /** Adds or replaces a document of this plugin. */
  index(document: SearchDocument, options?: { readonly trx?: Transaction<any> }): Promise<void>;
  remove(type: string, id: string, options?: { readonly trx?: Transaction<any> }): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
}
