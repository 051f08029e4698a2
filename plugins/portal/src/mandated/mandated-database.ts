/** Kysely table types of the mandated-information area (`portal_mandated_*`, `portal_publication_deadlines`). Times are epoch milliseconds. */
export type SectionSource = 'legal' | 'category' | 'organisation' | 'link' | 'generated';
export type DeadlineSubjectType = 'article' | 'legal' | 'text';

export interface MandatedDatabase {
  portal_mandated_sections: {
    id: string;
    tenant_id: string;
    code: string;
    name_vi: string;
    name_en: string;
    basis: string;
    source: SectionSource;
    /** `category` sections: the category seeded (or adopted) for it. */
    category_id: string | null;
    /** `organisation` sections: the tables that hold the content, comma-separated. */
    org_tables: string | null;
    /** 1 when the English version is mandatory (POR-23): stale translations make the section `english-missing`. */
    english_required: number;
    /** `link` sections: the external address (Cổng DVCQG, Công báo điện tử). */
    link_url: string | null;
    /** Where the content shows on the unit's site, language-neutral (`/van-ban`, `/chuyen-muc/…`). */
    site_path: string | null;
    /** The publication-deadline rule (`portal.publishDeadline.<kind>`) that governs new items, if any. */
    deadline_kind: string | null;
    form_vi: string;
    form_en: string;
    not_applicable: number;
    na_reason: string | null;
    sort_order: number;
    /** The version of `portal.mandatedSections` the row was seeded from. */
    rule_version: string;
    created_at: number;
    updated_at: number;
    updated_by: string;
  };
  portal_publication_deadlines: {
    id: string;
    tenant_id: string;
    subject_type: DeadlineSubjectType;
    subject_id: string | null;
    /** What the item is, as it read when tracking began (the article title, the document's number and summary, the free text). */
    subject_title: string;
    kind: string;
    rule_name: string;
    rule_version: string;
    rule_days: number;
    /** `YYYY-MM-DD`: the day the information was created, issued or approved. */
    origin_date: string;
    /** `YYYY-MM-DD`: `origin_date` plus `rule_days` working days. */
    due_date: string;
    met_at: number | null;
    /** `YYYY-MM-DD` (Vietnam) of `met_at`, so status filters compare dates in SQL. */
    met_on: string | null;
    created_by: string;
    created_at: number;
    updated_at: number;
  };
}
