import { createConfig, lintFromString } from '@redocly/openapi-core';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import type { Database } from '@cong/core/testing';
import type { DocumentRow, IssueRow } from '../src/publication/publication-database.js';
import { startGazettePlatform, PROVINCE, B, type Harness } from './gazette-support.js';
import { getOnHost, openDatabase, parseXmlInChromium, seedDocument, seedIssue, unitId, type SeedDb } from './public-support.js';

// The public gazette site and API v1 over issues and documents seeded straight into the tables: pages
// with the right content and accessible structure, search (diacritic-free, phrases, filters, order),
// stable ELI URIs, Atom and Akoma Ntoso parsed by Chromium's strict XML parser, the API's conditions,
// fields, paging and 400s, the change feed, the yearly ZIP, and isolation (another unit's documents
// and anything unpublished never show).

const DECISION_TEXT = `ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ
QUYẾT ĐỊNH
Ban hành quy định về quản lý, vận hành và khai thác Cổng thông tin điện tử tỉnh Quảng Trị
Điều 1. Ban hành kèm theo Quyết định này Quy định về quản lý, vận hành và khai thác Cổng thông tin điện tử tỉnh.
Điều 2. Quyết định này có hiệu lực kể từ ngày 01 tháng 4 năm 2026.
Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh & các sở <ngành> chịu trách nhiệm thi hành Quyết định này.`;

const LAND_TEXT = `HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG TRỊ
NGHỊ QUYẾT
Quy định bảng giá đất trên địa bàn tỉnh
Điều 1. Bảng giá các loại đất đai áp dụng từ ngày 01 tháng 01 năm 2026 đến hết ngày 31 tháng 12 năm 2030.
Điều 2. Giá đất ở tại nông thôn được xác định theo vị trí và khu vực.`;

describeEachDialect('the public gazette site and API v1', (dialect) => {
  let h: Harness;
  let database: Database;
  let db: SeedDb;
  let office: string;
  let issue12: IssueRow;
  let issue13: IssueRow;
  let decision: DocumentRow;
  let land: DocumentRow;
  let old: DocumentRow;
  let directive: DocumentRow;
  let central: DocumentRow;
  let notice: DocumentRow;
  let hidden: DocumentRow;
  let foreign: DocumentRow;
  /** A page on the province's own host (the demo province's is `localhost`). */
  const site = (path: string) => getOnHost(h.t.url, 'localhost', path);
  /** An API call naming the province. */
  const call = (path: string) => h.t.client.get(path, { headers: { 'x-cong-tenant': PROVINCE } });

  beforeAll(async () => {
    h = await startGazettePlatform(dialect);
    database = await openDatabase(h.t.databaseUrl);
    db = database.kysely as SeedDb;
    office = await unitId(db, PROVINCE);
    const issue2025 = await seedIssue(db, office, { year: 2025, number_from: 40, publication_date: '2025-12-20' });
    issue12 = await seedIssue(db, office, { year: 2026, number_from: 12, publication_date: '2026-03-20', page_count: 36 });
    issue13 = await seedIssue(db, office, { year: 2026, number_from: 13, number_to: 14, publication_date: '2026-03-27', page_count: 48 });
    const draft = await seedIssue(db, office, { year: 2026, number_from: 15, status: 'draft', sha256: null });

    old = await seedDocument(db, dialect, issue2025, {
      document_type: 'nghi-quyet', number_symbol: '30/2025/NQ-HĐND', summary: 'Quy định bảng giá đất giai đoạn trước', issuing_agency: 'Hội đồng nhân dân tỉnh Quảng Trị',
      signed_on: '2025-12-10', full_text: 'Nghị quyết cũ về giá đất.', published_at: Date.UTC(2025, 11, 20), updated_at: Date.UTC(2025, 11, 20),
    });
    decision = await seedDocument(db, dialect, issue12, {
      document_type: 'quyet-dinh', number_symbol: '41/2026/QĐ-UBND', summary: 'Ban hành quy định về quản lý, vận hành và khai thác Cổng thông tin điện tử tỉnh Quảng Trị',
      issuing_agency: 'Ủy ban nhân dân tỉnh Quảng Trị', signed_on: '2026-03-12', effective_on: '2026-04-01', full_text: DECISION_TEXT, field: 'Thông tin và truyền thông',
      first_page: 3, last_page: 10, published_at: Date.UTC(2026, 2, 20, 1), updated_at: Date.UTC(2026, 2, 20, 1),
    });
    land = await seedDocument(db, dialect, issue12, {
      document_type: 'nghi-quyet', number_symbol: '12/2026/NQ-HĐND', summary: 'Quy định bảng giá các loại đất đai trên địa bàn tỉnh Quảng Trị', issuing_agency: 'Hội đồng nhân dân tỉnh Quảng Trị',
      signed_on: '2026-02-25', effective_on: '2026-01-01', full_text: LAND_TEXT, first_page: 11, last_page: 30, published_at: Date.UTC(2026, 2, 20, 2), updated_at: Date.UTC(2026, 2, 20, 2),
    });
    directive = await seedDocument(db, dialect, issue13, {
      document_type: 'chi-thi', number_symbol: '05/CT-UBND', summary: 'Về tăng cường công tác phòng, chống thiên tai năm 2026\u0007\ud800', issuing_agency: 'Ủy ban nhân dân tỉnh Quảng Trị',
      signed_on: '2026-03-15', full_text: 'Chỉ thị về phòng chống thiên tai và tìm kiếm cứu nạn.', first_page: 1, last_page: 5, published_at: Date.UTC(2026, 2, 27, 1), updated_at: Date.UTC(2026, 2, 27, 1),
    });
    central = await seedDocument(db, dialect, issue13, {
      document_type: 'thong-bao', number_symbol: '88/TB-BTP', summary: 'Thông báo danh mục văn bản hết hiệu lực', issuing_agency: 'Bộ Tư pháp', issuer_level: 'central',
      signed_on: '2026-03-01', full_text: 'Danh mục văn bản quy phạm pháp luật hết hiệu lực.', first_page: 6, last_page: 8, published_at: Date.UTC(2026, 2, 27, 2), updated_at: Date.UTC(2026, 2, 27, 2),
    });
    notice = await seedDocument(db, dialect, issue13, {
      kind: 'correction', document_type: 'van-ban-khac', number_symbol: '07/ĐC-UBND', summary: 'Đính chính Quyết định số 41/2026/QĐ-UBND', issuing_agency: 'Ủy ban nhân dân tỉnh Quảng Trị',
      signed_on: '2026-03-22', full_text: 'Đính chính lỗi tại Điều 2.', first_page: 9, last_page: 9, published_at: Date.UTC(2026, 2, 27, 3), updated_at: Date.UTC(2026, 2, 27, 3),
    });
    hidden = await seedDocument(db, dialect, draft, {
      document_type: 'quyet-dinh', number_symbol: '99/2026/QĐ-UBND', summary: 'Văn bản chưa phát hành bimatchuadang', issuing_agency: 'Ủy ban nhân dân tỉnh Quảng Trị',
      signed_on: '2026-03-25', full_text: 'bimatchuadang', published_at: Date.UTC(2026, 2, 28), updated_at: Date.UTC(2026, 2, 28),
    });
    // Another unit's gazette (here: a department acting as an office of its own) with its own documents.
    const other = await unitId(db, B);
    const otherIssue = await seedIssue(db, other, { year: 2026, number_from: 12, publication_date: '2026-03-20' });
    foreign = await seedDocument(db, dialect, otherIssue, {
      document_type: 'quyet-dinh', number_symbol: '41/2026/QĐ-STP', summary: 'Văn bản của đơn vị khác khongduocthay', issuing_agency: 'Sở Tư pháp',
      signed_on: '2026-03-12', full_text: 'khongduocthay', published_at: Date.UTC(2026, 2, 20), updated_at: Date.UTC(2026, 2, 20),
    });
    const now = Date.now();
    await db.insertInto('gazette_document_relations').values({ office_id: office, from_document_id: land.id, to_document_id: old.id, kind: 'replaces', partial: 0, note: null, created_by: 'test', created_at: now }).execute();
    await db.insertInto('gazette_corrections').values({
      id: 'c0000000-0000-4000-8000-000000000001', office_id: office, case_kind: 'issuer-after', correction_submission_id: notice.submission_id, correction_document_id: notice.id,
      corrected_submission_id: decision.submission_id, corrected_document_id: decision.id, reason: 'Sửa ngày có hiệu lực tại Điều 2', created_by: 'test', created_at: now, updated_at: now,
    }).execute();
  });

  afterAll(async () => {
    await database?.destroy();
    await h?.stop();
  });

  describe('pages', () => {
    it('lays every page out accessibly: lang, skip link, landmarks, labelled controls', async () => {
      for (const path of ['/cong-bao', '/cong-bao/gioi-thieu', '/cong-bao/so', '/cong-bao/so/2026/12', decision.eli_path, '/cong-bao/tra-cuu?q=dat']) {
        const res = await site(path);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
        const page = res.text;
        expect(page).toContain('<html lang="vi">');
        expect(page).toMatch(/<a class="skip" href="#noi-dung">/);
        expect(page).toContain('<main id="noi-dung"');
        expect(page).toMatch(/<header class="site">/);
        expect(page).toMatch(/<nav class="main" aria-label="[^"]+">/);
        expect(page).toContain('<footer class="site">');
        expect(page.match(/<h1>/g)).toHaveLength(1);
        // Every form control has a label naming it.
        const ids = [...page.matchAll(/<(?:input|select)\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
        const controls = page.match(/<(?:input|select)\b/g) ?? [];
        expect(ids.length, path).toBe(controls.length);
        for (const id of ids) expect(page, `${path} #${id}`).toContain(`<label for="${id}"`);
      }
    });

    it('introduces the gazette and its legal value with a link to the government gazette (GAZ-33)', async () => {
      const page = (await site('/cong-bao/gioi-thieu')).text;
      expect(page).toContain('có giá trị như bản gốc');
      expect(page).toContain('href="https://congbao.chinhphu.vn"');
    });

    it('lists the issues of a year with number, date, pages, the signed PDF link and its SHA-256; no draft issue', async () => {
      const page = (await site('/cong-bao/so?nam=2026')).text;
      expect(page).toContain('Số 13 + 14');
      expect(page).toContain('27-03-2026');
      expect(page).toContain(`/api/gazette/issues/${issue12.id}/pdf`);
      expect(page).toContain(issue12.sha256!);
      expect(page).not.toContain('Số 15');
      expect(page).toContain('href="/cong-bao/so?nam=2025"');
    });

    it('shows an issue with its table of contents in page order', async () => {
      const page = (await site('/cong-bao/so/2026/12')).text;
      expect(page).toContain('Công báo số 12 năm 2026');
      const decisionAt = page.indexOf('41/2026/QĐ-UBND');
      const landAt = page.indexOf('12/2026/NQ-HĐND');
      expect(decisionAt).toBeGreaterThan(0);
      expect(landAt).toBeGreaterThan(decisionAt);
      expect(page).toContain('12-03-2026');
      expect(page).toContain(`href="${decision.eli_path}"`);
      expect((await site('/cong-bao/so/2026/14')).text).toContain('Công báo số 13 + 14 năm 2026');
      expect((await site('/cong-bao/so/2026/15')).status).toBe(404);
    });

    it('serves a document at its ELI path: attributes, escaped full text, PDF pages, correction banner, validity, JSON-LD', async () => {
      expect(decision.eli_path).toBe('/eli/quyet-dinh/2026/41-2026-qd-ubnd');
      const page = (await site(decision.eli_path)).text;
      expect(page).toContain('Quyết định 41/2026/QĐ-UBND');
      expect(page).toContain('Ủy ban nhân dân tỉnh Quảng Trị');
      expect(page).toContain('01-04-2026');
      expect(page).toContain('Chánh Văn phòng Ủy ban nhân dân tỉnh &amp; các sở &lt;ngành&gt;');
      expect(page).toContain(`/api/gazette/issues/${issue12.id}/pdf#page=3`);
      expect(page).toContain('trang 3–10');
      expect(page).toContain('Văn bản này đã được đính chính');
      expect(page).toContain(`href="${notice.eli_path}"`);
      expect(page).toContain('Hiệu lực: Còn hiệu lực');
      const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)![1]!);
      expect(ld).toMatchObject({ '@context': 'https://schema.org', '@type': 'Legislation', legislationIdentifier: '41/2026/QĐ-UBND', legislationDate: '2026-03-12' });
      expect(ld['@id']).toMatch(/\/eli\/quyet-dinh\/2026\/41-2026-qd-ubnd$/);

      const replaced = (await site(old.eli_path)).text;
      expect(replaced).toContain('Hiệu lực: Hết hiệu lực toàn bộ');
      expect(replaced).toContain('Bị thay thế bởi');
      expect(replaced).toContain(`href="${land.eli_path}"`);
    });

    it('shows nothing unpublished and nothing of another unit', async () => {
      expect((await site(hidden.eli_path)).status).toBe(404);
      expect((await site(foreign.eli_path)).status).toBe(404);
      const search = (await site('/cong-bao/tra-cuu?q=bimatchuadang')).text;
      expect(search).toContain('Tìm thấy 0 văn bản');
      expect((await site('/cong-bao/tra-cuu?q=khongduocthay')).text).toContain('Tìm thấy 0 văn bản');
      // The other unit sees its own and none of the province's.
      const theirs = (await getOnHost(h.t.url, `${B}.localhost`, '/cong-bao/tra-cuu?q=khongduocthay')).text;
      expect(theirs).toContain('Tìm thấy 1 văn bản');
      expect((await getOnHost(h.t.url, `${B}.localhost`, decision.eli_path)).status).toBe(404);
      // On the platform host with the unit's path prefix, links keep the prefix.
      const prefixed = await h.t.client.get(`/t/${PROVINCE}/cong-bao/so/2026/12`);
      expect(prefixed.status).toBe(200);
      expect(prefixed.text).toContain(`href="/t/${PROVINCE}${decision.eli_path}"`);
    });
  });

  describe('search', () => {
    const hits = (page: string) => [...page.matchAll(/<h3><a href="([^"]+)">/g)].map((m) => m[1]);

    it('finds Vietnamese words typed without diacritics', async () => {
      expect(hits((await site('/cong-bao/tra-cuu?q=quyet+dinh+cong+thong+tin')).text)).toEqual([decision.eli_path]);
      expect(hits((await site('/cong-bao/tra-cuu?q=dat+dai')).text)).toEqual([land.eli_path]);
      expect(hits((await site('/cong-bao/tra-cuu?q=%C4%91%E1%BA%A5t+%C4%91ai')).text)).toEqual([land.eli_path]);
    });

    it('matches "quoted phrases" as phrases', async () => {
      expect(hits((await site('/cong-bao/tra-cuu?q=%22thien+tai%22')).text)).toEqual([directive.eli_path]);
      expect(hits((await site('/cong-bao/tra-cuu?q=%22tai+thien%22')).text)).toEqual([]);
    });

    it('filters by number, type, level, agency, signing dates and publication year, and sorts', async () => {
      expect(hits((await site('/cong-bao/tra-cuu?so_ky_hieu=41%2F2026%2Fqd-ubnd')).text)).toEqual([decision.eli_path]);
      expect(hits((await site('/cong-bao/tra-cuu?so_ky_hieu=NQ-H%C4%90ND')).text)).toEqual([land.eli_path, old.eli_path]);
      expect(hits((await site('/cong-bao/tra-cuu?loai=chi-thi')).text)).toEqual([directive.eli_path]);
      expect(hits((await site('/cong-bao/tra-cuu?cap=central')).text)).toEqual([central.eli_path]);
      expect(hits((await site('/cong-bao/tra-cuu?co_quan=hoi-dong-nhan-dan-tinh-quang-tri')).text)).toEqual([land.eli_path, old.eli_path]);
      // Newest and oldest are by publication, the gazette's own order.
      expect(hits((await site('/cong-bao/tra-cuu?tu_ngay=2026-03-01&den_ngay=2026-03-15')).text)).toEqual([central.eli_path, directive.eli_path, decision.eli_path]);
      expect(hits((await site('/cong-bao/tra-cuu?nam=2025')).text)).toEqual([old.eli_path]);
      expect(hits((await site('/cong-bao/tra-cuu?nam=2026&sap_xep=oldest&so_dong=10')).text)).toEqual([decision.eli_path, land.eli_path, directive.eli_path, central.eli_path, notice.eli_path]);
      expect(hits((await site('/cong-bao/tra-cuu?q=dinh&nam=2026&sap_xep=oldest')).text)).toEqual([decision.eli_path, land.eli_path, notice.eli_path]);
      // Relevance: documents with every word in the summary first (newest first), then those with them in the text only.
      expect(hits((await site('/cong-bao/tra-cuu?q=quy+dinh&sap_xep=relevance')).text)).toEqual([land.eli_path, decision.eli_path, old.eli_path]);
      expect(hits((await site('/cong-bao/tra-cuu?q=quy+dinh&sap_xep=newest')).text)).toEqual([land.eli_path, decision.eli_path, old.eli_path]);
      expect(hits((await site('/cong-bao/tra-cuu?q=dieu+2&sap_xep=relevance')).text)).toEqual([notice.eli_path, land.eli_path, decision.eli_path]);
      expect(hits((await site('/cong-bao/tra-cuu?q=quy+dinh&pham_vi=summary&loai=quyet-dinh')).text)).toEqual([decision.eli_path]);
    });

    it('pages results with page size 10/20/50 and keeps the form', async () => {
      const page = (await site('/cong-bao/tra-cuu?so_dong=10&nam=2026&loai=chi-thi')).text;
      expect(page).toContain('<option value="10" selected>');
      expect(page).toContain('<option value="chi-thi" selected>');
      expect((await site('/cong-bao/tra-cuu?so_dong=7')).text).toContain('<option value="20" selected>');
    });
  });

  describe('feeds', () => {
    it('serves valid Atom 1.0 feeds: all, per type, per issuer', async () => {
      const all = await site('/cong-bao/feed.atom');
      expect(all.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      const byType = await site('/cong-bao/feed/loai/nghi-quyet.atom');
      const byIssuer = await site('/cong-bao/feed/co-quan/bo-tu-phap.atom');
      expect((await site('/cong-bao/feed/loai/khong-co.atom')).status).toBe(404);
      const parsed = await parseXmlInChromium([all.text, byType.text, byIssuer.text]);
      for (const p of parsed) expect(p).toEqual({ error: null, root: 'feed', namespace: 'http://www.w3.org/2005/Atom' });
      for (const feed of [all.text, byType.text, byIssuer.text]) {
        expect(feed).toMatch(/<feed[^>]*>\s*<id>[^<]+<\/id>\s*<title>[^<]+<\/title>\s*<updated>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/updated>/);
        expect(feed).toContain('<link rel="self"');
        for (const entry of feed.split('<entry>').slice(1)) {
          for (const el of ['<id>', '<title>', '<updated>', '<link rel="alternate"', '<summary']) expect(entry).toContain(el);
        }
      }
      expect(all.text).not.toContain('bimatchuadang');
      expect(all.text).not.toContain('khongduocthay');
      expect(byType.text.split('<entry>')).toHaveLength(3);
      expect(byIssuer.text).toContain('88/TB-BTP');
      expect(byIssuer.text.split('<entry>')).toHaveLength(2);
    });
  });

  describe('API v1', () => {
    const api = (path: string) => call(`/api/gazette/v1${path}`);

    it('searches with conditions, fields and paging, and is readable from any origin', async () => {
      const res = await api('/documents?conditions[term]=dat+dai&conditions[type][]=nghi-quyet');
      expect(res.status, res.text).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.body.count).toBe(1);
      expect(res.body.results[0]).toMatchObject({ id: land.id, number_symbol: '12/2026/NQ-HĐND', type: 'nghi-quyet', issue: { year: 2026, number: '12' }, validity: 'in-force' });
      expect(res.body.results[0].full_text).toBeUndefined();

      const fields = await api('/documents?conditions[number]=41/2026&fields[]=id&fields[]=eli_uri&fields[]=full_text');
      expect(fields.body.results).toHaveLength(1);
      expect(Object.keys(fields.body.results[0]).sort()).toEqual(['eli_uri', 'full_text', 'id']);
      expect(fields.body.results[0].eli_uri).toMatch(/\/eli\/quyet-dinh\/2026\/41-2026-qd-ubnd$/);

      const paged = await api('/documents?conditions[publication_year]=2026&order=oldest&per_page=2&page=2&fields[]=id');
      expect(paged.body).toMatchObject({ count: 5, total_pages: 3, page: 2, per_page: 2 });
      expect(paged.body.results.map((r: { id: string }) => r.id)).toEqual([directive.id, central.id]);
      expect(paged.body.next_page_url).toContain('page=3');

      const dated = await api('/documents?conditions[signed_on][gte]=2026-03-01&conditions[signed_on][lte]=2026-03-12&conditions[issuer_level]=local&fields[]=id');
      expect(dated.body.results.map((r: { id: string }) => r.id)).toEqual([decision.id]);
      const issuer = await api('/documents?conditions[issuer][]=bo-tu-phap&fields[]=id');
      expect(issuer.body.results.map((r: { id: string }) => r.id)).toEqual([central.id]);
    });

    it('answers 400 naming an unknown condition or field, or a bad value', async () => {
      const unknown = await api('/documents?conditions[colour]=red');
      expect(unknown.status).toBe(400);
      expect(unknown.text).toContain('conditions[colour]');
      const field = await api('/documents?fields[]=password');
      expect(field.status).toBe(400);
      expect(field.text).toContain('fields[]');
      expect((await api('/documents?per_page=1000')).status).toBe(400);
      expect((await api('/documents?conditions[signed_on][gte]=12-03-2026')).status).toBe(400);
      const reversed = await api('/documents?conditions[signed_on][gte]=2026-03-12&conditions[signed_on][lte]=2026-03-01');
      expect(reversed.status).toBe(400);
      expect(reversed.body.code).toBe('GAZETTE_ERR_PUBLIC_CONDITION_INVALID');
    });

    it('gives a document by id and by ELI with relations and corrections; never an unpublished or foreign one', async () => {
      const byId = await api(`/documents/${decision.id}`);
      expect(byId.status).toBe(200);
      expect(byId.body).toMatchObject({ id: decision.id, full_text: DECISION_TEXT, corrections: [{ reason: 'Sửa ngày có hiệu lực tại Điều 2' }] });
      expect(byId.body.corrections[0].notice_eli_uri).toMatch(new RegExp(`${notice.eli_path}$`));
      const byEli = await api(`/documents${decision.eli_path}`);
      expect(byEli.body.id).toBe(decision.id);
      const replaced = await api(`/documents/${old.id}`);
      expect(replaced.body).toMatchObject({ validity: 'expired', relations: [{ kind: 'replaces', direction: 'incoming', id: land.id }] });
      expect((await api(`/documents/${hidden.id}`)).status).toBe(404);
      expect((await api(`/documents/${foreign.id}`)).status).toBe(404);
      const list = await api('/documents?conditions[term]=bimatchuadang');
      expect(list.body.count).toBe(0);
      // Without X-Cong-Tenant the API reads the unit from the host: each unit's host, its own gazette.
      const onHost = JSON.parse((await getOnHost(h.t.url, 'localhost', '/api/gazette/v1/documents?conditions[number]=41/2026&fields[]=id')).text);
      expect(onHost.results).toEqual([{ id: decision.id }]);
      const onOther = JSON.parse((await getOnHost(h.t.url, `${B}.localhost`, '/api/gazette/v1/documents?conditions[number]=41/2026&fields[]=id')).text);
      expect(onOther.results).toEqual([{ id: foreign.id }]);
    });

    it('gives an issue by year and number with its table of contents, and the agencies', async () => {
      const issue = await api('/issues/2026/14');
      expect(issue.status).toBe(200);
      expect(issue.body).toMatchObject({ id: issue13.id, number_from: 13, number_to: 14, page_count: 48, sha256: issue13.sha256 });
      expect(issue.body.documents.map((d: { id: string }) => d.id)).toEqual([directive.id, central.id, notice.id]);
      expect((await api('/issues/2026/15')).status).toBe(404);
      const agencies = await api('/agencies');
      expect(agencies.body.results).toEqual(
        expect.arrayContaining([
          { key: 'uy-ban-nhan-dan-tinh-quang-tri', name: 'Ủy ban nhân dân tỉnh Quảng Trị', level: 'local', documents: 3 },
          { key: 'bo-tu-phap', name: 'Bộ Tư pháp', level: 'central', documents: 1 },
        ]),
      );
      expect(JSON.stringify(agencies.body)).not.toContain('Sở Tư pháp');
    });

    it('lists changes since a time, page by page with a cursor', async () => {
      const since = new Date(Date.UTC(2026, 2, 20, 1, 30)).toISOString();
      const first = await api(`/changes?since=${encodeURIComponent(since)}`);
      expect(first.status, first.text).toBe(200);
      expect(first.body.results.map((r: { document: { id: string } }) => r.document.id)).toEqual([land.id, directive.id, central.id, notice.id, old.id, decision.id].filter((id) => [land.id, directive.id, central.id, notice.id].includes(id)));
      expect(first.body.next_cursor).toBeNull();
      await db.updateTable('gazette_documents').set({ updated_at: Date.UTC(2026, 3, 1), validity_override: 'partly-expired', validity_reason: 'Điều 2 bị bãi bỏ' }).where('id', '=', decision.id).execute();
      const later = await api(`/changes?since=${encodeURIComponent(new Date(Date.UTC(2026, 2, 30)).toISOString())}`);
      expect(later.body.results).toEqual([expect.objectContaining({ change: 'updated', document: expect.objectContaining({ id: decision.id, validity: 'partly-expired', validity_reason: 'Điều 2 bị bãi bỏ' }) })]);
      expect((await api('/changes?since=2026-01-01T00:00:00Z&cursor=nonsense')).status).toBe(400);
      expect((await api('/changes')).status).toBe(400);
    });

    it('streams a yearly ZIP of JSON', async () => {
      const res = await fetch(new URL('/api/gazette/v1/bulk/2026.zip', h.t.url), { headers: { 'x-cong-tenant': PROVINCE } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/zip');
      const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
      expect(Object.keys(files).sort()).toEqual(['issues.json', ...[decision, land, directive, central, notice].map((d) => `documents/${d.id}.json`)].sort());
      const issues = JSON.parse(strFromU8(files['issues.json']!));
      expect(issues.map((i: { number_from: number }) => i.number_from)).toEqual([13, 12]);
      expect(JSON.parse(strFromU8(files[`documents/${land.id}.json`]!))).toMatchObject({ id: land.id, full_text: LAND_TEXT });
      expect((await api('/bulk/2019.zip')).status).toBe(404);
      expect((await api('/bulk/latest.zip')).status).toBe(400);
    });

    it('exports Akoma Ntoso 3.0 XML, well-formed and escaped', async () => {
      const res = await fetch(new URL(`/api/gazette/v1/documents/${decision.id}.akn.xml`, h.t.url), { headers: { 'x-cong-tenant': PROVINCE } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/akn+xml; charset=utf-8');
      const xml = await res.text();
      const [parsed] = await parseXmlInChromium([xml]);
      expect(parsed).toEqual({ error: null, root: 'akomaNtoso', namespace: 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0' });
      expect(xml).toContain('<FRBRWork>');
      expect(xml).toContain('<FRBRnumber value="41/2026/QĐ-UBND"/>');
      expect(xml).toContain('<docTitle>Ban hành quy định về quản lý');
      expect(xml).toContain('&amp; các sở &lt;ngành&gt;');
      expect(xml.match(/<paragraph eId="para_\d+">/g)).toHaveLength(DECISION_TEXT.split('\n').length);
    });

    it('documents every public route and field in the OpenAPI document, in Vietnamese and English', async () => {
      const res = await h.t.client.get('/openapi.json');
      const doc = res.body;
      const search = doc.paths['/api/gazette/v1/documents'].get;
      const params = search.parameters.map((p: { name: string }) => p.name);
      expect(params).toEqual(expect.arrayContaining(['conditions[term]', 'conditions[type][]', 'conditions[issuer][]', 'conditions[signed_on][gte]', 'conditions[publication_year]', 'conditions[number]', 'fields[]', 'order', 'page', 'per_page']));
      for (const p of search.parameters) expect(p.schema.description ?? p.description, p.name).toMatch(/ \/ /);
      const fields = search.responses['200'].content['application/json'].schema.properties.results.items.properties;
      for (const [name, schema] of Object.entries(fields)) expect((schema as { description: string }).description, name).toMatch(/ \/ /);
      for (const path of ['/api/gazette/v1/documents/{id}', '/api/gazette/v1/issues/{year}/{number}', '/api/gazette/v1/agencies', '/api/gazette/v1/changes', '/api/gazette/v1/bulk/{file}']) expect(doc.paths[path]?.get, path).toBeDefined();
      const problems = await lintFromString({ source: res.text, absoluteRef: 'openapi.json', config: await createConfig({ extends: ['recommended'] }) });
      const ours = problems.filter((p) => (p.location[0]?.pointer ?? '').includes('gazette~1v1'));
      expect(ours.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ''}`)).toEqual([]);
    });
  });
});
