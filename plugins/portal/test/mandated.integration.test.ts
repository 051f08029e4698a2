import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDatabase, parseDatabaseUrl, type Database } from '@cong/core/testing';
import { createTestPlatform, type TestClient, type TestPlatform } from '@cong/sdk/testing';
import { inTenant } from './support/unit-client.js';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { vietnamDate } from '../src/time/vietnam-time.js';

const portal = fileURLToPath(new URL('..', import.meta.url));
const A = 'so-tai-chinh';
const B = 'so-y-te';
const PROVINCE = 'quang-tri';
const DAY = 86_400_000;
const CODES = Array.from({ length: 16 }, (_, i) => `POR-${String(i + 1).padStart(2, '0')}`);
const SEEDED_SLUGS = ['tin-tuc-su-kien', 'chi-dao-dieu-hanh', 'pho-bien-phap-luat', 'chien-luoc-quy-hoach-ke-hoach', 'dau-tu-mua-sam-cong', 'tai-chinh-thong-ke', 'du-thao-lay-y-kien', 'dieu-uoc-quoc-te', 'thong-tin-cong-ich'];

interface Section {
  code: string;
  status: string;
  itemCount: number;
  lastUpdate: string | null;
  staleAfterDays: number | null;
  staleRule: { name: string; version: string } | null;
  categoryId: string | null;
  notApplicableReason: string | null;
  linkUrl: string | null;
  note: string | null;
}
interface Deadline {
  id: string;
  subject: { type: string; id: string | null; title: string };
  rule: { name: string; version: string; days: number };
  originDate: string;
  dueDate: string;
  metAt: string | null;
  status: string;
}

describeEachDialect('portal mandated information and deadlines', (dialect) => {
  let t: TestPlatform;
  let db: Database;
  // Unit ids, for reading and backdating rows directly.
  let idA: string;
  let idB: string;
  let manager: TestClient; // compliance manager of A
  let managerB: TestClient;
  let writer: TestClient;
  let chief: TestClient;
  const inUnit = (id: string, permissions: string[], tenant = A): TestClient => inTenant(t.client.as({ id, permissions }), tenant);
  const compliance = async (client: TestClient = manager, query: Record<string, string | boolean> = {}) => {
    const res = await client.get('/api/portal/compliance', { query });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { unit: { id: string; slug: string }; summary: Record<string, number>; items: Section[] };
  };
  const section = async (code: string, client: TestClient = manager) => (await compliance(client)).items.find((s) => s.code === code)!;
  const track = async (body: Record<string, unknown>, client: TestClient = manager) => {
    const res = await client.post('/api/portal/deadlines', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Deadline;
  };
  const publish = async (title: string, categoryId: string) => {
    const created = await writer.post('/api/portal/articles', { title, summary: 'Tóm tắt', body: '<p>Nội dung</p>', categoryId });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await writer.post(`/api/portal/articles/${created.body.id}/transitions/submit`, {})).status).toBe(200);
    const approved = await chief.post(`/api/portal/articles/${created.body.id}/transitions/approve`, {});
    expect(approved.body.status, JSON.stringify(approved.body)).toBe('published');
    return created.body as { id: string; slug: string };
  };
  const page = async (path: string, unit = A) => {
    const res = await fetch(new URL(`/t/${unit}${path}`, t.url), { redirect: 'manual' });
    return { status: res.status, body: await res.text() };
  };

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [portal], database: dialect, config: { demo: true } });
    db = await createDatabase(parseDatabaseUrl(t.databaseUrl, process.cwd()));
    manager = inUnit('thu-ky-bbt', ['portal.compliance.manage']);
    managerB = inUnit('thu-ky-y-te', ['portal.compliance.manage'], B);
    writer = inUnit('phong-vien', ['portal.content.write', 'portal.legal.write']);
    chief = inUnit('truong-ban', ['portal.content.write', 'portal.content.approve']);
    idA = (await compliance()).unit.id;
    idB = (await compliance(managerB)).unit.id;
  });
  afterAll(async () => {
    await db?.destroy();
    await t?.stop();
  });

  it('seeds the 16 sections and their categories when the portal is enabled for a unit, and seeding again adds nothing', async () => {
    const body = await compliance();
    expect(body.unit.slug).toBe(A);
    expect(body.items.map((s) => s.code)).toEqual(CODES);
    expect(body.summary.total).toBe(16);
    const categories = await writer.get('/api/portal/categories');
    const slugs = (categories.body.items as { slug: string; id: string }[]).map((c) => c.slug);
    expect(slugs).toEqual(expect.arrayContaining(SEEDED_SLUGS));
    const news = (categories.body.items as { slug: string; id: string }[]).find((c) => c.slug === 'tin-tuc-su-kien')!;
    expect(body.items.find((s) => s.code === 'POR-07')!.categoryId).toBe(news.id);

    const again = await manager.post('/api/portal/mandated-sections/seed');
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toEqual({ added: [], categoriesCreated: [] });
    const rows = await db.kysely.selectFrom('portal_mandated_sections' as never).select('code' as never).where('tenant_id' as never, '=', idA as never).execute();
    expect(rows).toHaveLength(16);
    const cats = await db.kysely.selectFrom('portal_categories' as never).select('slug' as never).where('tenant_id' as never, '=', idA as never).execute();
    expect(cats.filter((c) => SEEDED_SLUGS.includes((c as { slug: string }).slug))).toHaveLength(SEEDED_SLUGS.length);
    // Every unit has them, the province included.
    expect((await compliance(inUnit('tinh', ['portal.compliance.manage'], PROVINCE))).items).toHaveLength(16);
  });

  it('re-seeds only what is missing and adopts a category the unit already has under the slug', async () => {
    const original = await section('POR-09', managerB);
    await db.kysely.deleteFrom('portal_mandated_sections' as never).where('tenant_id' as never, '=', idB as never).where('code' as never, '=', 'POR-09' as never).execute();
    await db.kysely.deleteFrom('portal_categories' as never).where('tenant_id' as never, '=', idB as never).where('id' as never, '=', original.categoryId as never).execute();
    const own = await inUnit('bien-tap-y-te', ['portal.content.write'], B).post('/api/portal/categories', { slug: 'pho-bien-phap-luat', name: { vi: 'Pháp luật và đời sống' } });
    expect(own.status).toBe(201);
    const seeded = await managerB.post('/api/portal/mandated-sections/seed');
    expect(seeded.body).toEqual({ added: ['POR-09'], categoriesCreated: [] });
    expect((await section('POR-09', managerB)).categoryId).toBe(own.body.id);
  });

  it('gives a section whose category was deleted its category back when seeding again', async () => {
    const before = await section('POR-16', managerB);
    const deleted = await inUnit('truong-ban-y-te', ['portal.content.write', 'portal.content.approve'], B).delete(`/api/portal/categories/${before.categoryId}`);
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(204);
    const seeded = await managerB.post('/api/portal/mandated-sections/seed');
    expect(seeded.body).toEqual({ added: [], categoriesCreated: ['thong-tin-cong-ich'] });
    const after = await section('POR-16', managerB);
    expect(after.categoryId).not.toBeNull();
    expect(after.categoryId).not.toBe(before.categoryId);
    expect((await managerB.post('/api/portal/mandated-sections/seed')).body).toEqual({ added: [], categoriesCreated: [] });
  });

  it('reads a category section as empty, ok once an article is published, and stale past the rule\'s days', async () => {
    const news = await section('POR-07');
    expect(news).toMatchObject({ status: 'empty', itemCount: 0, lastUpdate: null, staleAfterDays: 30, staleRule: { name: 'portal.mandatedStaleDays.POR-07' } });
    expect(await section('POR-09')).toMatchObject({ status: 'empty', staleAfterDays: 90, staleRule: { name: 'portal.mandatedStaleDays.default' } });

    const article = await publish('Hội nghị tổng kết công tác tài chính năm 2026', news.categoryId!);
    const ok = await section('POR-07');
    expect(ok).toMatchObject({ status: 'ok', itemCount: 1 });
    expect(Date.parse(ok.lastUpdate!)).toBeGreaterThan(Date.now() - 60_000);

    const old = Date.now() - 31 * DAY;
    await db.kysely.updateTable('portal_articles' as never).set({ published_at: old, updated_at: old } as never).where('id' as never, '=', article.id as never).execute();
    expect(await section('POR-07')).toMatchObject({ status: 'stale', itemCount: 1, lastUpdate: new Date(old).toISOString() });
    // The problems filter keeps it; the summary counts every section.
    const problems = await compliance(manager, { problems: true });
    expect(problems.items.map((s) => s.code)).toContain('POR-07');
    expect(problems.items.every((s) => ['empty', 'stale', 'english-missing'].includes(s.status))).toBe(true);
    expect(problems.summary.total).toBe(16);
  });

  it('marks a section not applicable with a reason, and sets the address of a link section', async () => {
    const noReason = await manager.patch('/api/portal/mandated-sections/POR-02', { notApplicable: true });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('/reason');
    const marked = await manager.patch('/api/portal/mandated-sections/POR-02', { notApplicable: true, reason: 'Sở không ký kết điều ước quốc tế' });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    expect(marked.body).toMatchObject({ code: 'POR-02', status: 'not-applicable', notApplicableReason: 'Sở không ký kết điều ước quốc tế' });
    expect((await compliance(manager, { problems: true })).items.map((s) => s.code)).not.toContain('POR-02');

    expect(await section('POR-03')).toMatchObject({ status: 'ok', linkUrl: 'https://dichvucong.gov.vn' });
    expect(await section('POR-15')).toMatchObject({ status: 'empty', linkUrl: null });
    const wrong = await manager.patch('/api/portal/mandated-sections/POR-07', { linkUrl: 'https://example.vn' });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('/linkUrl');
    expect((await manager.patch('/api/portal/mandated-sections/POR-15', { linkUrl: 'javascript:alert(1)' })).status).toBe(400);
    const linked = await manager.patch('/api/portal/mandated-sections/POR-15', { linkUrl: 'https://congbao.quangtri.gov.vn' });
    expect(linked.body).toMatchObject({ status: 'ok', linkUrl: 'https://congbao.quangtri.gov.vn' });
    expect((await manager.patch('/api/portal/mandated-sections/POR-99', { notApplicable: false })).status).toBe(404);
    // The generated list is always there; organisation sections without content (or tables) are empty.
    expect(await section('POR-13')).toMatchObject({ status: 'ok', staleAfterDays: null });
    expect((await section('POR-04')).status).toBe('empty');
  });

  it('reads the organisation section from the organisation area\'s table, english-missing while its English is stale', async () => {
    expect(await section('POR-04')).toMatchObject({ status: 'empty', itemCount: 0, note: null });
    // A row as the organisation area writes it (its migration's columns), entered directly: this
    // test is about how the compliance check reads the table, not about that area's API.
    const text = { functions_vi: '<p>Tham mưu</p>', functions_en: '<p>Advises</p>', duties_vi: '<p>Nhiệm vụ</p>', duties_en: '<p>Duties</p>', powers_vi: '<p>Quyền hạn</p>', powers_en: '<p>Powers</p>' };
    const now = Date.now();
    await db.kysely.insertInto('portal_org_units' as never).values({
      id: '9a7c4d1e-1a2b-4c3d-8e9f-0000000000f1', tenant_id: idA, revision: 1, en_stale: 0, en_updated_at: now, created_at: now, updated_at: now, parent_id: null, sort_order: 0,
      name_vi: 'Sở Tài chính', name_en: 'Department of Finance', ...text, head_name: 'Nguyễn Văn A', head_position_vi: 'Giám đốc', head_position_en: 'Director',
      phone: '0233 3852 000', email: 'stc@quangtri.gov.vn', address: 'Đông Hà',
    } as never).execute();
    expect(await section('POR-04')).toMatchObject({ status: 'ok', itemCount: 1 });
    await db.kysely.updateTable('portal_org_units' as never).set({ en_stale: 1 } as never).where('tenant_id' as never, '=', idA as never).execute();
    expect(await section('POR-04')).toMatchObject({ status: 'english-missing', itemCount: 1 });
    // Another unit's section does not count A's rows.
    expect((await section('POR-04', managerB)).status).toBe('empty');
    await db.kysely.updateTable('portal_org_units' as never).set({ en_stale: 0 } as never).where('tenant_id' as never, '=', idA as never).execute();
    expect((await section('POR-04')).status).toBe('ok');
  });

  it('publishes the POR-13 list in Vietnamese and English, accessible, with JSON-LD, and refreshes it after a change', async () => {
    const vi = await page('/danh-muc-thong-tin-cong-khai');
    expect(vi.status).toBe(200);
    expect(vi.body).toContain('<html lang="vi"');
    expect(vi.body).toContain('<h1>Danh mục thông tin phải công khai</h1>');
    expect(vi.body).toContain('<th scope="col">Hình thức</th>');
    expect(vi.body).toContain('<th scope="row">POR-01</th>');
    expect(vi.body).toContain(`href="/t/${A}/chuyen-muc/tin-tuc-su-kien"`);
    expect(vi.body).toContain(`href="/t/${A}/van-ban"`);
    expect(vi.body).toContain('href="https://congbao.quangtri.gov.vn"');
    expect(vi.body).toContain('Chậm nhất 2 ngày làm việc kể từ ngày ban hành');
    expect(vi.body).toContain('Không áp dụng');
    expect(vi.body).toContain('Sở không ký kết điều ước quốc tế');
    const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(vi.body)![1]!) as { '@type': string; numberOfItems: number };
    expect(ld['@type']).toBe('ItemList');
    expect(ld.numberOfItems).toBe(15); // POR-02 is not applicable

    const en = await page('/en/danh-muc-thong-tin-cong-khai');
    expect(en.status).toBe(200);
    expect(en.body).toContain('<html lang="en"');
    expect(en.body).toContain('List of information that must be published');
    expect(en.body).toContain('Within 2 working days after issue');
    expect(en.body).toContain('Within 15 working days after the document is issued');

    await manager.patch('/api/portal/mandated-sections/POR-02', { notApplicable: false });
    const after = await page('/danh-muc-thong-tin-cong-khai');
    expect(after.body).not.toContain('Sở không ký kết điều ước quốc tế');
  });

  it('counts deadlines in working days across weekends and holidays, including one added through the calendar API', async () => {
    // Friday 28 August 2026 + 5 working days: the weekend, the National Day break (Monday 31 swapped
    // with Saturday 22, the holidays of 1–2 September: all seeded), then 3, 4, 7, 8 and 9 September.
    const before = await track({ subject: { type: 'text', text: 'Kết quả giải quyết hồ sơ tháng 8' }, kind: 'default', origin: '2026-08-28' });
    expect(before).toMatchObject({ originDate: '2026-08-28', dueDate: '2026-09-09', rule: { name: 'portal.publishDeadline.default', days: 5 }, status: 'overdue' });

    const calendar = t.client.as({ id: 'quan-tri-lich', permissions: ['core.calendar.manage'] });
    const set = await calendar.put('/api/core/calendar/days/2026-09-04', { kind: 'day-off', name: { vi: 'Nghỉ bù (thử nghiệm)', en: 'Day off (test)' } });
    expect(set.status, JSON.stringify(set.body)).toBe(204);
    const after = await track({ subject: { type: 'text', text: 'Kết quả giải quyết hồ sơ tháng 8 (bổ sung)' }, kind: 'default', origin: '2026-08-28' });
    expect(after.dueDate).toBe('2026-09-10');
    // The first item keeps the date it was given.
    expect((await manager.get(`/api/portal/deadlines/${before.id}`)).body.dueDate).toBe('2026-09-09');

    const science = await track({ subject: { type: 'text', text: 'Nghiệm thu đề tài cấp tỉnh' }, kind: 'science', origin: '2026-08-28' });
    expect(science).toMatchObject({ rule: { name: 'portal.publishDeadline.science', days: 20 } });
    expect(science.dueDate).toBe('2026-10-01'); // 3, 7–11, 14–18, 21–25, 28–30 September, 1 October
    const early = await manager.post('/api/portal/deadlines', { subject: { type: 'text', text: 'Quá sớm' }, kind: 'default', origin: '2010-01-04' });
    expect(early.status).toBe(400);
    expect(JSON.stringify(early.body)).toContain('/origin');
  });

  it('tells met, late, overdue and pending apart, and filters by them', async () => {
    const onTime = await track({ subject: { type: 'text', text: 'Báo cáo thống kê quý I' }, kind: 'default', origin: '2026-03-02' });
    expect(onTime.dueDate).toBe('2026-03-09');
    const met = await manager.post(`/api/portal/deadlines/${onTime.id}/met`, { at: '2026-03-09T09:00:00+07:00' });
    expect(met.body).toMatchObject({ status: 'met', metAt: '2026-03-09T02:00:00.000Z' });
    const slow = await track({ subject: { type: 'text', text: 'Báo cáo thống kê quý II' }, kind: 'default', origin: '2026-06-01' });
    const late = await manager.post(`/api/portal/deadlines/${slow.id}/met`, { at: '2026-06-20T08:00:00+07:00' });
    expect(late.body.status).toBe('late');
    const future = await track({ subject: { type: 'text', text: 'Kế hoạch năm sau' }, kind: 'plans', origin: vietnamDate() });
    expect(future.status).toBe('pending');

    const list = async (query: Record<string, string | boolean>) => {
      const res = await manager.get('/api/portal/deadlines', { query: { limit: 100, ...query } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body as { items: Deadline[]; total: number; today: string };
    };
    const ids = (items: Deadline[]) => items.map((d) => d.id);
    expect(ids((await list({ status: 'met' })).items)).toContain(onTime.id);
    expect(ids((await list({ status: 'late' })).items)).toContain(slow.id);
    expect(ids((await list({ status: 'pending' })).items)).toEqual([future.id]);
    const overdue = await list({ overdue: true });
    expect(overdue.items.every((d) => d.status === 'overdue')).toBe(true);
    expect(overdue.items.length).toBeGreaterThanOrEqual(3);
    expect(ids((await list({ status: 'overdue' })).items)).toEqual(ids(overdue.items));
    expect(ids((await list({ dueBefore: '2099-12-31', subjectType: 'text' })).items)).toEqual(expect.arrayContaining([future.id, ...ids(overdue.items)]));
    expect(ids((await list({ dueBefore: '2099-12-31' })).items)).not.toContain(onTime.id);
    expect((await manager.get('/api/portal/deadlines', { query: { status: 'soon' } })).status).toBe(400);
  });

  it('tracks an article from the deadline an editor sets and meets it when the article is published', async () => {
    const news = await section('POR-07');
    const draft = await writer.post('/api/portal/articles', { title: 'Công khai dự toán ngân sách 2027', summary: 'Tóm tắt', body: '<p>Nội dung</p>', categoryId: news.categoryId });
    const item = await track({ subject: { type: 'article', id: draft.body.id }, kind: 'default', origin: vietnamDate() });
    expect(item).toMatchObject({ subject: { type: 'article', id: draft.body.id, title: 'Công khai dự toán ngân sách 2027' }, status: 'pending', metAt: null });
    const twice = await manager.post('/api/portal/deadlines', { subject: { type: 'article', id: draft.body.id }, kind: 'default', origin: vietnamDate() });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('PORTAL_ERR_DEADLINE_EXISTS');
    const byHand = await manager.post(`/api/portal/deadlines/${item.id}/met`, {});
    expect(byHand.status).toBe(409);
    expect(byHand.body.code).toBe('PORTAL_ERR_DEADLINE_AUTOMATIC');

    expect((await writer.post(`/api/portal/articles/${draft.body.id}/transitions/submit`, {})).status).toBe(200);
    expect((await chief.post(`/api/portal/articles/${draft.body.id}/transitions/approve`, {})).body.status).toBe('published');
    const now = (await manager.get(`/api/portal/deadlines/${item.id}`)).body as Deadline;
    expect(now.status).toBe('met');
    expect(Date.parse(now.metAt!)).toBeGreaterThan(Date.now() - 60_000);

    // An article already published is met from the start, at its publication time.
    const published = await publish('Thông báo kết quả đấu giá', news.categoryId!);
    const already = await track({ subject: { type: 'article', id: published.id }, kind: 'plans', origin: '2026-01-05' });
    expect(already.metAt).not.toBeNull();
    expect(already.status).toBe('late');
    expect((await manager.post('/api/portal/deadlines', { subject: { type: 'article', id: '00000000-0000-4000-8000-000000000000' }, kind: 'default', origin: '2026-09-01' })).status).toBe(404);
  });

  it('tracks legal documents on its own: issue date, the two-day rule, met when entered', async () => {
    const created = await writer.post('/api/portal/legal-documents', {
      type: 'quyet_dinh', numberSymbol: '88/2026/QĐ-UBND', issuer: 'Ủy ban nhân dân tỉnh Quảng Trị', issuedOn: '2026-08-31', summary: 'Quy định giá dịch vụ',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const res = await manager.get('/api/portal/deadlines', { query: { subjectType: 'legal' } });
    expect(res.body.items).toHaveLength(1);
    // Monday 31 August + 2 working days: the holidays of 1–2 September, 3 September, then 4 September
    // is the day off added above: 7 September. Entered today, long after: late.
    expect(res.body.items[0]).toMatchObject({ subject: { type: 'legal', id: created.body.id }, originDate: '2026-08-31', dueDate: '2026-09-07', rule: { name: 'portal.publishDeadline.legalOwnPortal', days: 2 }, status: 'late' });
    expect(res.body.items[0].subject.title).toContain('88/2026/QĐ-UBND');
    // Listing again tracks nothing twice; a tracked document cannot be dropped by hand.
    expect((await manager.get('/api/portal/deadlines', { query: { subjectType: 'legal' } })).body.total).toBe(1);
    const drop = await manager.delete(`/api/portal/deadlines/${res.body.items[0].id}`);
    expect(drop.status).toBe(409);
    expect(drop.body.code).toBe('PORTAL_ERR_DEADLINE_AUTOMATIC');
    // The section reads the documents too.
    expect(await section('POR-01')).toMatchObject({ status: 'ok', itemCount: 1 });
  });

  it('computes new deadlines with a later rule version and keeps the version old items used', async () => {
    const old = await track({ subject: { type: 'text', text: 'Trước khi đổi quy định' }, kind: 'default', origin: '2026-09-14' });
    const rules = t.client.as({ id: 'quan-tri-quy-dinh', permissions: ['core.rules.manage'] });
    const version = await rules.post('/api/core/rules', { name: 'portal.publishDeadline.default', value: 3, effectiveFrom: '2026-10-01', citation: 'Quyết định thử nghiệm 01/2026' });
    // The core stores the version, then (for now) fails its own response schema, which lacks the
    // provenance fields (owner, createdAt, createdBy) the service returns: reported to the core.
    if (version.status !== 201) expect(version.body.code, JSON.stringify(version.body)).toBe('CONG_ERR_ROUTE_RESPONSE_INVALID');

    const fresh = await track({ subject: { type: 'text', text: 'Sau khi đổi quy định' }, kind: 'default', origin: '2026-10-05' });
    expect(fresh.rule).toMatchObject({ name: 'portal.publishDeadline.default', days: 3 });
    if (version.status === 201) expect(fresh.rule.version).toBe(version.body.version);
    expect(fresh.rule.version).not.toBe(old.rule.version);
    expect(fresh.dueDate).toBe('2026-10-08');
    // Information created before the new version's date still runs under the old one.
    const earlier = await track({ subject: { type: 'text', text: 'Tạo ra trước ngày hiệu lực' }, kind: 'default', origin: '2026-09-15' });
    expect(earlier.rule.days).toBe(5);
    expect(earlier.rule.version).toBe(old.rule.version);
    const reread = (await manager.get(`/api/portal/deadlines/${old.id}`)).body as Deadline;
    expect(reread.rule).toEqual(old.rule);
    expect(reread.dueDate).toBe(old.dueDate);
  });

  it('keeps each unit to its own: another unit\'s items answer 404 and its settings are its own', async () => {
    const mine = await track({ subject: { type: 'text', text: 'Riêng của Sở Tài chính' }, kind: 'default', origin: '2026-09-01' });
    expect((await managerB.get(`/api/portal/deadlines/${mine.id}`)).status).toBe(404);
    expect((await managerB.post(`/api/portal/deadlines/${mine.id}/met`, {})).status).toBe(404);
    expect((await managerB.delete(`/api/portal/deadlines/${mine.id}`)).status).toBe(404);
    expect((await managerB.get('/api/portal/deadlines', { query: { limit: 100 } })).body.items.map((d: Deadline) => d.id)).not.toContain(mine.id);
    const articleOfA = (await writer.get('/api/portal/articles', { query: { limit: 1 } })).body.items[0].id as string;
    expect((await managerB.post('/api/portal/deadlines', { subject: { type: 'article', id: articleOfA }, kind: 'default', origin: '2026-09-01' })).status).toBe(404);
    // B's link setting and B's compliance do not touch A's.
    await managerB.patch('/api/portal/mandated-sections/POR-15', { notApplicable: true, reason: 'Không áp dụng cho Sở Y tế' });
    expect((await section('POR-15')).status).toBe('ok');
    expect((await section('POR-07', managerB)).status).toBe('empty');
    expect((await manager.delete(`/api/portal/deadlines/${mine.id}`)).status).toBe(204);
    expect((await manager.get(`/api/portal/deadlines/${mine.id}`)).status).toBe(404);
  });

  it('asks for the right permission: 403 without it, and the units overview only at the province', async () => {
    const nobody = inUnit('khach', []);
    expect((await nobody.get('/api/portal/compliance')).status).toBe(403);
    expect((await nobody.get('/api/portal/deadlines')).status).toBe(403);
    expect((await writer.get('/api/portal/compliance')).status).toBe(200); // editors see where they stand
    expect((await writer.patch('/api/portal/mandated-sections/POR-02', { notApplicable: false })).status).toBe(403);
    expect((await writer.post('/api/portal/mandated-sections/seed')).status).toBe(403);
    expect((await writer.post('/api/portal/deadlines', { subject: { type: 'text', text: 'x' }, kind: 'default', origin: '2026-09-01' })).status).toBe(403);
    expect((await writer.get('/api/portal/compliance/units')).status).toBe(403);

    const atDepartment = await manager.get('/api/portal/compliance/units');
    expect(atDepartment.status).toBe(403);
    expect(atDepartment.body.code).toBe('PORTAL_ERR_NOT_PROVINCE');
    const province = inUnit('van-phong-tinh', ['portal.compliance.manage'], PROVINCE);
    const first = await province.get('/api/portal/compliance/units', { query: { limit: 5 } });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.items).toHaveLength(5);
    expect(first.body.total).toBeGreaterThan(20);
    expect(first.body.items[0].summary.total).toBe(16);
    const all = await province.get('/api/portal/compliance/units', { query: { limit: 100 } });
    const a = (all.body.items as { unit: { slug: string }; summary: Record<string, number> }[]).find((u) => u.unit.slug === A)!;
    expect(a.summary).toEqual((await compliance()).summary);
    expect(a.summary.ok).toBeGreaterThanOrEqual(5);
    expect((await province.get('/api/portal/compliance/units', { query: { limit: 500 } })).status).toBe(400);
  });
});
