import type { X509Certificate } from 'node:crypto';
import { coreServices, respond, type PluginContext, type PluginRegistrar, type RateLimitRule, type RouteRequest, type StoredFile } from '@cong/sdk';
import { GAZETTE_ERR_PUBLIC_NO_UNIT } from '../errors.js';
import { storedFileBytes } from '../intake/stored-file-bytes.js';
import { publicationConfig } from '../publication/publication-config.js';
import type { PublicationDatabase } from '../publication/publication-database.js';
import { trustedRootsFromConfig, type SigningConfig } from '../signing/index.js';
import { lookUpHash, normaliseSha256, verifyGazetteFile, type FileVerification } from './file-verification.js';
import { sendBody, SEARCH_CACHE } from './html.js';
import { pdfPath } from './pages.js';
import { publicSiteFor, SITE_BASE, type PublicSite } from './public-site.js';
import { verificationJson, verificationSchema, verifyQuery } from './verification-json.js';
import { VERIFY_FIELD, VERIFY_PATH, verificationPage, type VerificationOutcome } from './verification-page.js';

/** The largest file the page checks: a whole issue of a busy month fits (the readers' limit is also the platform's `files.maxBytes`). */
export const VERIFY_MAX_BYTES = 50 * 1024 * 1024;
/**
 * Uploads per client address and unit: each one reads and hashes up to 50 MB, so a flood costs the
 * server; a person checking files one by one never reaches it.
 */
export const VERIFY_RATE_LIMIT: RateLimitRule = { points: 10, durationSeconds: 300 };

const HTML = 'text/html; charset=utf-8';
const NO_STORE = 'no-store';
const NOT_FOUND = '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Không tìm thấy trang</title></head><body><main><h1>Không tìm thấy trang</h1><p>Trang bạn tìm không có trên Công báo.</p></main></body></html>';
const PUBLIC_HEADERS = { 'access-control-allow-origin': '*', vary: 'accept-encoding' } as const;

/** Query strings of the page: `sha256`, plus any other (tracking tags) ignored, so a shared link never answers 400. */
const pageQuery = { type: 'object', properties: { sha256: { type: 'string', maxLength: 200 } }, additionalProperties: { type: 'string', maxLength: 500 } } as const;

const NOT_PDF = { vi: 'Tệp đã chọn không phải là tệp PDF. Hãy chọn tệp PDF của số Công báo.', en: 'The file chosen is not a PDF. Choose the PDF of a gazette issue.' };
const BAD_HASH = { vi: 'Mã băm SHA-256 không hợp lệ: cần đúng 64 ký tự 0–9, a–f.', en: 'Not a SHA-256: 64 characters 0–9, a–f are expected.' };

/** The trusted roots from the signing configuration, read once; a root that cannot be read leaves the page working, untrusted. */
function trustedRoots(config: SigningConfig): () => Promise<X509Certificate[]> {
  let loading: Promise<X509Certificate[]> | undefined;
  return () => (loading ??= trustedRootsFromConfig(config).catch(() => []));
}

/** Reads an upload into memory and removes it from the store: the public's files are checked, never kept. */
async function takeUpload(ctx: PluginContext, file: StoredFile): Promise<Uint8Array> {
  try {
    return await storedFileBytes(ctx, file.id);
  } finally {
    await ctx.get(coreServices.files).remove(file.id).catch(() => undefined);
  }
}

const database = (ctx: PluginContext) => ctx.get(coreServices.database).kysely<PublicationDatabase>();

/**
 * The public verification of gazette files (GAZ-05, GAZ-23): a page on the gazette site
 * (`/cong-bao/kiem-tra`: upload a PDF, or `?sha256=`) and its JSON twin in the public API
 * (`/api/gazette/v1/verify`). Anonymous; an upload is rate-limited, checked in memory and deleted.
 */
export function registerVerification(reg: PluginRegistrar): void {
  const roots = trustedRoots(publicationConfig(reg).signing);

  const page = (req: RouteRequest, site: PublicSite, status: number, outcome: VerificationOutcome, cache: string) =>
    sendBody(req, status, verificationPage(site, outcome, VERIFY_MAX_BYTES), HTML, status === 200 ? cache : NO_STORE);

  reg.publicRoutes((route) => {
    route.get(VERIFY_PATH, {
      summary: { vi: 'Trang kiểm tra tệp Công báo', en: 'The gazette file verification page' },
      description: 'The upload form; with `?sha256=` the published issues and documents whose file has that hash.',
      schema: { query: pageQuery },
      handler: async (req, ctx) => {
        const site = await publicSiteFor(req, ctx);
        if (!site) return sendBody(req, 404, NOT_FOUND, HTML, NO_STORE);
        const asked = (req.query as { sha256?: string }).sha256;
        if (asked === undefined || asked.trim() === '') return page(req, site, 200, { kind: 'form' }, SEARCH_CACHE);
        const sha256 = normaliseSha256(asked);
        if (!sha256) return page(req, site, 400, { kind: 'error', message: BAD_HASH, sha256: asked }, NO_STORE);
        const verification: FileVerification = { sha256, ...(await lookUpHash(database(ctx), site.office.id, sha256)), signature: null };
        return page(req, site, 200, { kind: 'result', verification }, SEARCH_CACHE);
      },
    });

    route.post(VERIFY_PATH, {
      summary: { vi: 'Kiểm tra một tệp PDF tải lên (không cần JavaScript)', en: 'Check an uploaded PDF (no JavaScript needed)' },
      description: `A multipart form with the PDF in field \`${VERIFY_FIELD}\`: its SHA-256 against the published issues and documents, and its signatures. The file is not kept.`,
      rateLimit: VERIFY_RATE_LIMIT,
      schema: { upload: { field: VERIFY_FIELD, maxBytes: VERIFY_MAX_BYTES } },
      handler: async (req, ctx) => {
        const bytes = await takeUpload(ctx, req.file);
        const site = await publicSiteFor(req, ctx);
        if (!site) return sendBody(req, 404, NOT_FOUND, HTML, NO_STORE);
        // Any type is taken so that a wrong file gets this page, not a bare 415 (the type is sniffed from the bytes).
        if (req.file.contentType !== 'application/pdf') return page(req, site, 400, { kind: 'error', message: NOT_PDF }, NO_STORE);
        const verification = await verifyGazetteFile(database(ctx), site.office.id, bytes, await roots());
        return page(req, site, 200, { kind: 'result', verification, fileName: req.file.originalName }, NO_STORE);
      },
    });
  });

  reg.routes((route) => {
    const siteOf = async (req: RouteRequest, ctx: PluginContext): Promise<PublicSite> => {
      const site = await publicSiteFor(req, ctx);
      if (!site) throw GAZETTE_ERR_PUBLIC_NO_UNIT.create();
      return site;
    };
    const links = (site: PublicSite) => ({ issuePath: (year: number, number: number) => site.url(`${SITE_BASE}/so/${year}/${number}`), pdfUrl: (id: string) => site.url(pdfPath({ id })), url: (path: string) => site.url(path) });

    route.get('/v1/verify', {
      summary: { vi: 'Tra cứu mã băm SHA-256 của tệp Công báo', en: 'Look up the SHA-256 of a gazette file' },
      description: 'The published issues and documents of the unit whose signed PDF (or document file) has this hash. `signature` is null: upload the file to check signatures.',
      tags: ['gazette-public-v1'],
      schema: { query: verifyQuery, response: { 200: verificationSchema } },
      handler: async (req, ctx) => {
        const site = await siteOf(req, ctx);
        const sha256 = req.query.sha256.toLowerCase();
        const verification: FileVerification = { sha256, ...(await lookUpHash(database(ctx), site.office.id, sha256)), signature: null };
        return respond(200, verificationJson(verification, links(site)), { ...PUBLIC_HEADERS, 'cache-control': 'public, max-age=60' });
      },
    });

    route.post('/v1/verify', {
      summary: { vi: 'Kiểm tra tệp PDF: mã băm và chữ ký số', en: 'Check a PDF: its hash and digital signatures' },
      description: 'A multipart form with the PDF in field `file` (at most 50 MB; other types answer 415). The file is checked in memory and not kept.',
      tags: ['gazette-public-v1'],
      rateLimit: VERIFY_RATE_LIMIT,
      schema: { upload: { field: 'file', maxBytes: VERIFY_MAX_BYTES, allowedTypes: ['application/pdf'] }, response: { 200: verificationSchema } },
      handler: async (req, ctx) => {
        const bytes = await takeUpload(ctx, req.file);
        const site = await siteOf(req, ctx);
        const verification = await verifyGazetteFile(database(ctx), site.office.id, bytes, await roots());
        return respond(200, verificationJson(verification, links(site)), { ...PUBLIC_HEADERS, 'cache-control': NO_STORE });
      },
    });
  });
}
