import { createHash } from 'node:crypto';
import { coreServices, respond, type RouteRequest, type RouteResponse } from '@cong/sdk';
import { openMediaFile } from '../media/media-file.route.js';
import { bodyText } from './layout.js';
import { LruCache } from './page-cache.js';
import { articlePage, errorPage } from './pages.js';
import type { PdfPrinter } from './pdf-printer.js';
import type { Site } from './site-context.js';

/** `src` of a media-library image as the site writes it (with the `/t/<slug>` prefix or without). */
const MEDIA_SRC = /\bsrc="((?:\/t\/[a-z0-9-]+)?\/media\/([0-9a-f-]{36})\/(goc|w\d{2,4}\.(?:webp|jpg|png)))"/g;
/** What one PDF embeds at most: more images print as their alt text. */
const MAX_IMAGES = 30;
const MAX_IMAGE_BYTES = 16 * 1024 * 1024;

/**
 * The print view with the unit's media-library images inlined as `data:` URLs, read from the file
 * store: the printing browser fetches nothing (it has no network), yet the article's photos are in the PDF.
 */
async function embedMediaImages(view: string, site: Site): Promise<string> {
  const found = [...view.matchAll(MEDIA_SRC)].slice(0, MAX_IMAGES);
  const inlined = new Map<string, string>();
  let bytes = 0;
  for (const [, src, id, variant] of found) {
    if (inlined.has(src!)) continue;
    const file = await openMediaFile(site.ctx, site.tenant.id, id!, variant!);
    if (!file || !file.contentType.startsWith('image/') || bytes + file.stat.size > MAX_IMAGE_BYTES) continue;
    const chunks: Buffer[] = [];
    for await (const chunk of await site.ctx.get(coreServices.files).open(file.fileId)) chunks.push(Buffer.from(chunk as Uint8Array));
    const data = Buffer.concat(chunks);
    bytes += data.byteLength;
    inlined.set(src!, `data:${file.contentType};base64,${data.toString('base64')}`);
  }
  return view.replace(MEDIA_SRC, (whole, src: string) => (inlined.has(src) ? `src="${inlined.get(src)}"` : whole));
}

interface CachedPdf {
  readonly pdf: Buffer;
  readonly bytes: number;
}

/** Printed PDFs by the hash of the print view they came from: any change to what the page shows is a new key. */
export class ArticlePdfs {
  readonly #cache = new LruCache<CachedPdf>(200, 64 * 1024 * 1024);
  constructor(readonly printer: PdfPrinter) {}

  /**
   * `/tin/<slug>/pdf` (POR-22 "print and save"): the print view printed by Chromium. A renamed article
   * redirects to its new PDF address; withdrawn is 410, unknown 404. Without Chromium on the server the
   * print view answers instead (303), from which the browser's own "Save as PDF" works.
   */
  async serve(req: RouteRequest, site: Site, slug: string): Promise<RouteResponse> {
    const found = await site.queries.resolveSlug(site.tenant.id, slug);
    if (found.kind === 'moved') return respond(301, '', { location: site.path(`/tin/${found.slug}/pdf`), 'cache-control': 'public, max-age=300' });
    if (found.kind !== 'current') return errorPage(req, site, found.kind === 'gone' ? 410 : 404, `/tin/${slug}/pdf`);
    if (!this.printer.available) return respond(303, '', { location: `${site.path(`/tin/${slug}`)}?in=1`, 'cache-control': 'no-cache' });
    const view = await articlePage({ ...req, headers: { ...req.headers, 'if-none-match': undefined } }, site, slug, true);
    const html = bodyText(view);
    if (view.status !== 200 || html === undefined) return view;
    const key = `${site.tenant.id}:${createHash('sha256').update(html).digest('base64url')}`;
    let entry = this.#cache.get(key);
    if (!entry) {
      const pdf = await this.printer.print({ html: await embedMediaImages(html, site), footerText: site.url(`/tin/${slug}`), locale: site.language.locale });
      entry = { pdf, bytes: pdf.byteLength + key.length };
      this.#cache.set(key, entry);
    }
    const filename = `${slug}.pdf`;
    return respond(200, entry.pdf, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${filename.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'cache-control': 'public, max-age=300',
      'x-content-type-options': 'nosniff',
    });
  }
}
