import type { ConsultationRow } from './consultation-database.js';
import { vietnamToday } from './consultation-rules.js';

/**
 * Where a consultation stands, as GOV.UK names its document types (consultation → closed_consultation
 * → consultation_outcome): `draft` until the drafting unit announces it, `announced` before its
 * opening day, `open` from the opening day through the closing day (Vietnam time), `closed` after it,
 * `outcome-published` once the report on acceptance and explanation is out.
 *
 * Computed on read from the stored days, not moved by a job: the phase is right at every instant on
 * every node, and nothing needs to run at midnight.
 */
export type ConsultationPhase = 'draft' | 'announced' | 'open' | 'closed' | 'outcome-published';
export const CONSULTATION_PHASES: readonly ConsultationPhase[] = ['draft', 'announced', 'open', 'closed', 'outcome-published'];

export function phaseOf(row: Pick<ConsultationRow, 'announced_at' | 'opens_on' | 'closes_on' | 'outcome_published_at'>, now = Date.now()): ConsultationPhase {
  if (row.announced_at === null) return 'draft';
  if (row.outcome_published_at !== null) return 'outcome-published';
  const today = vietnamToday(now);
  if (today < row.opens_on) return 'announced';
  if (today <= row.closes_on) return 'open';
  return 'closed';
}

export const PHASE_LABELS: Readonly<Record<ConsultationPhase, { vi: string; en: string }>> = {
  draft: { vi: 'Đang soạn', en: 'Draft' },
  announced: { vi: 'Sắp lấy ý kiến', en: 'Announced' },
  open: { vi: 'Đang lấy ý kiến', en: 'Open for comments' },
  closed: { vi: 'Đã hết hạn góp ý', en: 'Closed' },
  'outcome-published': { vi: 'Đã công bố kết quả', en: 'Outcome published' },
};
