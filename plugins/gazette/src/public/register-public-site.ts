import { coreServices, type PluginContext, type PluginRegistrar, type RouteRequest, type RouteResponse } from '@cong/sdk';
import type { Kysely } from 'kysely';
import { DOCUMENT_TYPES } from '../intake/document-types.js';
import { vietnamDate } from '../intake/vietnam-date.js';
import type { IssueRow, PublicationDatabase } from '../publication/publication-database.js';
import { latestPublished, searchDocuments } from '../search/document-search.js';
import { SearchCache } from '../search/search-cache.js';
import { AgencyList } from './agency-list.js';
import { atomFeed, FEED_ENTRIES } from './atom-feed.js';
import * as reads from './gazette-reads.js';
import { PAGE_CACHE, SEARCH_CACHE, sendBody } from './html.js';
import { documentPage, homePage, issueListPage, issuePage, legalValuePage, searchPage, type ListedIssue } from './pages.js';
import { publicSiteFor, SITE_BASE, type PublicSite } from './public-site.js';
import { registerVerification } from './register-verification.js';
import { criteriaOf, readSearchForm } from './search-form.js';
import { publicValidityOf } from './validity.js';
import { VERIFY_PATH } from './verification-page.js';

/** Query strings of public pages: the named parameters, plus any other (tracking tags) as short strings, ignored, so a shared link never answers 400. */
const query = (properties: Record<string, object>) => ({ type: 'object', properties, additionalProperties: { type: 'string', maxLength: 500 } }) as const;
const text = (max: number) => ({ type: 'string', maxLength: max }) as const;
const textOrList = { anyOf: [{ type: 'string', maxLength: 300 }, { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 300 } }] } as const;
const HTML = 'text/html; charset=utf-8';

const notFoundPage = '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Không tìm thấy trang</title></head><body><main><h1>Không tìm thấy trang</h1><p>Trang bạn tìm không có trên Công báo.</p></main></body></html>';

type Db = Kysely<PublicationDatabase>;

/** The request's site and database, or the not-found page when the request has no unit. */
function page(render: (req: RouteRequest<any, any>, site: PublicSite, db: Db, ctx: PluginContext) => Promise<RouteResponse>) {
  return async (req: RouteRequest<any, any>, ctx: PluginContext): Promise<RouteResponse> => {
    const site = await publicSiteFor(req, ctx);
    if (!site) return sendBody(req, 404, notFoundPage, HTML, PAGE_CACHE);
    return render(req, site, ctx.get(coreServices.database).kysely<PublicationDatabase>(), ctx);
  };
}

async function withPdfSizes(ctx: PluginContext, issues: readonly IssueRow[]): Promise<ListedIssue[]> {
  const files = ctx.get(coreServices.files);
  return Promise.all(issues.map(async (issue) => ({ issue, pdfBytes: issue.file_id ? ((await files.stat(issue.file_id).catch(() => undefined))?.size ?? null) : null })));
}

/**
 * The public gazette site on the office unit's host (GAZ-30, GAZ-31, GAZ-33), under `/cong-bao` beside
 * the portal, and documents at their ELI paths (`/eli/{type}/{year}/{number}`). Server-rendered, no
 * script; anonymous; only published issues and their documents, of the request's unit.
 */
export function registerPublicSite(reg: PluginRegistrar): void {
  const agencies = new AgencyList();
  const searches = new SearchCache();
  const notFound = (req: RouteRequest) => sendBody(req, 404, notFoundPage, HTML, PAGE_CACHE);

  reg.publicRoutes((route) => {
    route.get(SITE_BASE, {
      summary: { vi: 'Trang chủ Công báo', en: 'Gazette home page' },
      schema: { query: query({}) },
      handler: page(async (req, site, db, ctx) => {
        const years = await reads.publishedYears(db, site.office.id);
        const issues = years.length > 0 ? (await reads.issuesOfYear(db, site.office.id, years[0]!)).slice(0, 10) : [];
        const recent = await reads.documentsByIds(db, site.office.id, await latestPublished(db, site.office.id, {}, 10));
        return sendBody(req, 200, homePage(site, await withPdfSizes(ctx, issues), recent), HTML, PAGE_CACHE);
      }),
    });

    route.get(`${SITE_BASE}/gioi-thieu`, {
      summary: { vi: 'Giá trị pháp lý của Công báo', en: 'Legal value of the gazette' },
      schema: { query: query({}) },
      handler: page(async (req, site) => sendBody(req, 200, legalValuePage(site), HTML, PAGE_CACHE)),
    });

    route.get(`${SITE_BASE}/so`, {
      summary: { vi: 'Các số Công báo theo năm', en: 'Gazette issues by year' },
      schema: { query: query({ nam: text(4) }) },
      handler: page(async (req, site, db, ctx) => {
        const years = await reads.publishedYears(db, site.office.id);
        const asked = Number((req.query as { nam?: string }).nam);
        const year = years.includes(asked) ? asked : (years[0] ?? Number(vietnamDate(Date.now()).slice(0, 4)));
        const issues = years.includes(year) ? await reads.issuesOfYear(db, site.office.id, year) : [];
        return sendBody(req, 200, issueListPage(site, year, years.length > 0 ? years : [year], await withPdfSizes(ctx, issues)), HTML, PAGE_CACHE);
      }),
    });

    route.get(`${SITE_BASE}/so/:year/:number`, {
      summary: { vi: 'Một số Công báo và mục lục', en: 'A gazette issue and its table of contents' },
      schema: { params: { type: 'object', additionalProperties: false, required: ['year', 'number'], properties: { year: text(4), number: text(6) } }, query: query({}) },
      handler: page(async (req, site, db, ctx) => {
        const { year, number } = req.params as { year: string; number: string };
        if (!/^\d{4}$/.test(year) || !/^\d{1,6}$/.test(number)) return notFound(req);
        const issue = await reads.issueByNumber(db, site.office.id, Number(year), Number(number));
        if (!issue) return notFound(req);
        const [item] = await withPdfSizes(ctx, [issue]);
        // The verification page opens on this issue's hash: a reader checks a downloaded copy from there.
        const verifyPath = issue.sha256 ? `${VERIFY_PATH}?sha256=${issue.sha256}` : VERIFY_PATH;
        return sendBody(req, 200, issuePage(site, item!, await reads.documentsOfIssue(db, issue.id), verifyPath), HTML, PAGE_CACHE);
      }),
    });

    route.get('/eli/:type/:year/:number', {
      summary: { vi: 'Văn bản tại địa chỉ ELI', en: 'A document at its ELI URI' },
      schema: { params: { type: 'object', additionalProperties: false, required: ['type', 'year', 'number'], properties: { type: text(40), year: text(4), number: text(120) } }, query: query({}) },
      handler: page(async (req, site, db, ctx) => {
        const { type, year, number } = req.params as { type: string; year: string; number: string };
        const doc = await reads.documentByEli(db, site.office.id, `/eli/${type}/${year}/${number}`);
        if (!doc) return notFound(req);
        const issue = await reads.issueById(db, site.office.id, doc.issue_id);
        if (!issue) return notFound(req);
        const relations = await reads.relationsOf(db, site.office.id, doc.id);
        const corrections = await reads.correctionsOf(db, site.office.id, doc.id);
        const validity = publicValidityOf(doc, relations.map(reads.actingRelation), vietnamDate(Date.now()));
        const [item] = await withPdfSizes(ctx, [issue]);
        return sendBody(req, 200, documentPage(site, { doc, issue: item!, relations, corrections, validity }), HTML, PAGE_CACHE);
      }),
    });

    route.get(`${SITE_BASE}/tra-cuu`, {
      summary: { vi: 'Tra cứu văn bản Công báo', en: 'Search gazette documents' },
      schema: {
        query: query({ q: text(300), pham_vi: text(10), so_ky_hieu: text(100), loai: textOrList, co_quan: text(191), cap: text(10), tu_ngay: text(10), den_ngay: text(10), nam: text(4), sap_xep: text(10), so_dong: text(3), trang: text(5) }),
      },
      handler: page(async (req, site, db, ctx) => {
        const form = readSearchForm(req.query as Record<string, unknown>);
        const database = ctx.get(coreServices.database);
        const [found, agencyList, years] = await Promise.all([
          searches.get(site.office.id, criteriaOf(form), () => searchDocuments(db, database.dialect, site.office.id, criteriaOf(form))),
          agencies.of(db, site.office.id),
          agencies.years(db, site.office.id),
        ]);
        const docs = await reads.documentsByIds(db, site.office.id, found.ids);
        return sendBody(req, 200, searchPage(site, { form, agencies: agencyList, years, docs, total: found.total, totalIsExact: found.totalIsExact }), HTML, SEARCH_CACHE);
      }),
    });

    const feed = (title: (site: PublicSite, key: string, db: Db) => Promise<string | undefined> | string | undefined, filter: (key: string) => { type?: string; agency?: string }, selfPath: (key: string) => string) =>
      page(async (req, site, db) => {
        const key = (req.params as { key?: string }).key ?? '';
        const name = await title(site, key, db);
        if (name === undefined) return notFound(req);
        const docs = await reads.documentsByIds(db, site.office.id, await latestPublished(db, site.office.id, filter(key), FEED_ENTRIES));
        return sendBody(req, 200, atomFeed(site, { title: name, selfPath: selfPath(key) }, docs), 'application/atom+xml; charset=utf-8', PAGE_CACHE);
      });
    const keyParams = { type: 'object', additionalProperties: false, required: ['key'], properties: { key: text(200) } } as const;

    route.get(`${SITE_BASE}/feed.atom`, {
      summary: { vi: 'Atom: văn bản mới đăng', en: 'Atom feed of newly published documents' },
      schema: { query: query({}) },
      handler: feed((site) => `Công báo ${site.office.nameVi}: văn bản mới đăng`, () => ({}), () => `${SITE_BASE}/feed.atom`),
    });
    route.get(`${SITE_BASE}/feed/loai/:key`, {
      summary: { vi: 'Atom: văn bản mới đăng theo loại', en: 'Atom feed by document type' },
      schema: { params: keyParams, query: query({}) },
      handler: feed(
        (site, key) => {
          const type = DOCUMENT_TYPES[key.replace(/\.atom$/, '')];
          return type ? `Công báo ${site.office.nameVi}: ${type.vi}` : undefined;
        },
        (key) => ({ type: key.replace(/\.atom$/, '') }),
        (key) => `${SITE_BASE}/feed/loai/${key}`,
      ),
    });
    route.get(`${SITE_BASE}/feed/co-quan/:key`, {
      summary: { vi: 'Atom: văn bản mới đăng theo cơ quan ban hành', en: 'Atom feed by issuing agency' },
      schema: { params: keyParams, query: query({}) },
      handler: feed(
        async (site, key, db) => {
          const agency = (await agencies.of(db, site.office.id)).find((a) => a.key === key.replace(/\.atom$/, ''));
          return agency ? `Công báo ${site.office.nameVi}: ${agency.name}` : undefined;
        },
        (key) => ({ agency: key.replace(/\.atom$/, '') }),
        (key) => `${SITE_BASE}/feed/co-quan/${key}`,
      ),
    });
  });

  // The verification page and its JSON twin in the public API (GAZ-05, GAZ-23).
  registerVerification(reg);
}
