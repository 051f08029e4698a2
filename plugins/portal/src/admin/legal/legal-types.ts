// The legal documents API as the browser sees it. Type-only imports of the server's definitions:
// erased at build (no server code in the admin bundle), and they keep the two from drifting.
import type { FacetName, FacetValue, LegalDocument, LegalDocumentInput, LegalPage, RelatedDocument } from '../../legal/legal-schema.js';
import type { LegalType, RelationKind, RelationLabel } from '../../legal/document-types.js';
import type { LegalStatus } from '../../legal/validity.js';

export type { FacetName, FacetValue, LegalDocument, LegalDocumentInput, LegalPage, LegalStatus, LegalType, RelatedDocument, RelationKind, RelationLabel };

/** The server's lists, repeated here (the bundle takes no server code); `satisfies` catches a drift. */
export const LEGAL_TYPE_IDS = ['luat', 'nghi_dinh', 'nghi_quyet', 'quyet_dinh', 'chi_thi', 'thong_tu', 'cong_van', 'ke_hoach', 'thong_bao', 'other'] as const satisfies readonly LegalType[];
export const LEGAL_STATUSES = ['not_yet_in_force', 'in_force', 'partly_expired', 'expired', 'replaced'] as const satisfies readonly LegalStatus[];
export const RELATION_KINDS = ['replaces', 'partly_replaces', 'amends', 'guides', 'corrects'] as const satisfies readonly RelationKind[];

/** Writes need it; reading is open like the documents themselves (the server checks again). */
export const LEGAL_WRITE = 'portal.legal.write';

export const LEGAL_API = '/api/portal/legal-documents';

/** The page's nav route; a document and a new one live under it, so a link or a reload opens them again. */
export const LEGAL_ROUTE = '/portal/van-ban';
export const NEW_LEGAL_PATH = `${LEGAL_ROUTE}/moi`;
export const legalPath = (id: string): string => `${LEGAL_ROUTE}/${encodeURIComponent(id)}`;

export type LegalView = { kind: 'list' } | { kind: 'new' } | { kind: 'document'; id: string };

/** What the page at `pathname` shows. */
export function legalViewOf(pathname: string): LegalView {
  const path = pathname.replace(/^\/admin(?=\/)/, '').replace(/\/+$/, '');
  if (path === NEW_LEGAL_PATH) return { kind: 'new' };
  const m = /^\/portal\/van-ban\/([^/]+)$/.exec(path);
  if (m) return { kind: 'document', id: decodeURIComponent(m[1]!) };
  return { kind: 'list' };
}
