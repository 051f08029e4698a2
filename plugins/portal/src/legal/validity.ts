/**
 * The validity status (tình trạng hiệu lực) of a legal document, computed from its dates and from the
 * documents that replace it, on a given day. Pure: the caller passes "today" (a Vietnam calendar date),
 * so tests and "status as of" queries never read the clock.
 */
export const LEGAL_STATUSES = ['not_yet_in_force', 'in_force', 'partly_expired', 'expired', 'replaced'] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

export const LEGAL_STATUS_LABELS: Readonly<Record<LegalStatus, string>> = {
  not_yet_in_force: 'Chưa có hiệu lực',
  in_force: 'Còn hiệu lực',
  partly_expired: 'Hết hiệu lực một phần',
  expired: 'Hết hiệu lực toàn bộ',
  replaced: 'Bị thay thế',
};

export interface ValidityDates {
  /** Ngày ban hành, `YYYY-MM-DD`. */
  readonly issuedOn: string;
  /** Ngày có hiệu lực; null means from the issue date. */
  readonly effectiveOn: string | null;
  /** Ngày hết hiệu lực: the first day the document no longer applies; null for none. */
  readonly expiresOn: string | null;
}

/** A document that replaces this one, wholly (`replaces`) or in part (`partly_replaces`), from the day it takes effect. */
export interface Replacement {
  readonly kind: 'replaces' | 'partly_replaces';
  /** The replacing document's first day in force (its effective date, else its issue date). */
  readonly from: string;
}

/** First day in force. */
export function startOf(dates: Pick<ValidityDates, 'issuedOn' | 'effectiveOn'>): string {
  return dates.effectiveOn ?? dates.issuedOn;
}

/**
 * In order: replaced (a replacing document is in force), not yet in force (today before the effective
 * date), expired (today on or after the expiry date), partly expired (a partly replacing document is in
 * force), else in force. Dates compare as `YYYY-MM-DD` text.
 */
export function computeStatus(dates: ValidityDates, replacements: readonly Replacement[], today: string): LegalStatus {
  if (replacements.some((r) => r.kind === 'replaces' && r.from <= today)) return 'replaced';
  if (today < startOf(dates)) return 'not_yet_in_force';
  if (dates.expiresOn !== null && today >= dates.expiresOn) return 'expired';
  if (replacements.some((r) => r.kind === 'partly_replaces' && r.from <= today)) return 'partly_expired';
  return 'in_force';
}

