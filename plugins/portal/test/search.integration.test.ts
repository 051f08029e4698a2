import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPlatform, type TestClient, type TestPlatform } from '@cong/sdk/testing';
import { inTenant } from './support/unit-client.js';
import { inAnotherProcess } from './support/other-process.js';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { sql } from 'kysely';

const portal = fileURLToPath(new URL('..', import.meta.url));
const A = 'so-tai-chinh';
const B = 'so-y-te';
const PROVINCE = 'quang-tri';
const HOUR = 3_600_000;

interface Item {
  type: string;
  lang: string;
  id: string;
  title: string;
  snippet: string;
  url: string;
  date: string;
  unitId: string;
  unit?: { slug: string };
}
interface Page {
  total: number;
  items: Item[];
  facets?: { units: { slug: string; name: string; count: number }[] };
}

describeEachDialect('portal search', (dialect) => {
  let t: TestPlatform;

  /** A client acting in a unit with the given permissions (none: an anonymous visitor of the unit's site). */
  const inUnit = (tenant: string, id?: string, permissions: string[] = []): TestClient => inTenant(id === undefined ? t.client : t.client.as({ id, permissions }), tenant);
  const staff = (tenant: string) => ({
    writer: inUnit(tenant, `phong-vien-${tenant}`, ['portal.content.write', 'portal.legal.write']),
    chief: inUnit(tenant, `truong-ban-${tenant}`, ['portal.content.write', 'portal.content.approve']),
  });

  const step = (client: TestClient, id: string, action: string, body: Record<string, unknown> = {}) => client.post(`/api/portal/articles/${id}/transitions/${action}`, body);
  const draft = async (tenant: string, title: string, extra: Record<string, unknown> = {}) => {
    const res = await staff(tenant).writer.post('/api/portal/articles', { title, summary: 'Tóm tắt', body: '<p>Nội dung</p>', ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; slug: string };
  };
  const publish = async (tenant: string, title: string, extra: Record<string, unknown> = {}) => {
    const a = await draft(tenant, title, extra);
    const { writer, chief } = staff(tenant);
    expect((await step(writer, a.id, 'submit')).status).toBe(200);
    const approved = await step(chief, a.id, 'approve');
    expect(approved.body.status, JSON.stringify(approved.body)).toBe('published');
    return a;
  };
  const search = async (tenant: string, query: Record<string, string | number | boolean>): Promise<Page> => {
    const res = await inUnit(tenant).get('/api/portal/search', { query });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as Page;
  };
  const ids = (page: Page) => page.items.map((i) => i.id);
  /** `cong portal reindex` run in the test platform: its exit code, and what it wrote to each stream. */
  const reindex = async (args: Record<string, string | undefined>, options: Record<string, true | undefined> = {}) => {
    let written = '';
    let progress = '';
    const code = await t.platform.runCommand('portal', 'reindex', { args, options, out: { write: (text: string) => void (written += text), progress: (text: string) => void (progress += text) } });
    return { code, written, progress };
  };

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [portal], database: dialect, config: { demo: true } });
  });
  afterAll(async () => t?.stop());

  it('finds a published article without accents, with its URL, date and a plain snippet; never a draft', async () => {
    const a = await publish(A, 'Đăng ký hộ khẩu tại Đắk Lắk', { summary: 'Hướng dẫn thủ tục', body: '<p>Người dân nộp hồ sơ đăng ký thường trú.</p>' });
    const d = await draft(A, 'Đăng ký hộ khẩu bản nháp');
    const inReview = await draft(A, 'Đăng ký hộ khẩu đang duyệt');
    await step(staff(A).writer, inReview.id, 'submit');

    const found = await search(A, { q: 'dang ky ho khau' });
    expect(ids(found)).toEqual([a.id]);
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({ type: 'article', lang: 'vi', title: 'Đăng ký hộ khẩu tại Đắk Lắk', url: `/tin/${a.slug}`, unitId: expect.any(String) });
    expect(Date.parse(found.items[0]!.date)).toBeGreaterThan(Date.now() - HOUR);
    expect(found.items[0]!.snippet).toContain('Hướng dẫn thủ tục');
    expect(found.items[0]!.unit).toBeUndefined();
    expect(ids(await search(A, { q: 'dak lak' }))).toEqual([a.id]);
    expect(ids(await search(A, { q: 'ĐẮK LẮK' }))).toEqual([a.id]);
    expect(ids(await search(A, { q: 'thuong tru' }))).toEqual([a.id]); // the body
    expect(ids(await search(A, { q: 'ban nhap' }))).not.toContain(d.id);
    expect(ids(await search(A, { q: 'dang duyet' }))).not.toContain(inReview.id);
    expect(ids(await search(A, { q: 'dang ky', type: 'legal' }))).toEqual([]);
    expect(ids(await search(A, { q: 'dang ky', type: 'article' }))).toEqual([a.id]);
  });

  it('drops an article from the results when it is archived, reopened or withdrawn by the clock', async () => {
    const { chief } = staff(A);
    const archived = await publish(A, 'Thông báo tuyển dụng viên chức');
    const reopened = await publish(A, 'Thông báo tuyển dụng công chức');
    const timed = await publish(A, 'Thông báo tuyển dụng hợp đồng');
    expect(ids(await search(A, { q: 'tuyen dung' })).sort()).toEqual([archived.id, reopened.id, timed.id].sort());

    expect((await step(chief, archived.id, 'archive')).body.status).toBe('archived');
    expect((await step(chief, reopened.id, 'reopen')).body.status).toBe('draft');
    await step(chief, timed.id, 'schedule', { unpublishAt: new Date(Date.now() - 1000).toISOString() });
    expect((await chief.post('/api/portal/content-clock')).body.unpublished).toEqual([timed.id]);
    expect(await search(A, { q: 'tuyen dung' })).toMatchObject({ total: 0, items: [] });
  });

  it('keeps units apart, and searches every unit from the province with a facet of units', async () => {
    const here = await publish(A, 'Kế hoạch phòng chống lụt bão năm 2026');
    const there = await publish(B, 'Kế hoạch phòng chống lụt bão ngành y tế');
    const there2 = await publish(B, 'Phòng chống lụt bão: trực cấp cứu');

    expect(ids(await search(A, { q: 'lut bao' }))).toEqual([here.id]);
    expect(ids(await search(B, { q: 'lut bao' })).sort()).toEqual([there.id, there2.id].sort());

    const all = await search(PROVINCE, { q: 'lut bao', allUnits: true });
    expect(all.total).toBe(3);
    expect(ids(all).sort()).toEqual([here.id, there.id, there2.id].sort());
    expect(all.items.find((i) => i.id === there.id)!.unit).toMatchObject({ slug: B });
    expect(all.facets!.units.map((u) => [u.slug, u.count])).toEqual([[B, 2], [A, 1]]);
    expect(all.facets!.units[0]!.name).toBe('Sở Y tế');
    // Without the flag the province searches its own content only.
    expect(await search(PROVINCE, { q: 'lut bao' })).toEqual({ total: 0, totalIsExact: true, limit: 20, offset: 0, items: [] });
    const paged = await search(PROVINCE, { q: 'lut bao', allUnits: true, limit: 1, offset: 1 });
    expect(paged).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(paged.items).toHaveLength(1);

    const refused = await inUnit(A).get('/api/portal/search', { query: { q: 'lut bao', allUnits: true } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ in: 'query', pointer: '/allUnits' })]);
  });

  it('matches "quoted phrases" as phrases', async () => {
    const together = await publish(A, 'Cấp giấy phép xây dựng nhà ở riêng lẻ');
    const apart = await publish(A, 'Giấy tờ cần có khi xin phép xây dựng');
    expect(ids(await search(A, { q: 'giay phep xay dung' })).sort()).toEqual([together.id, apart.id].sort());
    expect(ids(await search(A, { q: '"giay phep" xay dung' }))).toEqual([together.id]);
    expect(ids(await search(A, { q: '"phep xay dung nha"' }))).toEqual([together.id]);
  });

  it('matches whole words; asYouType=true also matches the start of the last word', async () => {
    const residence = await publish(A, 'Thủ tục đăng ký thường trú cho công dân');
    const standing = await publish(A, 'Ban thường trực Hội đồng nhân dân họp phiên thường kỳ');
    const whole = ids(await search(A, { q: 'thuong tru' }));
    expect(whole).toContain(residence.id);
    expect(whole).not.toContain(standing.id);
    expect(ids(await search(A, { q: 'thuong tru', asYouType: true }))).toEqual(expect.arrayContaining([residence.id, standing.id]));
    expect(ids(await search(A, { q: 'ban thuong tr' }))).toEqual([]);
    expect(ids(await search(A, { q: 'ban thuong tr', asYouType: true }))).toEqual([standing.id]);
    expect((await inUnit(A).get('/api/portal/search', { query: { q: 'x', asYouType: 'maybe' } })).status).toBe(400);
  });

  it('shows no markup in titles and snippets', async () => {
    await publish(A, 'Cảnh báo lừa đảo qua mạng <i>mới</i>', {
      summary: '',
      body: '<p>Cảnh giác với <b>tin nhắn</b> giả mạo &lt;script&gt;alert(1)&lt;/script&gt; và đường link lạ &lt;b&gt;đậm&lt;/b&gt; &amp;lt;img&amp;gt;.</p>',
    });
    const page = await search(A, { q: 'lua dao tin nhan' });
    expect(page.total).toBe(1);
    const { snippet, title } = page.items[0]!;
    expect(snippet).toContain('tin nhắn');
    for (const text of [snippet, title]) {
      expect(text).not.toMatch(/<\s*\/?\s*[a-z]/i);
      expect(text).not.toContain('alert');
    }
    // What the author typed as text stays that text (encoded on output by whoever renders it).
    expect(snippet).toContain('&lt;img&gt;');
  });

  it('indexes the English translation as its own entry, searched with lang=en', async () => {
    const a = await publish(A, 'Giới thiệu cơ cấu tổ chức', { translations: { en: { title: 'Organisational structure', body: '<p>The department has five divisions.</p>' } } });
    const en = await search(A, { q: 'divisions', lang: 'en' });
    expect(en.items).toEqual([expect.objectContaining({ id: a.id, lang: 'en', title: 'Organisational structure', url: `/en/tin/${a.slug}` })]);
    expect((await search(A, { q: 'divisions' })).total).toBe(0);
    expect(ids(await search(A, { q: 'co cau to chuc' }))).toEqual([a.id]);
    await step(staff(A).chief, a.id, 'archive');
    expect((await search(A, { q: 'organisational', lang: 'en' })).total).toBe(0);
  });

  it('finds legal documents after the catch-up job and after a reindex, in their own unit only', async () => {
    const { writer } = staff(A);
    const res = await writer.post('/api/portal/legal-documents', {
      type: 'quyet_dinh', numberSymbol: '12/2026/QĐ-UBND', issuer: 'UBND tỉnh Quảng Trị', issuedOn: '2026-03-01', field: 'Đất đai', summary: 'Ban hành bảng giá đất từ năm 2026',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const docId = res.body.id as string;

    // Legal documents have no events: the catch-up job (every two minutes; tested in search-catch-up.test.ts)
    // or the reindex route sends them to the index.
    expect((await search(A, { q: 'bang gia dat' })).total).toBe(0);
    const first = await staff(A).chief.post('/api/portal/search/reindex');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const page = await search(A, { q: 'bang gia dat' });
    expect(page.items).toEqual([expect.objectContaining({ id: docId, type: 'legal', url: `/van-ban/${docId}`, date: '2026-02-28T17:00:00.000Z' })]);
    expect(page.items[0]!.title).toContain('Quyết định 12/2026/QĐ-UBND');
    expect(ids(await search(A, { q: '12/2026/QD-UBND', type: 'legal' }))).toEqual([docId]);
    expect((await search(B, { q: 'bang gia dat' })).total).toBe(0);

    const changed = await writer.patch(`/api/portal/legal-documents/${docId}`, { summary: 'Ban hành bảng giá đất điều chỉnh' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const reindex = await staff(A).chief.post('/api/portal/search/reindex');
    expect(reindex.status).toBe(200);
    expect(reindex.body.legal).toBe(1);
    expect(ids(await search(A, { q: 'dieu chinh' }))).toEqual([docId]);
  });

  it('rebuilds a unit\'s entries in batches: articles the index missed come in, stale ones go, other units stay', async () => {
    const kept = await publish(A, 'Tin gốc để nhân bản', { body: '<p>Nội dung gốc</p>' });
    const archived = await publish(A, 'Tin lưu trữ không sự kiện');
    const other = await publish(B, 'Tin hàng loạt của đơn vị khác');
    await inAnotherProcess(t, async (k) => {
      // More than one batch (200) of published articles written without events, so the index never saw them,
      // and an article taken off the site the same way, whose entry stays behind.
      const source = await k.selectFrom('portal_articles').selectAll().where('id', '=', kept.id).executeTakeFirstOrThrow();
      const copies = Array.from({ length: 230 }, (_, n) => ({ ...source, id: `bulk-${String(n).padStart(3, '0')}`, slug: `tin-hang-loat-${n}`, title: `Tin hàng loạt số ${n}`, title_folded: `tin hang loat so ${n}` }));
      for (let i = 0; i < copies.length; i += 50) await k.insertInto('portal_articles').values(copies.slice(i, i + 50)).execute();
      await k.updateTable('portal_articles').set({ status: 'archived' }).where('id', '=', archived.id).execute();
      expect((await search(A, { q: 'tin hang loat so 217' })).total).toBe(0);
      expect(ids(await search(A, { q: 'tin luu tru khong su kien' }))).toEqual([archived.id]);

      const res = await staff(A).chief.post('/api/portal/search/reindex');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const published = await k.selectFrom('portal_articles').select((e) => e.fn.countAll().as('n')).where('tenant_id', '=', source.tenant_id).where('status', '=', 'published').executeTakeFirstOrThrow();
      expect(res.body.articles).toBe(Number(published.n));
      expect(res.body.articles).toBeGreaterThan(230);
      const entries = await k
        .selectFrom('core_search_documents')
        .select((e) => e.fn.countAll().as('n'))
        .where('tenant_id', '=', source.tenant_id)
        .where('owner', '=', 'portal')
        .where('type', '=', 'article')
        .executeTakeFirstOrThrow();
      expect(Number(entries.n)).toBe(Number(published.n));
      expect(ids(await search(A, { q: 'tin hang loat so 217' }))).toEqual(['bulk-217']);
      expect(ids(await search(A, { q: 'tin hang loat so 0' }))).toEqual(['bulk-000']);
      expect((await search(A, { q: 'tin luu tru khong su kien' })).total).toBe(0);
      expect(ids(await search(B, { q: 'tin hang loat' }))).toEqual([other.id]);
    });
  });

  it('cong portal reindex rebuilds one unit or every unit, and refuses what it cannot do', async () => {
    const a = await publish(A, 'Lịch tiếp dân lệnh nhanh');
    const b = await publish(B, 'Lịch tiếp dân lệnh nhanh');
    // Entries lost (a restored backup of the tables without the index): both units' rows go.
    await inAnotherProcess(t, async (k) => {
      for (const id of [a.id, b.id]) await k.updateTable('portal_articles').set({ status: 'archived' }).where('id', '=', id).execute();
      await staff(A).chief.post('/api/portal/search/reindex');
      await staff(B).chief.post('/api/portal/search/reindex');
      for (const id of [a.id, b.id]) await k.updateTable('portal_articles').set({ status: 'published' }).where('id', '=', id).execute();
    });
    expect((await search(A, { q: 'lenh nhanh' })).total).toBe(0);

    const one = await reindex({ unit: A });
    expect(one.code).toBe(0);
    expect(one.progress).toMatch(new RegExp(`^\\[1/1\\] ${A}: \\d+ articles, \\d+ pages, \\d+ legal documents, \\d+ removed`));
    expect(one.written).toMatch(/^Reindexed 1 unit\(s\): \d+ articles, \d+ pages, \d+ legal documents indexed; \d+ entries removed\./);
    expect(ids(await search(A, { q: 'lenh nhanh' }))).toEqual([a.id]);
    expect((await search(B, { q: 'lenh nhanh' })).total).toBe(0);

    const all = await reindex({}, { all: true });
    expect(all.code).toBe(0);
    expect(all.progress).toContain(`] ${B}: `);
    expect(all.progress).toContain(`] ${PROVINCE}: `);
    expect(ids(await search(B, { q: 'lenh nhanh' }))).toEqual([b.id]);

    await expect(reindex({})).rejects.toThrow(/Name one unit/);
    await expect(reindex({ unit: A }, { all: true })).rejects.toThrow(/Name one unit/);
    await expect(reindex({ unit: 'khong-co-don-vi-nay' })).rejects.toThrow(/No unit khong-co-don-vi-nay/);
  });

  it('cong portal reindex --all reports a unit that fails, goes on with the others and exits 1', async () => {
    await publish(B, 'Tin của đơn vị hỏng chỉ mục');
    // A real failure of the database for one unit's entries: a trigger refuses them (as a full disk or a
    // lost connection would), on both engines.
    const triggers = (unitB: string) =>
      (['INSERT', 'UPDATE'] as const).map((event) =>
        dialect === 'sqlite'
          ? `CREATE TRIGGER refuse_b_${event} BEFORE ${event} ON core_search_documents WHEN NEW.tenant_id = '${unitB}' BEGIN SELECT RAISE(ABORT, 'the disk is full'); END`
          : `CREATE TRIGGER refuse_b_${event} BEFORE ${event} ON core_search_documents FOR EACH ROW BEGIN IF NEW.tenant_id = '${unitB}' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the disk is full'; END IF; END`,
      );
    await inAnotherProcess(t, async (k) => {
      const unitB = (await k.selectFrom('core_tenants').select('id').where('slug', '=', B).executeTakeFirstOrThrow()).id as string;
      for (const create of triggers(unitB)) await sql.raw(create).execute(k);
    });
    const { code, progress, written } = await reindex({}, { all: true }).finally(() =>
      inAnotherProcess(t, async (k) => {
        for (const event of ['INSERT', 'UPDATE']) await sql.raw(`DROP TRIGGER IF EXISTS refuse_b_${event}`).execute(k);
      }),
    );
    expect(code).toBe(1);
    expect(progress).toMatch(new RegExp(`\\] ${B}: failed: .*the disk is full`));
    const lines = progress.trim().split('\n');
    const units = Number(/^\[\s*\d+\/(\d+)\]/.exec(lines[0]!)![1]);
    expect(lines).toHaveLength(units); // one line for every unit: the ones after B were rebuilt too
    expect(lines.filter((l) => / \d+ articles, \d+ pages, \d+ legal documents, \d+ removed/.test(l))).toHaveLength(units - 1);
    expect(written).toMatch(new RegExp(`^Reindexed ${units - 1} unit\\(s\\):`));
    expect(written).toContain(`1 unit(s) failed; rebuild each again with cong portal reindex <unit>: ${B}\n`);
    expect((await reindex({ unit: B })).code).toBe(0);
    expect(ids(await search(B, { q: 'don vi hong chi muc' }))).toHaveLength(1);
  });

  it('guards the reindex route and validates the query', async () => {
    expect((await inUnit(A).post('/api/portal/search/reindex')).status).toBe(401);
    expect((await inUnit(A, 'doc-gia', ['portal.content.write']).post('/api/portal/search/reindex')).status).toBe(403);
    expect((await inUnit(A, 'van-thu', ['portal.legal.write']).post('/api/portal/search/reindex')).status).toBe(200);
    const bad: Record<string, string | number>[] = [{}, { q: 'x', type: 'video' }, { q: 'x', limit: 51 }, { q: 'x', offset: -1 }, { q: 'x', sort: 'date' }];
    for (const query of bad) {
      const res = await inUnit(A).get('/api/portal/search', { query });
      expect(res.status, JSON.stringify(query)).toBe(400);
    }
    // Nothing searchable is an empty result, not an error.
    expect(await search(A, { q: '  "  ' })).toEqual({ total: 0, totalIsExact: true, limit: 20, offset: 0, items: [] });
  });
});
