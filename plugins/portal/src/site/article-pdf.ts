import { createHash } from 'node:crypto';
import { respond, type RouteRequest, type RouteResponse } from '@cong/sdk';
import { LruCache } from './page-cache.js';
import { articlePage, errorPage } from './pages.js';
import type { PdfPrinter } from './pdf-printer.js';
import type { Site } from './site-context.js';

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
    if (view.status !== 200 || typeof view.body !== 'string') return view;
    const key = `${site.tenant.id}:${createHash('sha256').update(view.body).digest('base64url')}`;
    let entry = this.#cache.get(key);
    if (!entry) {
      const pdf = await this.printer.print({ html: view.body, footerText: site.url(`/tin/${slug}`), title: slug, lang: site.lang });
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
