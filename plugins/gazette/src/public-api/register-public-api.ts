import { Readable } from 'node:stream';
import { coreServices, respond, type PluginContext, type PluginRegistrar, type RouteRequest } from '@cong/sdk';
import type { Kysely } from 'kysely';
import { DOCUMENT_TYPE_CODES } from '../intake/document-types.js';
import { vietnamDate } from '../intake/vietnam-date.js';
import { GAZETTE_ERR_PUBLIC_CONDITION_INVALID, GAZETTE_ERR_PUBLIC_CURSOR_INVALID, GAZETTE_ERR_PUBLIC_NO_UNIT, GAZETTE_ERR_PUBLIC_NOT_FOUND } from '../errors.js';
import type { DocumentRow, IssueRow, PublicationDatabase } from '../publication/publication-database.js';
import { AgencyList } from '../public/agency-list.js';
import * as reads from '../public/gazette-reads.js';
import { issuePath, pdfPath } from '../public/pages.js';
import { publicSiteFor, type PublicSite } from '../public/public-site.js';
import { publicValidityOf } from '../public/validity.js';
import { searchDocuments, type DocumentSearchCriteria, type SearchOrder } from '../search/document-search.js';
import { SearchCache } from '../search/search-cache.js';
import { akomaNtoso } from './akoma-ntoso.js';
import { latestIssues } from './latest-issues.js';
import { streamedJsonZip } from './bulk-zip.js';
import { DEFAULT_LIST_FIELDS, DOCUMENT_FIELDS, documentJson, documentSchema, type DocumentField } from './document-fields.js';

const V1 = '/v1';
const TAGS = ['gazette-public-v1'];
const bi = (vi: string, en: string) => `${vi} / ${en}`;
/** Public data: any origin may read it (no credentials are ever involved). */
const PUBLIC_HEADERS = { 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=60', vary: 'accept-encoding' } as const;
const STABLE_HEADERS = { ...PUBLIC_HEADERS, 'cache-control': 'public, max-age=300' } as const;
const MAX_PER_PAGE = 100;
const MAX_PAGE = 500;
const CHANGES_PER_PAGE = 100;

const date = (vi: string, en: string) => ({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: bi(vi, en) }) as const;
const list = (items: object, vi: string, en: string) => ({ type: 'array', maxItems: 20, items, description: bi(vi, en) }) as const;
const typeCode = { type: 'string', enum: DOCUMENT_TYPE_CODES } as const;
const agencyCode = { type: 'string', pattern: '^[a-z0-9-]{1,191}$' } as const;
const fieldName = { type: 'string', enum: DOCUMENT_FIELDS } as const;

/**
 * The search's query string, Federal Register style. Closed: an unknown `conditions[…]` (or any other
 * parameter) is a 400 naming it. Arrays take `conditions[type][]=a&conditions[type][]=b`.
 */
const documentsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    'conditions[term]': { type: 'string', maxLength: 300, description: bi('Từ khóa trong trích yếu hoặc toàn văn; "cụm từ" trong ngoặc kép; không phân biệt dấu', 'Words in the summary or full text; "quoted phrases"; diacritics optional') },
    'conditions[summary_only]': { type: 'boolean', description: bi('Chỉ tìm từ khóa trong trích yếu', 'Match the words in the summary only') },
    'conditions[type][]': list(typeCode, 'Loại văn bản', 'Document types'),
    'conditions[issuer][]': list(agencyCode, 'Cơ quan ban hành (khóa, xem /agencies)', 'Issuing agencies (keys, see /agencies)'),
    'conditions[issuer_level]': { type: 'string', enum: ['local', 'central'], description: bi('Cấp ban hành: địa phương hay trung ương', 'Issuer level: local or central') },
    'conditions[signed_on][gte]': date('Ban hành từ ngày (YYYY-MM-DD)', 'Signed on or after (YYYY-MM-DD)'),
    'conditions[signed_on][lte]': date('Ban hành đến ngày (YYYY-MM-DD)', 'Signed on or before (YYYY-MM-DD)'),
    'conditions[publication_year]': { type: 'integer', minimum: 1900, maximum: 2999, description: bi('Năm đăng Công báo', 'Year of the issue') },
    'conditions[number]': { type: 'string', maxLength: 100, description: bi('Số, ký hiệu (toàn bộ hoặc một phần)', 'Number and symbol (whole or part)') },
    'fields[]': list(fieldName, 'Các trường trả về', 'Fields to return'),
    order: { type: 'string', enum: ['newest', 'oldest', 'relevance'], description: bi('Thứ tự: mới nhất, cũ nhất, phù hợp nhất', 'Order: newest, oldest, relevance') },
    page: { type: 'integer', minimum: 1, maximum: MAX_PAGE, description: bi('Trang (từ 1)', 'Page (from 1)') },
    per_page: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, description: bi('Số văn bản mỗi trang (tối đa 100)', 'Documents per page (at most 100)') },
  },
} as const;

type DocumentsQuery = {
  'conditions[term]'?: string;
  'conditions[summary_only]'?: boolean;
  'conditions[type][]'?: string[];
  'conditions[issuer][]'?: string[];
  'conditions[issuer_level]'?: 'local' | 'central';
  'conditions[signed_on][gte]'?: string;
  'conditions[signed_on][lte]'?: string;
  'conditions[publication_year]'?: number;
  'conditions[number]'?: string;
  'fields[]'?: DocumentField[];
  order?: SearchOrder;
  page?: number;
  per_page?: number;
};

const documentsPage = {
  type: 'object',
  additionalProperties: false,
  required: ['count', 'count_is_exact', 'total_pages', 'page', 'per_page', 'results'],
  properties: {
    count: { type: 'integer', description: bi('Số văn bản khớp (đếm tới 10.000)', 'Matching documents (counted up to 10,000)') },
    count_is_exact: { type: 'boolean', description: bi('Số đếm là chính xác (sai khi có hơn 10.000 văn bản)', 'Whether count is exact (false past 10,000)') },
    total_pages: { type: 'integer', description: bi('Số trang', 'Number of pages') },
    page: { type: 'integer', description: bi('Trang hiện tại', 'This page') },
    per_page: { type: 'integer', description: bi('Số văn bản mỗi trang', 'Documents per page') },
    next_page_url: { type: ['string', 'null'], description: bi('Địa chỉ trang sau', 'URL of the next page') },
    results: { type: 'array', items: documentSchema, description: bi('Các văn bản của trang', 'The documents of the page') },
  },
} as const;

const relationSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'direction', 'id', 'number_symbol', 'eli_uri'],
  properties: {
    kind: { type: 'string', enum: ['replaces', 'amends', 'repeals', 'guides', 'corrects'], description: bi('Loại quan hệ', 'Relation kind') },
    direction: { type: 'string', enum: ['outgoing', 'incoming'], description: bi('outgoing: văn bản này tác động đến văn bản kia; incoming: ngược lại', 'outgoing: this document acts on the other; incoming: the reverse') },
    id: { type: 'string', description: bi('Mã văn bản liên quan', 'Related document id') },
    number_symbol: { type: 'string', description: bi('Số, ký hiệu văn bản liên quan', 'Related document number') },
    eli_uri: { type: 'string', description: bi('ELI của văn bản liên quan', 'ELI of the related document') },
    note: { type: ['string', 'null'], description: bi('Ghi chú', 'Note') },
  },
} as const;

const correctionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'reason'],
  properties: {
    id: { type: 'string', description: bi('Mã đính chính', 'Correction id') },
    reason: { type: 'string', description: bi('Nội dung đính chính', 'What was corrected') },
    notice_eli_uri: { type: ['string', 'null'], description: bi('ELI của văn bản đính chính', 'ELI of the correction notice') },
  },
} as const;

const singleDocument = {
  ...documentSchema,
  properties: {
    ...documentSchema.properties,
    relations: { type: 'array', items: relationSchema, description: bi('Văn bản liên quan', 'Related documents') },
    corrections: { type: 'array', items: correctionSchema, description: bi('Các đính chính đã đăng', 'Published corrections') },
    akn_url: { type: 'string', description: bi('Bản Akoma Ntoso 3.0 (XML)', 'Akoma Ntoso 3.0 XML export') },
  },
} as const;

const issueSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'year', 'number_from', 'number_to', 'publication_date', 'page_count', 'sha256', 'pdf_url', 'url', 'documents'],
  properties: {
    id: { type: 'string', description: bi('Mã số Công báo', 'Issue id') },
    year: { type: 'integer', description: bi('Năm', 'Year') },
    number_from: { type: 'integer', description: bi('Số Công báo (đầu)', 'Issue number (first)') },
    number_to: { type: 'integer', description: bi('Số Công báo (cuối, bằng số đầu khi là một số)', 'Issue number (last; equal to the first for a single number)') },
    publication_date: { type: 'string', description: bi('Ngày phát hành', 'Publication date') },
    page_count: { type: ['integer', 'null'], description: bi('Số trang', 'Page count') },
    sha256: { type: ['string', 'null'], description: bi('Mã băm SHA-256 của tệp PDF', 'SHA-256 of the PDF') },
    pdf_url: { type: 'string', description: bi('Bản PDF đã ký số', 'The signed PDF') },
    url: { type: 'string', description: bi('Trang số Công báo', 'Issue page') },
    documents: { type: 'array', items: documentSchema, description: bi('Mục lục: các văn bản theo thứ tự trang', 'Table of contents: documents in page order') },
  },
} as const;

/** An issue without its documents, as the issue list answers it. */
const listedIssueSchema = { ...issueSchema, required: issueSchema.required.filter((r) => r !== 'documents'), properties: (({ documents: _documents, ...rest }) => rest)(issueSchema.properties) } as const;

const issuesPage = {
  type: 'object',
  additionalProperties: false,
  required: ['count', 'page', 'per_page', 'results'],
  properties: {
    count: { type: 'integer', description: bi('Số số Công báo đã phát hành (theo điều kiện)', 'Published issues (matching)') },
    page: { type: 'integer', description: bi('Trang hiện tại', 'This page') },
    per_page: { type: 'integer', description: bi('Số số Công báo mỗi trang', 'Issues per page') },
    results: { type: 'array', items: listedIssueSchema, description: bi('Các số Công báo, mới nhất trước', 'The issues, newest first') },
  },
} as const;

const agenciesSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['results'],
  properties: {
    results: {
      type: 'array',
      description: bi('Cơ quan ban hành có văn bản đã đăng', 'Issuing agencies with published documents'),
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'name', 'level', 'documents'],
        properties: {
          key: { type: 'string', description: bi('Khóa dùng trong conditions[issuer][]', 'Key for conditions[issuer][]') },
          name: { type: 'string', description: bi('Tên cơ quan', 'Agency name') },
          level: { type: 'string', enum: ['local', 'central'], description: bi('Cấp ban hành', 'Issuer level') },
          documents: { type: 'integer', description: bi('Số văn bản đã đăng', 'Published documents') },
        },
      },
    },
  },
} as const;

const changesSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['results', 'next_cursor'],
  properties: {
    results: {
      type: 'array',
      description: bi('Văn bản được đăng hoặc cập nhật, theo thời điểm cập nhật tăng dần', 'Documents published or updated, by update time ascending'),
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['change', 'document'],
        properties: {
          change: { type: 'string', enum: ['published', 'updated'], description: bi('Mới đăng hay được cập nhật', 'Newly published or updated') },
          document: documentSchema,
        },
      },
    },
    next_cursor: { type: ['string', 'null'], description: bi('Con trỏ trang sau (null khi hết)', 'Cursor of the next page (null at the end)') },
  },
} as const;

type Db = Kysely<PublicationDatabase>;

async function siteOf(req: RouteRequest<any, any>, ctx: PluginContext): Promise<PublicSite> {
  const site = await publicSiteFor(req, ctx);
  if (!site) throw GAZETTE_ERR_PUBLIC_NO_UNIT.create();
  return site;
}

/** The documents of a page with their issues and validity, shaped with `fields`. */
async function shape(db: Db, site: PublicSite, docs: readonly reads.ListedDocument[], fields: readonly DocumentField[]): Promise<Record<string, unknown>[]> {
  const issues = await reads.issuesByIds(db, site.office.id, docs.map((d) => d.issue_id));
  const relations = fields.includes('validity') ? await reads.relationsAgainst(db, site.office.id, docs.map((d) => d.id)) : [];
  const today = vietnamDate(Date.now());
  return docs
    .filter((d) => issues.has(d.issue_id))
    .map((d) => documentJson(site, d, issues.get(d.issue_id)!, publicValidityOf(d, relations, today), fields));
}

/** `<updated_at>.<id>` in base64url: where the change feed stopped. */
function encodeCursor(updatedAt: number, id: string): string {
  return Buffer.from(`${updatedAt}.${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { readonly updatedAt: number; readonly id: string } {
  const m = /^(\d{1,15})\.([A-Za-z0-9-]{1,36})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw GAZETTE_ERR_PUBLIC_CURSOR_INVALID.create({ cursor: cursor.slice(0, 60) });
  return { updatedAt: Number(m[1]), id: m[2]! };
}

/**
 * The public API v1 (GAZ-31), in the style of the US Federal Register API: document search with
 * conditions, fields and paging; a document by id or ELI (JSON or Akoma Ntoso XML); an issue by year
 * and number; the issuing agencies; a change feed; a yearly bulk ZIP. Anonymous, read-only, scoped
 * to the request's unit; only published issues and their documents.
 */
export function registerPublicApi(reg: PluginRegistrar): void {
  const agencies = new AgencyList();
  const searches = new SearchCache();

  reg.routes((route) => {
    route.get(`${V1}/documents`, {
      summary: { vi: 'Tra cứu văn bản đã đăng Công báo', en: 'Search published gazette documents' },
      description: bi('Điều kiện đóng: điều kiện không có trong danh sách trả lỗi 400 nêu tên điều kiện.', 'Closed conditions: an unknown condition answers 400 naming it.'),
      tags: TAGS,
      schema: { query: documentsQuery, response: { 200: documentsPage } },
      handler: async (req, ctx) => {
        const site = await siteOf(req, ctx);
        const q = req.query as DocumentsQuery;
        const from = q['conditions[signed_on][gte]'];
        const to = q['conditions[signed_on][lte]'];
        if (from && to && from > to) throw GAZETTE_ERR_PUBLIC_CONDITION_INVALID.create({ condition: 'conditions[signed_on]', reason: 'gte is after lte' });
        const perPage = q.per_page ?? 20;
        const page = q.page ?? 1;
        const database = ctx.get(coreServices.database);
        const db = database.kysely<PublicationDatabase>();
        const term = q['conditions[term]'] ?? '';
        const criteria: DocumentSearchCriteria = {
          text: term,
          summaryOnly: q['conditions[summary_only]'] === true,
          number: q['conditions[number]'] ?? '',
          types: q['conditions[type][]'] ?? [],
          agencies: q['conditions[issuer][]'] ?? [],
          ...(q['conditions[issuer_level]'] ? { level: q['conditions[issuer_level]'] } : {}),
          ...(from ? { signedFrom: from } : {}),
          ...(to ? { signedTo: to } : {}),
          ...(q['conditions[publication_year]'] !== undefined ? { publicationYear: q['conditions[publication_year]'] } : {}),
          order: q.order ?? (term.trim() !== '' ? 'relevance' : 'newest'),
          limit: perPage,
          offset: (page - 1) * perPage,
        };
        const found = await searches.get(site.office.id, criteria, () => searchDocuments(db, database.dialect, site.office.id, criteria));
        const fields = q['fields[]'] && q['fields[]'].length > 0 ? [...new Set(q['fields[]'])] : DEFAULT_LIST_FIELDS;
        const results = await shape(db, site, await reads.documentsByIds(db, site.office.id, found.ids), fields);
        const totalPages = Math.min(MAX_PAGE, Math.ceil(found.total / perPage));
        let next: string | null = null;
        if (page < totalPages) {
          const params = new URLSearchParams();
          for (const [k, v] of Object.entries(q)) for (const one of Array.isArray(v) ? v : [v]) if (k !== 'page') params.append(k, String(one));
          params.set('page', String(page + 1));
          next = `${site.origin}${site.prefix}/api/gazette${V1}/documents?${params.toString()}`;
        }
        return respond(200, { count: found.total, count_is_exact: found.totalIsExact, total_pages: totalPages, page, per_page: perPage, next_page_url: next, results }, PUBLIC_HEADERS);
      },
    });

    route.get(`${V1}/documents/eli/:type/:year/:number`, {
      summary: { vi: 'Một văn bản theo địa chỉ ELI', en: 'A document by its ELI path' },
      tags: TAGS,
      schema: { params: { type: 'object', additionalProperties: false, required: ['type', 'year', 'number'], properties: { type: { type: 'string', maxLength: 40 }, year: { type: 'string', maxLength: 4 }, number: { type: 'string', maxLength: 120 } } }, response: { 200: singleDocument } },
      handler: async (req, ctx) => {
        const site = await siteOf(req, ctx);
        const { type, year, number } = req.params as { type: string; year: string; number: string };
        const db = ctx.get(coreServices.database).kysely<PublicationDatabase>();
        const doc = await reads.documentByEli(db, site.office.id, `/eli/${type}/${year}/${number}`);
        if (!doc) throw GAZETTE_ERR_PUBLIC_NOT_FOUND.create({ what: 'document', key: `/eli/${type}/${year}/${number}` });
        return respond(200, await fullDocument(db, site, doc), STABLE_HEADERS);
      },
    });

    route.get(`${V1}/documents/:id`, {
      summary: { vi: 'Một văn bản (JSON, hoặc Akoma Ntoso XML với đuôi .akn.xml)', en: 'A document (JSON, or Akoma Ntoso XML with the .akn.xml suffix)' },
      description: bi(
        '`/documents/{id}` trả JSON; `/documents/{id}.akn.xml` trả bản Akoma Ntoso 3.0 (application/akn+xml).',
        '`/documents/{id}` answers JSON; `/documents/{id}.akn.xml` answers Akoma Ntoso 3.0 (application/akn+xml).',
      ),
      tags: TAGS,
      schema: { params: { type: 'object', additionalProperties: false, required: ['id'], properties: { id: { type: 'string', maxLength: 60, description: bi('Mã văn bản', 'Document id') } } }, response: { 200: singleDocument } },
      handler: async (req, ctx) => {
        const site = await siteOf(req, ctx);
        const raw = (req.params as { id: string }).id;
        const akn = raw.endsWith('.akn.xml');
        const id = akn ? raw.slice(0, -'.akn.xml'.length) : raw;
        const db = ctx.get(coreServices.database).kysely<PublicationDatabase>();
        const doc = await reads.documentById(db, site.office.id, id);
        if (!doc) throw GAZETTE_ERR_PUBLIC_NOT_FOUND.create({ what: 'document', key: id });
        if (akn) {
          const issue = await reads.issueById(db, site.office.id, doc.issue_id);
          if (!issue) throw GAZETTE_ERR_PUBLIC_NOT_FOUND.create({ what: 'document', key: id });
          // A stream, so the route's JSON response schema does not apply to the XML.
          return respond(200, Readable.from([Buffer.from(akomaNtoso(site, doc, issue, vietnamDate(Date.now())))]), { ...STABLE_HEADERS, 'content-type': 'application/akn+xml; charset=utf-8' });
        }
        return respond(200, await fullDocument(db, site, doc), STABLE_HEADERS);
      },
    });

    route.get(`${V1}/issues/:year/:number`, {
      summary: { vi: 'Một số Công báo theo năm và số', en: 'A gazette issue by year and number' },
      tags: TAGS,
      schema: {
        params: { type: 'object', additionalProperties: false, required: ['year', 'number'], properties: { year: { type: 'integer', minimum: 1900, maximum: 2999 }, number: { type: 'integer', minimum: 1, maximum: 999999 } } },
        response: { 200: issueSchema },
      },
      handler: async (req, ctx) => {
        const site = await siteOf(req, ctx);
        const { year, number } = req.params as { year: number; number: number };
        const db = ctx.get(coreServices.database).kysely<PublicationDatabase>();
        const issue = await reads.issueByNumber(db, site.office.id, year, number);
        if (!issue) throw GAZETTE_ERR_PUBLIC_NOT_FOUND.create({ what: 'issue', key: `${number}/${year}` });
        const docs = await reads.documentsOfIssue(db, issue.id);
        return respond(200, { ...issueJson(site, issue), documents: await shape(db, site, docs, DEFAULT_LIST_FIELDS) }, STABLE_HEADERS);
      },
    });

    route.get(`${V1}/issues`, {
      summary: { vi: 'Các số Công báo đã phát hành, mới nhất trước', en: 'Published gazette issues, newest first' },
      description: bi('Dùng cho tiện ích <cong-gazette-latest>: số, ngày, trang số Công báo và bản PDF.', 'For the <cong-gazette-latest> widget: number, date, issue page and PDF.'),
      tags: TAGS,
      schema: {
        query: {
          type: 'object',
          additionalProperties: false,
          properties: {
            year: { type: 'integer', minimum: 1900, maximum: 2999, description: bi('Chỉ các số của năm này', 'Only this year\'s issues') },
            page: { type: 'integer', minimum: 1, maximum: MAX_PAGE, description: bi('Trang (từ 1)', 'Page (from 1)') },
            per_page: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, description: bi('Số số Công báo mỗi trang (tối đa 100)', 'Issues per page (at most 100)') },
          },
        },
        response: { 200: issuesPage },
      },
      handler: async (req, ctx) => {
        const site = await siteOf(req, ctx);
        const q = req.query as { year?: number; page?: number; per_page?: number };
        const perPage = q.per_page ?? 20;
        const page = q.page ?? 1;
        const db = ctx.get(coreServices.database).kysely<PublicationDatabase>();
        const found = await latestIssues(db, site.office.id, q.year, perPage, (page - 1) * perPage);
        return respond(200, { count: found.total, page, per_page: perPage, results: found.issues.map((i) => issueJson(site, i)) }, PUBLIC_HEADERS);
      },
    });

    route.get(`${V1}/agencies`, {
      summary: { vi: 'Các cơ quan ban hành có văn bản đã đăng', en: 'Issuing agencies with published documents' },
      tags: TAGS,
      schema: { response: { 200: agenciesSchema } },
      handler: async (req, ctx) => {
        const site = await siteOf(req, ctx);
        const found = await agencies.of(ctx.get(coreServices.database).kysely<PublicationDatabase>(), site.office.id);
        return respond(200, { results: found.map((a) => ({ key: a.key, name: a.name, level: a.level, documents: a.documents })) }, PUBLIC_HEADERS);
      },
    });

    route.get(`${V1}/changes`, {
      summary: { vi: 'Văn bản được đăng hoặc cập nhật từ một thời điểm', en: 'Documents published or updated since a time' },
      description: bi('Theo thời điểm cập nhật tăng dần; đọc tiếp bằng next_cursor cho đến khi nó là null.', 'By update time ascending; go on with next_cursor until it is null.'),
      tags: TAGS,
      schema: {
        query: {
          type: 'object',
          additionalProperties: false,
          required: ['since'],
          properties: {
            since: { type: 'string', format: 'date-time', description: bi('Thời điểm (ISO 8601) từ đó lấy thay đổi', 'Time (ISO 8601) to list changes after') },
            cursor: { type: 'string', maxLength: 200, description: bi('Con trỏ next_cursor của trang trước', 'The previous page\'s next_cursor') },
          },
        },
        response: { 200: changesSchema },
      },
      handler: async (req, ctx) => {
        const site = await siteOf(req, ctx);
        const q = req.query as { since: string; cursor?: string };
        const since = Date.parse(q.since);
        const after = q.cursor ? decodeCursor(q.cursor) : { updatedAt: since, id: '' };
        const db = ctx.get(coreServices.database).kysely<PublicationDatabase>();
        const rows = await db
          .selectFrom('gazette_documents as d')
          .innerJoin('gazette_issues as i', 'i.id', 'd.issue_id')
          .select(['d.id', 'd.updated_at', 'd.published_at'])
          .where('d.office_id', '=', site.office.id)
          .where('i.status', '=', 'published')
          .where('d.updated_at', '>', since)
          .where((w) => w.or([w('d.updated_at', '>', after.updatedAt), w.and([w('d.updated_at', '=', after.updatedAt), w('d.id', '>', after.id)])]))
          .orderBy('d.updated_at')
          .orderBy('d.id')
          .limit(CHANGES_PER_PAGE + 1)
          .execute();
        const page = rows.slice(0, CHANGES_PER_PAGE);
        const docs = await shape(db, site, await reads.documentsByIds(db, site.office.id, page.map((r) => r.id)), DEFAULT_LIST_FIELDS);
        const byId = new Map(docs.map((d) => [d.id as string, d]));
        const results = page.filter((r) => byId.has(r.id)).map((r) => ({ change: Number(r.updated_at) === Number(r.published_at) ? 'published' : 'updated', document: byId.get(r.id)! }));
        const last = page[page.length - 1];
        return respond(200, { results, next_cursor: rows.length > CHANGES_PER_PAGE && last ? encodeCursor(Number(last.updated_at), last.id) : null }, PUBLIC_HEADERS);
      },
    });

    route.get(`${V1}/bulk/:file`, {
      summary: { vi: 'Tải toàn bộ văn bản một năm (ZIP các tệp JSON)', en: 'Bulk download of a year (ZIP of JSON files)' },
      description: bi('`/bulk/{year}.zip`: issues.json và documents/{id}.json (kể cả toàn văn) của các số Công báo năm đó.', '`/bulk/{year}.zip`: issues.json and documents/{id}.json (with full text) of that year\'s issues.'),
      tags: TAGS,
      produces: 'application/zip',
      schema: { params: { type: 'object', additionalProperties: false, required: ['file'], properties: { file: { type: 'string', pattern: '^\\d{4}\\.zip$', description: bi('Năm, dạng 2026.zip', 'The year, as 2026.zip') } } } },
      handler: async (req, ctx) => {
        const site = await siteOf(req, ctx);
        const year = Number((req.params as { file: string }).file.slice(0, 4));
        const db = ctx.get(coreServices.database).kysely<PublicationDatabase>();
        const issues = await reads.issuesOfYear(db, site.office.id, year);
        if (issues.length === 0) throw GAZETTE_ERR_PUBLIC_NOT_FOUND.create({ what: 'year', key: String(year) });
        const stream = streamedJsonZip(async (add, isClosed) => {
          await add('issues.json', issues.map((i) => issueJson(site, i)));
          const today = vietnamDate(Date.now());
          for (const issue of [...issues].reverse()) {
            if (isClosed()) return;
            const docs = await db.selectFrom('gazette_documents').selectAll().where('issue_id', '=', issue.id).orderBy('first_page').execute();
            const relations = await reads.relationsAgainst(db, site.office.id, docs.map((d) => d.id));
            for (const doc of docs) {
              if (isClosed()) return;
              await add(`documents/${doc.id}.json`, documentJson(site, doc, issue, publicValidityOf(doc, relations, today), DOCUMENT_FIELDS));
            }
          }
        });
        return respond(200, stream, { ...STABLE_HEADERS, 'content-type': 'application/zip', 'content-disposition': `attachment; filename="cong-bao-${site.office.slug}-${year}.zip"` });
      },
    });
  });

  async function fullDocument(db: Db, site: PublicSite, doc: DocumentRow): Promise<Record<string, unknown>> {
    const issue = await reads.issueById(db, site.office.id, doc.issue_id);
    if (!issue) throw GAZETTE_ERR_PUBLIC_NOT_FOUND.create({ what: 'document', key: doc.id });
    const relations = await reads.relationsOf(db, site.office.id, doc.id);
    const corrections = await reads.correctionsOf(db, site.office.id, doc.id);
    const validity = publicValidityOf(doc, relations.map(reads.actingRelation), vietnamDate(Date.now()));
    return {
      ...documentJson(site, doc, issue, validity, DOCUMENT_FIELDS),
      relations: relations.map((r) => ({ kind: r.kind, direction: r.direction, id: r.id, number_symbol: r.numberSymbol, eli_uri: site.url(r.eliPath), note: r.note })),
      corrections: corrections.map((c) => ({ id: c.id, reason: c.reason, notice_eli_uri: c.notice ? site.url(c.notice.eliPath) : null })),
      akn_url: `${site.origin}${site.prefix}/api/gazette${V1}/documents/${encodeURIComponent(doc.id)}.akn.xml`,
    };
  }
}

function issueJson(site: PublicSite, issue: IssueRow) {
  return {
    id: issue.id,
    year: Number(issue.year),
    number_from: Number(issue.number_from),
    number_to: Number(issue.number_to),
    publication_date: issue.publication_date,
    page_count: issue.page_count === null ? null : Number(issue.page_count),
    sha256: issue.sha256,
    pdf_url: site.url(pdfPath(issue)),
    url: site.url(issuePath(issue)),
  };
}

