import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPlatform, TEST_PRINCIPAL_HEADER, type TestPlatform } from '@cong/sdk/testing';
import { inTenant } from './support/unit-client.js';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';

const portal = fileURLToPath(new URL('..', import.meta.url));
const A = 'so-tai-chinh';
const B = 'so-y-te';
/** Written into the test photo's GPS directory; must appear in no stored file. */
const GPS_MARKER = 'WGS-84 QUANG TRI 16.75N 107.18E';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A 2000×1500 JPEG whose EXIF says "rotate 90°" and carries a GPS position. */
async function phoneJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 2000, height: 1500, channels: 3, background: '#2a6f3b' } })
    .jpeg({ quality: 80 })
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: 'Điện thoại', Copyright: 'Sở Tài chính' }, IFD3: { GPSMapDatum: GPS_MARKER, GPSLatitudeRef: 'N', GPSLongitudeRef: 'E' } })
    .toBuffer();
}

async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describeEachDialect('portal media library', (dialect) => {
  let t: TestPlatform;
  let dataDir: string;
  const editor = (tenant: string, permissions = ['portal.media.write']) => ({
    'x-cong-tenant': tenant,
    [TEST_PRINCIPAL_HEADER]: JSON.stringify({ id: `bien-tap-${tenant}`, permissions }),
  });
  const api = (tenant: string, permissions?: string[]) => inTenant(t.client.as({ id: `bien-tap-${tenant}`, permissions: permissions ?? ['portal.media.write'] }), tenant);
  const upload = async (tenant: string, file: { bytes: Buffer; name: string }, fields: Record<string, string> = {}, headers = editor(tenant)) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
    const res = await fetch(`${t.url}/api/portal/media`, { method: 'POST', body: form, headers });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };
  const publicFile = async (tenant: string, path: string) => {
    const res = await fetch(`${t.url}/t/${tenant}${path}`);
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cong-media-'));
    t = await createTestPlatform({ plugins: [portal], database: dialect, config: { demo: true, dataDir } });
  });
  afterAll(async () => {
    await t?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('turns a photo upright, strips its GPS, derives WebP widths and a JPEG, and flags it until it has alt text', async () => {
    const photo = await phoneJpeg();
    const res = await upload(A, { bytes: photo, name: 'Ảnh hội nghị.jpg' }, { titleVi: 'Hội nghị tổng kết năm', credit: 'Nguyễn Văn An' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const item = res.body;
    expect(res.headers.get('location')).toBe(`/api/portal/media/${item.id}`);
    expect(item).toMatchObject({ kind: 'image', contentType: 'image/jpeg', originalName: 'Ảnh hội nghị.jpg', width: 1500, height: 2000, needsAlt: true, credit: 'Nguyễn Văn An', document: null });
    expect(item.variants.map((v: { name: string; width: number; contentType: string }) => [v.name, v.width, v.contentType])).toEqual([
      ['w320.webp', 320, 'image/webp'],
      ['w640.webp', 640, 'image/webp'],
      ['w1024.jpg', 1024, 'image/jpeg'],
      ['w1024.webp', 1024, 'image/webp'],
      ['w1500.webp', 1500, 'image/webp'],
    ]);

    for (const variant of item.variants as { name: string; width: number; height: number; url: string; contentType: string }[]) {
      const file = await publicFile(A, variant.url);
      expect(file.status, variant.name).toBe(200);
      expect(file.headers.get('content-type')).toBe(variant.contentType);
      const meta = await sharp(file.bytes).metadata();
      expect([meta.width, meta.height, meta.format]).toEqual([variant.width, variant.height, variant.contentType === 'image/webp' ? 'webp' : 'jpeg']);
      expect(meta.exif).toBeUndefined();
      expect(variant.height).toBe(Math.round((variant.width * 4) / 3));
    }
    const original = await publicFile(A, `/media/${item.id}/goc`);
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('image/jpeg');
    expect(original.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(original.headers.get('x-content-type-options')).toBe('nosniff');
    expect(original.headers.get('content-disposition')).toBe(`inline; filename="Anh hoi nghi.jpg"; filename*=UTF-8''${encodeURIComponent('Ảnh hội nghị.jpg')}`);
    const originalMeta = await sharp(original.bytes).metadata();
    expect([originalMeta.width, originalMeta.height, originalMeta.exif, originalMeta.orientation]).toEqual([1500, 2000, undefined, undefined]);

    // Neither the served files nor anything kept on disk holds the position: the upload as sent is gone.
    expect(photo.includes(Buffer.from(GPS_MARKER))).toBe(true);
    for (const path of await filesBelow(dataDir)) expect((await readFile(path)).includes(Buffer.from(GPS_MARKER)), path).toBe(false);

    expect((await api(A).get('/api/portal/media', { query: { needsAlt: true } })).body.items.map((i: { id: string }) => i.id)).toContain(item.id);
    const described = await api(A).patch(`/api/portal/media/${item.id}`, { alt: { vi: 'Lãnh đạo Sở phát biểu tại hội nghị', en: 'The director speaking at the conference' }, caption: { vi: 'Hội nghị ngày 20/11' } });
    expect(described.status, JSON.stringify(described.body)).toBe(200);
    expect(described.body).toMatchObject({ needsAlt: false, alt: { vi: 'Lãnh đạo Sở phát biểu tại hội nghị', en: 'The director speaking at the conference' }, caption: { vi: 'Hội nghị ngày 20/11', en: null } });
    expect((await api(A).get('/api/portal/media', { query: { needsAlt: true } })).body.items.map((i: { id: string }) => i.id)).not.toContain(item.id);
    const document = await api(A).patch(`/api/portal/media/${item.id}`, { document: { number: '1/2026' } });
    expect(document.status).toBe(400);
    expect(document.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/document']);
  });

  it('keeps a PDF with its document metadata, answers the same bytes with the existing item, and finds it without accents', async () => {
    const fields = {
      titleVi: 'Quyết định phê duyệt dự toán',
      documentTitle: 'Quyết định về việc phê duyệt dự toán ngân sách năm 2027',
      documentNumber: '12/2026/QĐ-UBND',
      documentIssuer: 'UBND tỉnh Quảng Trị',
      documentDate: '2026-11-20',
      documentDescription: 'Kèm theo phụ lục chi tiết',
    };
    const first = await upload(A, { bytes: PDF, name: 'QĐ 12-2026.pdf' }, fields);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      kind: 'pdf',
      contentType: 'application/pdf',
      needsAlt: false,
      variants: [],
      width: null,
      document: { title: fields.documentTitle, number: '12/2026/QĐ-UBND', issuer: 'UBND tỉnh Quảng Trị', date: '2026-11-20', description: 'Kèm theo phụ lục chi tiết' },
    });
    const again = await upload(A, { bytes: PDF, name: 'ban-sao.pdf' }, { titleVi: 'Bản sao' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.title.vi).toBe('Quyết định phê duyệt dự toán');
    // Another unit's library is its own: the same bytes are a new item there.
    const elsewhere = await upload(B, { bytes: PDF, name: 'QĐ 12-2026.pdf' });
    expect(elsewhere.status).toBe(201);

    const found = await api(A).get('/api/portal/media', { query: { q: 'phe duyet du toan' } });
    expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([first.body.id]);
    expect((await api(A).get('/api/portal/media', { query: { q: '12/2026/qđ' } })).body.total).toBe(1);
    expect((await api(A).get('/api/portal/media', { query: { kind: 'image' } })).body.items.every((i: { kind: string }) => i.kind === 'image')).toBe(true);
    expect((await api(A).get('/api/portal/media', { query: { kind: 'pdf' } })).body.total).toBe(1);

    const file = await publicFile(A, `/media/${first.body.id}/goc`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe(`inline; filename="QD 12-2026.pdf"; filename*=UTF-8''${encodeURIComponent('QĐ 12-2026.pdf')}`);
    expect(file.bytes.equals(PDF)).toBe(true);
    expect((await publicFile(A, `/media/${first.body.id}/w640.webp`)).status).toBe(404);

    const badDate = await upload(A, { bytes: Buffer.concat([PDF, Buffer.from('%khác\n')]), name: 'x.pdf' }, { documentDate: '2026-02-30' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/documentDate']);
  });

  it('refuses types the library does not take, naming the file field', async () => {
    const text = await upload(A, { bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), name: 'logo.svg' });
    expect(text.status).toBe(415);
    expect(text.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/file']);
    const broken = await upload(A, { bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2, 3, 4, 5, 6, 7]), name: 'hong.jpg' });
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('PORTAL_ERR_MEDIA_IMAGE_INVALID');
    expect(broken.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/file']);

    // 40 million pixels and one more row: a small file that would decode to ~120 MB.
    const before = (await filesBelow(dataDir)).length;
    const bomb = await sharp({ create: { width: 8000, height: 5001, channels: 3, background: '#ffffff' } }).png({ compressionLevel: 9 }).toBuffer();
    const tooMany = await upload(A, { bytes: bomb, name: 'to.png' });
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.code).toBe('PORTAL_ERR_MEDIA_IMAGE_TOO_LARGE');
    expect(tooMany.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/file']);
    expect((await filesBelow(dataDir)).length).toBe(before);
  });

  it('keeps each unit to its own media and asks for portal.media.write', async () => {
    const png = await sharp({ create: { width: 200, height: 100, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0.5 } } }).png().toBuffer();
    const mine = await upload(A, { bytes: png, name: 'logo.png' }, { altVi: 'Biểu trưng của Sở' });
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    expect(mine.body.variants.map((v: { name: string }) => v.name)).toEqual(['w200.png', 'w200.webp']); // never enlarged; transparency keeps PNG
    const id = mine.body.id as string;

    expect((await api(B).get(`/api/portal/media/${id}`)).status).toBe(404);
    expect((await api(B).patch(`/api/portal/media/${id}`, { title: { vi: 'x' } })).status).toBe(404);
    expect((await api(B).delete(`/api/portal/media/${id}`)).status).toBe(404);
    expect((await publicFile(B, `/media/${id}/goc`)).status).toBe(404);
    expect((await api(B).get('/api/portal/media')).body.items.map((i: { id: string }) => i.id)).not.toContain(id);

    const writer = ['portal.content.write'];
    expect((await api(A, writer).get('/api/portal/media')).status).toBe(403);
    expect((await api(A, writer).patch(`/api/portal/media/${id}`, { title: { vi: 'x' } })).status).toBe(403);
    expect((await upload(A, { bytes: PDF, name: 'a.pdf' }, {}, editor(A, writer))).status).toBe(403);
    expect((await upload(A, { bytes: PDF, name: 'a.pdf' }, {}, { 'x-cong-tenant': A } as never)).status).toBe(401);
    expect((await api(A).get(`/api/portal/media/${id}`)).body.alt.vi).toBe('Biểu trưng của Sở');
  });

  it('refuses to delete an item an article links to, and deletes it with its files once unlinked', async () => {
    const pdf = await upload(A, { bytes: Buffer.concat([PDF, Buffer.from('%phu-luc\n')]), name: 'phu-luc.pdf' });
    expect(pdf.status).toBe(201);
    const id = pdf.body.id as string;
    const writer = inTenant(t.client.as({ id: 'phong-vien', permissions: ['portal.content.write'] }), A);
    const article = await writer.post('/api/portal/articles', { title: 'Công khai dự toán', body: `<p>Xem <a href="/media/${id}/goc">phụ lục</a>.</p>` });
    expect(article.status, JSON.stringify(article.body)).toBe(201);

    const refused = await api(A).delete(`/api/portal/media/${id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('PORTAL_ERR_MEDIA_IN_USE');
    expect(refused.body.detail).toContain('1 article');
    expect((await publicFile(A, `/media/${id}/goc`)).status).toBe(200);

    const unlinked = await writer.patch(`/api/portal/articles/${article.body.id}`, { body: '<p>Đã gỡ phụ lục.</p>' });
    expect(unlinked.status, JSON.stringify(unlinked.body)).toBe(200);
    // A page's body counts too.
    const pages = inTenant(t.client.as({ id: 'bien-tap-trang', permissions: ['portal.pages.write'] }), A);
    const page = await pages.post('/api/portal/pages', { title: 'Phụ lục dự toán', body: `<p><a href="/media/${id}/goc">Phụ lục</a></p>` });
    expect(page.status, JSON.stringify(page.body)).toBe(201);
    const byPage = await api(A).delete(`/api/portal/media/${id}`);
    expect(byPage.status).toBe(409);
    expect(byPage.body.detail).toContain('1 article(s) or page(s)');
    expect((await pages.patch(`/api/portal/pages/${page.body.id}`, { body: '<p>Đã gỡ.</p>' })).status).toBe(200);
    const before = (await filesBelow(dataDir)).length;
    expect((await api(A).delete(`/api/portal/media/${id}`)).status).toBe(204);
    expect((await api(A).get(`/api/portal/media/${id}`)).status).toBe(404);
    expect((await publicFile(A, `/media/${id}/goc`)).status).toBe(404);
    expect((await filesBelow(dataDir)).length).toBe(before - 1);

    const audit = await inTenant(t.client.as({ id: 'kiem-toan', permissions: ['core.audit.read'] }), A).get('/api/core/audit', { query: { objectId: id, limit: 50 } });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['portal.media.upload', 'portal.media.delete']));
  });

  it('puts a library image into an article: the site points it at the unit, and the PDF carries it', async () => {
    const photo = await upload(A, { bytes: await sharp({ create: { width: 800, height: 600, channels: 3, background: '#1d4e89' } }).png().toBuffer(), name: 'cau-hien-luong.png' }, { altVi: 'Cầu Hiền Lương' });
    expect(photo.status, JSON.stringify(photo.body)).toBe(201);
    const src = `/media/${photo.body.id}/w640.webp`;
    const writer = inTenant(t.client.as({ id: 'phong-vien', permissions: ['portal.content.write'] }), A);
    const chief = inTenant(t.client.as({ id: 'truong-ban', permissions: ['portal.content.write', 'portal.content.approve'] }), A);
    const article = await writer.post('/api/portal/articles', { title: 'Di tích Cầu Hiền Lương', slug: 'cau-hien-luong', body: `<p>Ảnh:</p><p><img src="${src}" alt="Cầu Hiền Lương"></p>` });
    expect(article.status, JSON.stringify(article.body)).toBe(201);
    expect(article.body.body).toContain(`<img src="${src}" alt="Cầu Hiền Lương" />`); // kept by the sanitiser
    await writer.post(`/api/portal/articles/${article.body.id}/transitions/submit`, {});
    expect((await chief.post(`/api/portal/articles/${article.body.id}/transitions/approve`, {})).body.status).toBe('published');

    const html = await (await fetch(`${t.url}/t/${A}/tin/cau-hien-luong`)).text();
    expect(html).toContain(`src="/t/${A}${src}" alt="Cầu Hiền Lương" />`);
    expect(html).toContain(`srcset="/t/${A}/media/${photo.body.id}/w320.webp 320w, /t/${A}${src} 640w"`);
    expect((await publicFile(A, src)).headers.get('content-type')).toBe('image/webp');

    const pdf = Buffer.from(await (await fetch(`${t.url}/t/${A}/tin/cau-hien-luong/pdf`)).arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/Subtype\s*\/Image\b/); // the photo, embedded (the printer has no network)
  });

  it('shows the upload route as multipart with a binary file in the API document', async () => {
    const doc = (await t.client.get('/openapi.json')).body;
    const body = doc.paths['/api/portal/media'].post.requestBody.content['multipart/form-data'].schema;
    expect(body.properties.file).toMatchObject({ type: 'string', format: 'binary' });
    expect(body.properties.altVi).toMatchObject({ type: 'string' });
  });
});
