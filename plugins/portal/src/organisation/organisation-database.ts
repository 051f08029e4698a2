/**
 * Kysely table types of the organisation area (`portal_org_units`, `portal_leaders`, `portal_contacts`,
 * `portal_schedule_entries`). Times are epoch milliseconds; calendar dates are `YYYY-MM-DD` text and
 * clock times `HH:MM` text, both in Vietnam time. Flags are 0/1.
 *
 * Every table carries `tenant_id`, `created_at`, `updated_at` and the POR-23 English tracking columns
 * `en_stale` and `en_updated_at`: the compliance area reads these four tables by these names.
 * English text columns are never null: an empty string means "no English yet".
 */

/** The columns every organisation table shares. */
export interface TrackedColumns {
  id: string;
  tenant_id: string;
  /** Bumped on every edit: a PATCH naming an older one answers 409. */
  revision: number;
  /** 1 when the English lags the Vietnamese (changed after it, or missing where Vietnamese has text). */
  en_stale: number;
  /** When English text was last written; null when it never was. */
  en_updated_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface OrgUnitRow extends TrackedColumns {
  parent_id: string | null;
  sort_order: number;
  name_vi: string;
  name_en: string;
  /** Chức năng, nhiệm vụ, quyền hạn: sanitised rich text. */
  functions_vi: string;
  functions_en: string;
  duties_vi: string;
  duties_en: string;
  powers_vi: string;
  powers_en: string;
  head_name: string;
  head_position_vi: string;
  head_position_en: string;
  phone: string;
  email: string;
  address: string;
}

export interface LeaderRow extends TrackedColumns {
  org_unit_id: string | null;
  sort_order: number;
  full_name: string;
  position_vi: string;
  position_en: string;
  /** https or site-relative; '' for none. */
  portrait_url: string;
  portrait_alt_vi: string;
  portrait_alt_en: string;
  /** Sanitised rich text. */
  bio_vi: string;
  bio_en: string;
  duties_vi: string;
  duties_en: string;
  phone: string;
  email: string;
  /** 1: phone and e-mail are shown on the public site. */
  contact_public: number;
  term_start: string | null;
  term_end: string | null;
}

export type ContactKind = 'agency' | 'official';
export type OfficialRole = 'focal' | 'competent';

export interface ContactRow extends TrackedColumns {
  kind: ContactKind;
  sort_order: number;
  /** Agency: the office's label (Trụ sở chính, Bộ phận một cửa…). */
  label_vi: string;
  label_en: string;
  address: string;
  fax: string;
  office_hours_vi: string;
  office_hours_en: string;
  map_url: string;
  /** Official: cán bộ đầu mối (focal) or cán bộ có thẩm quyền (competent). */
  official_role: OfficialRole | null;
  person_name: string;
  position_vi: string;
  position_en: string;
  unit_vi: string;
  unit_en: string;
  phone: string;
  email: string;
}

export type ScheduleStatus = 'planned' | 'changed' | 'cancelled';

export interface ScheduleEntryRow extends TrackedColumns {
  entry_date: string;
  start_time: string;
  end_time: string | null;
  title_vi: string;
  title_en: string;
  location: string;
  /** JSON array of leader ids (chủ trì). */
  presiding_leader_ids: string;
  participants: string;
  preparing_unit: string;
  is_public: number;
  status: ScheduleStatus;
  status_note: string;
}

export interface OrganisationDatabase {
  portal_org_units: OrgUnitRow;
  portal_leaders: LeaderRow;
  portal_contacts: ContactRow;
  portal_schedule_entries: ScheduleEntryRow;
}

export type OrganisationTable = keyof OrganisationDatabase;
