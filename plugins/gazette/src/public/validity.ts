import type { DocumentRow, RelationKind, Validity } from '../publication/publication-database.js';
import { validityOf } from '../publication/validity.js';

/** Names of the validity states, Vietnamese first. */
export const VALIDITY_LABELS: Readonly<Record<Validity, { readonly vi: string; readonly en: string }>> = {
  'in-force': { vi: 'Còn hiệu lực', en: 'In force' },
  'partly-expired': { vi: 'Hết hiệu lực một phần', en: 'Partly expired' },
  expired: { vi: 'Hết hiệu lực toàn bộ', en: 'Expired' },
  'not-yet-in-force': { vi: 'Chưa có hiệu lực', en: 'Not yet in force' },
};

/** A relation acting on a document, as the public reads load it. */
export interface ActingRelation {
  readonly from_document_id: string;
  readonly to_document_id: string;
  readonly kind: RelationKind;
  readonly partial: number | boolean;
  /** The acting document's effective date. */
  readonly from_effective_on: string | null;
}

/** The publication area's rule ({@link validityOf}) over the rows the public pages read. */
export function publicValidityOf(doc: Pick<DocumentRow, 'id' | 'effective_on' | 'expires_on' | 'validity_override'>, relations: readonly ActingRelation[], today: string): Validity {
  return validityOf(
    { id: doc.id, effectiveOn: doc.effective_on, expiresOn: doc.expires_on, validityOverride: doc.validity_override },
    relations.map((r) => ({ kind: r.kind, fromDocumentId: r.from_document_id, toDocumentId: r.to_document_id, partial: Number(r.partial) === 1 || r.partial === true, fromEffectiveOn: r.from_effective_on })),
    today,
  );
}
