/** Kysely table types of the pages area (`portal_page*`). Times are epoch milliseconds. */
export type PageStatus = 'draft' | 'in_review' | 'published' | 'archived';

export const PAGE_STATUSES: readonly PageStatus[] = ['draft', 'in_review', 'published', 'archived'];

/** Fields that carry translations; Vietnamese lives in the page row. */
export const PAGE_TRANSLATABLE_FIELDS = ['title', 'summary', 'body'] as const;
export type PageTranslatableField = (typeof PAGE_TRANSLATABLE_FIELDS)[number];

export interface PagesDatabase {
  portal_pages: {
    id: string;
    tenant_id: string;
    parent_id: string | null;
    sort_order: number;
    slug: string;
    title: string;
    title_folded: string;
    summary: string;
    body: string;
    status: PageStatus;
    author_id: string;
    submitted_by: string | null;
    approver_id: string | null;
    remarks: string | null;
    published_at: number | null;
    revision_no: number;
    created_at: number;
    updated_at: number;
  };
  portal_page_translations: {
    tenant_id: string;
    page_id: string;
    lang: string;
    field: PageTranslatableField;
    value: string;
    source_hash: string;
    updated_at: number;
  };
  portal_page_revisions: {
    id: string;
    tenant_id: string;
    page_id: string;
    revision_no: number;
    action: string;
    author_id: string;
    snapshot: string;
    created_at: number;
  };
  portal_page_slugs: {
    tenant_id: string;
    slug: string;
    page_id: string;
    created_at: number;
  };
}

export type PageRow = PagesDatabase['portal_pages'];
export type PageTranslationRow = PagesDatabase['portal_page_translations'];
