/** Kysely table types of the content area's tables (`portal_*`). Times are epoch milliseconds. */
export type ArticleStatus = 'draft' | 'in_review' | 'scheduled' | 'published' | 'archived';

/** Fields that carry translations; Vietnamese lives in the article row. */
export const TRANSLATABLE_FIELDS = ['title', 'summary', 'body'] as const;
export type TranslatableField = (typeof TRANSLATABLE_FIELDS)[number];

export interface ContentDatabase {
  portal_categories: {
    id: string;
    tenant_id: string;
    slug: string;
    name_vi: string;
    name_en: string | null;
    parent_id: string | null;
    sort_order: number;
    created_at: number;
    updated_at: number;
  };
  /** Category names in the configured languages beyond Vietnamese and English. */
  portal_category_translations: {
    tenant_id: string;
    category_id: string;
    lang: string;
    name: string;
    updated_at: number;
  };
  portal_articles: {
    id: string;
    tenant_id: string;
    category_id: string | null;
    slug: string;
    title: string;
    title_folded: string;
    summary: string;
    body: string;
    status: ArticleStatus;
    author_id: string;
    submitted_by: string | null;
    approver_id: string | null;
    remarks: string | null;
    publish_at: number | null;
    unpublish_at: number | null;
    published_at: number | null;
    revision_no: number;
    created_at: number;
    updated_at: number;
  };
  portal_article_translations: {
    tenant_id: string;
    article_id: string;
    lang: string;
    field: TranslatableField;
    value: string;
    source_hash: string;
    updated_at: number;
  };
  portal_article_revisions: {
    id: string;
    tenant_id: string;
    article_id: string;
    revision_no: number;
    action: string;
    author_id: string;
    snapshot: string;
    created_at: number;
  };
  portal_slug_history: {
    tenant_id: string;
    slug: string;
    article_id: string;
    created_at: number;
  };
}
