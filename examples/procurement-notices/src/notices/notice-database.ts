import type { Funding, NoticeKind, NoticeStatus, ProjectGroup } from '../api/index.js';

export interface NoticeRow {
  id: string;
  tenant_id: string;
  slug: string;
  kind: NoticeKind;
  name: string;
  name_folded: string;
  objective: string;
  field: string;
  project_group: ProjectGroup | null;
  start_on: string | null;
  end_on: string | null;
  /** bigint: mysql2 returns it as a string or a number; read through `Number`. */
  budget_vnd: number | string | null;
  funding: Funding;
  donor: string | null;
  status: NoticeStatus;
  closes_at: number | string | null;
  result: string | null;
  published_at: number | string | null;
  created_by: string;
  created_at: number | string;
  updated_at: number | string;
}

export interface ProcurementDatabase {
  procurement_notices: NoticeRow;
}
