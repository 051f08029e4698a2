import type { RelationKind, Validity } from './publication-database.js';

/** What {@link validityOf} needs of a document. */
export interface ValidityDocument {
  readonly id: string;
  /** `YYYY-MM-DD`; null: in force from publication (nothing later to wait for). */
  readonly effectiveOn: string | null;
  /** `YYYY-MM-DD`: the first day it is no longer in force; null: no end date. */
  readonly expiresOn: string | null;
  /** Set by hand with a reason; wins over everything computed. */
  readonly validityOverride?: Validity | null;
}

/** A relation as {@link validityOf} reads it: `from` acts on `to`. */
export interface ValidityRelation {
  readonly kind: RelationKind;
  readonly fromDocumentId: string;
  readonly toDocumentId: string;
  /** Part of the target only (bãi bỏ một phần), on `repeals` and `amends`. */
  readonly partial: boolean;
  /** When the acting document takes effect; null: already in force. */
  readonly fromEffectiveOn: string | null;
}

/**
 * The validity (hiệu lực) of a published document on `today` (`YYYY-MM-DD`, Vietnam), from its dates
 * and the relations that act on it. Pure: the public site and the API compute it the same way.
 *
 * In this order:
 * 1. a manual override (set with a reason, audited) is the answer;
 * 2. `not-yet-in-force` while `effectiveOn` is after today;
 * 3. `expired` from `expiresOn` on (the date is the first day out of force), or once a document that
 *    `replaces` it, or `repeals` it whole, is itself in force (its `effectiveOn` is today or earlier);
 * 4. `partly-expired` once a document in force `repeals` part of it, or `amends` it with a partial repeal
 *    (`partial`);
 * 5. `in-force` otherwise. Plain amendments, guidance and corrections leave it in force.
 *
 * Relations whose `toDocumentId` is not `doc.id` are ignored, so a caller may pass a wider list.
 */
export function validityOf(doc: ValidityDocument, relations: readonly ValidityRelation[], today: string): Validity {
  if (doc.validityOverride) return doc.validityOverride;
  if (doc.effectiveOn !== null && doc.effectiveOn > today) return 'not-yet-in-force';
  if (doc.expiresOn !== null && doc.expiresOn <= today) return 'expired';
  const acting = relations.filter((r) => r.toDocumentId === doc.id && (r.fromEffectiveOn === null || r.fromEffectiveOn <= today));
  if (acting.some((r) => r.kind === 'replaces' || (r.kind === 'repeals' && !r.partial))) return 'expired';
  if (acting.some((r) => (r.kind === 'repeals' || r.kind === 'amends') && r.partial)) return 'partly-expired';
  return 'in-force';
}
