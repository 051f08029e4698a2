import type { PublicNotice } from '../api/index.js';
import type { NoticeRow } from './notice-database.js';
import type { Notice } from './notice.schema.js';

const iso = (ms: number | string) => new Date(Number(ms)).toISOString();
const isoOrNull = (ms: number | string | null) => (ms === null ? null : iso(ms));

/** The staff view of a row. */
export function noticeOf(row: NoticeRow): Notice {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    name: row.name,
    objective: row.objective,
    field: row.field,
    projectGroup: row.project_group,
    startOn: row.start_on,
    endOn: row.end_on,
    budgetVnd: row.budget_vnd === null ? null : Number(row.budget_vnd),
    funding: row.funding,
    donor: row.donor,
    status: row.status,
    closesAt: isoOrNull(row.closes_at),
    result: row.result,
    updatedAt: iso(row.updated_at),
    publishedAt: isoOrNull(row.published_at),
    createdAt: iso(row.created_at),
  };
}

/** The public view of a published row: nothing about who entered it or when it was drafted. */
export function publicNoticeOf(row: NoticeRow): PublicNotice {
  const { createdAt: _created, publishedAt, ...rest } = noticeOf(row);
  return { ...rest, publishedAt: publishedAt! };
}
