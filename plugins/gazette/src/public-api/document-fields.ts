import type { IssueRow, Validity } from '../publication/publication-database.js';
import { issueNumbers, type ListedDocument } from '../public/gazette-reads.js';
import { issuePath, pdfPath, typeName } from '../public/pages.js';
import type { PublicSite } from '../public/public-site.js';
import { agencyKey } from '../search/index-document.js';

const bilingual = (vi: string, en: string) => `${vi} / ${en}`;
const str = (vi: string, en: string, extra: Record<string, unknown> = {}) => ({ type: 'string', description: bilingual(vi, en), ...extra });
const strOrNull = (vi: string, en: string, extra: Record<string, unknown> = {}) => ({ type: ['string', 'null'], description: bilingual(vi, en), ...extra });
const int = (vi: string, en: string) => ({ type: 'integer', description: bilingual(vi, en) });
const DATE = { format: 'date' };

/**
 * The fields a document has in the API, each with its schema and a Vietnamese and English description.
 * `fields[]` picks from exactly these; `full_text` is left out of lists unless asked for.
 */
export const DOCUMENT_FIELD_SCHEMAS = {
  id: str('Mã định danh văn bản trên Công báo', 'Document identifier in the gazette'),
  eli_uri: str('Địa chỉ ổn định ELI của văn bản', 'Stable ELI URI of the document', { format: 'uri' }),
  html_url: str('Trang văn bản trên Công báo điện tử', 'The document page on the gazette site', { format: 'uri' }),
  type: str('Mã loại văn bản (quyet-dinh, nghi-quyet, …)', 'Document type code (quyet-dinh, nghi-quyet, …)'),
  type_name: str('Tên loại văn bản', 'Document type name (Vietnamese)'),
  kind: str('Văn bản thường hay văn bản đính chính', 'A document, or a correction notice', { enum: ['document', 'correction'] }),
  number_symbol: str('Số, ký hiệu văn bản', 'Number and symbol'),
  summary: str('Trích yếu', 'Summary (title) of the document'),
  issuing_agency: str('Cơ quan ban hành', 'Issuing agency'),
  issuer: str('Khóa cơ quan ban hành (dùng trong conditions[issuer][])', 'Issuing agency key (as used in conditions[issuer][])'),
  issuer_level: str('Cấp ban hành: địa phương hay trung ương', 'Issuer level: local or central', { enum: ['local', 'central'] }),
  signer: str('Người ký', 'Signer'),
  signed_on: str('Ngày ban hành (ký)', 'Signing date', DATE),
  effective_on: strOrNull('Ngày có hiệu lực', 'Date of entry into force', DATE),
  expires_on: strOrNull('Ngày hết hiệu lực', 'Expiry date', DATE),
  legal_normative: { type: 'boolean', description: bilingual('Là văn bản quy phạm pháp luật', 'Is a legal normative document') },
  field: strOrNull('Lĩnh vực', 'Field (subject area)'),
  validity: str('Tình trạng hiệu lực', 'Validity status', { enum: ['in-force', 'partly-expired', 'expired', 'not-yet-in-force'] }),
  validity_reason: strOrNull('Lý do khi tình trạng hiệu lực được xác định thủ công', 'Reason when the validity was set by hand'),
  issue: {
    type: 'object',
    additionalProperties: false,
    description: bilingual('Số Công báo đăng văn bản', 'The gazette issue the document was published in'),
    required: ['id', 'year', 'number', 'publication_date', 'url'],
    properties: {
      id: str('Mã số Công báo', 'Issue identifier'),
      year: int('Năm', 'Year'),
      number: str('Số Công báo (vd. "12" hoặc "243 + 244")', 'Issue number ("12" or "243 + 244")'),
      publication_date: str('Ngày phát hành', 'Publication date', DATE),
      url: str('Trang số Công báo', 'Issue page', { format: 'uri' }),
    },
  },
  published_on: str('Ngày đăng Công báo', 'Publication date', DATE),
  first_page: int('Trang đầu trong số Công báo', 'First page in the issue'),
  last_page: int('Trang cuối trong số Công báo', 'Last page in the issue'),
  pdf_url: str('Bản PDF đã ký số của số Công báo (đến trang đầu của văn bản)', 'Signed PDF of the issue (at the first page of the document)', { format: 'uri' }),
  issue_sha256: strOrNull('Mã băm SHA-256 của tệp PDF số Công báo', 'SHA-256 of the issue PDF'),
  original_sha256: str('Mã băm SHA-256 của bản gốc văn bản', 'SHA-256 of the signed original'),
  electronic_sha256: strOrNull('Mã băm SHA-256 của bản điện tử', 'SHA-256 of the electronic copy'),
  updated_at: str('Thời điểm cập nhật gần nhất', 'Last update time', { format: 'date-time' }),
  full_text: str('Toàn văn', 'Full text'),
} as const;

export type DocumentField = keyof typeof DOCUMENT_FIELD_SCHEMAS;
export const DOCUMENT_FIELDS = Object.keys(DOCUMENT_FIELD_SCHEMAS) as DocumentField[];
/** What a list answers when `fields[]` is not given: everything but the full text. */
export const DEFAULT_LIST_FIELDS = DOCUMENT_FIELDS.filter((f) => f !== 'full_text');

/** The document object's schema: every field optional (`fields[]` picks), none other allowed. */
export const documentSchema = {
  type: 'object',
  additionalProperties: false,
  description: bilingual('Văn bản đã đăng Công báo', 'A document published in the gazette'),
  properties: DOCUMENT_FIELD_SCHEMAS,
} as const;

/** A document with its issue, as the API shapes it. */
export function documentJson(
  site: PublicSite,
  doc: ListedDocument & { readonly full_text?: string },
  issue: Pick<IssueRow, 'id' | 'year' | 'number_from' | 'number_to' | 'publication_date' | 'sha256'>,
  validity: Validity,
  fields: readonly DocumentField[],
): Record<string, unknown> {
  const all: Record<DocumentField, () => unknown> = {
    id: () => doc.id,
    eli_uri: () => site.url(doc.eli_path),
    html_url: () => site.url(doc.eli_path),
    type: () => doc.document_type,
    type_name: () => typeName(doc.document_type),
    kind: () => doc.kind,
    number_symbol: () => doc.number_symbol,
    summary: () => doc.summary,
    issuing_agency: () => doc.issuing_agency,
    issuer: () => agencyKey(doc.issuing_agency),
    issuer_level: () => doc.issuer_level,
    signer: () => doc.signer,
    signed_on: () => doc.signed_on,
    effective_on: () => doc.effective_on,
    expires_on: () => doc.expires_on,
    legal_normative: () => Number(doc.legal_normative) === 1,
    field: () => doc.field,
    validity: () => validity,
    validity_reason: () => (doc.validity_override ? doc.validity_reason : null),
    issue: () => ({ id: issue.id, year: Number(issue.year), number: issueNumbers(issue), publication_date: issue.publication_date, url: site.url(issuePath(issue)) }),
    published_on: () => doc.published_on,
    first_page: () => Number(doc.first_page),
    last_page: () => Number(doc.last_page),
    pdf_url: () => `${site.url(pdfPath(issue))}#page=${doc.first_page}`,
    issue_sha256: () => issue.sha256,
    original_sha256: () => doc.original_sha256,
    electronic_sha256: () => doc.electronic_sha256,
    updated_at: () => new Date(Number(doc.updated_at)).toISOString(),
    full_text: () => doc.full_text ?? '',
  };
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = all[f]();
  return out;
}
