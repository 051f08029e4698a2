import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDatabase, parseDatabaseUrl } from '@cong/core/testing';
import { createTestPlatform, type TestClient, type TestPlatform } from '@cong/sdk/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { eventsOf, prop, readCalendar, type IcsComponent } from './icalendar-reader.js';
import { ok, PROVINCE, QA, sleep } from './qa-support.js';

const CONSULT = 'qa.consultations.manage';
const DIALOGUE = 'qa.dialogues.manage';
/** The unit whose consultations and dialogues the calendar tests use; others for paging and for 404s. */
const UNIT = 'so-cong-thuong';
const OTHER = 'so-y-te';
const MANY_CONSULTATIONS = 'so-xay-dung';
const MANY_DIALOGUES = 'so-noi-vu';

const dayPlus = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
/** `2026-12-01` → the UTC instant of 00:00 that day in Vietnam, as iCalendar writes it (`20261130T170000Z`). */
const vietnamMidnightUtc = (day: string) => new Date(Date.parse(`${day}T00:00:00+07:00`)).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
const utc = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

const TITLE = 'Dự thảo Quyết định quy định giá dịch vụ, phí; lệ phí chợ trên địa bàn tỉnh Quảng Trị 🏪';
const SUMMARY = 'Quy định mức giá dịch vụ sử dụng diện tích bán hàng tại chợ, áp dụng từ năm 2027.\nÝ kiến gửi về Sở Công Thương 😀, phòng Quản lý thương mại; hoặc qua cổng này.';
const DRAFT = ['Điều 1. Phạm vi điều chỉnh', 'Quy định này quy định giá dịch vụ tại chợ.', 'Điều 2. Đối tượng áp dụng', 'Tổ chức, cá nhân kinh doanh tại chợ.'].join('\n');

describeEachDialect('Q&A calendars (iCalendar) and paging of the public lists and of the moderation queue', (dialect) => {
  let t: TestPlatform;
  const as = (user: string, permissions: readonly string[], unit: string): TestClient => {
    const client = t.client.as({ id: user, permissions: [...permissions] });
    const h = { 'x-cong-tenant': unit };
    return { ...client, get: (p, o = {}) => client.get(p, { ...o, headers: { ...h, ...o.headers } }), post: (p, b, o = {}) => client.post(p, b, { ...o, headers: { ...h, ...o.headers } }), patch: (p, b, o = {}) => client.patch(p, b, { ...o, headers: { ...h, ...o.headers } }) };
  };
  const consultation = (overrides: Record<string, unknown> = {}) => ({
    title: TITLE,
    documentType: 'qd-ubnd',
    summary: SUMMARY,
    opensOn: dayPlus(0),
    closesOn: dayPlus(10),
    contact: { address: 'Số 204 Hùng Vương, phường Đông Hà, tỉnh Quảng Trị', email: 'gopy@quangtri.gov.vn' },
    text: DRAFT,
    builtInConsultees: [],
    ...overrides,
  });
  const dialogue = (overrides: Record<string, unknown> = {}) => ({
    title: 'Giao lưu trực tuyến: chợ truyền thống, chợ đầu mối và thương mại điện tử',
    field: 'dat-dai',
    description: 'Lãnh đạo Sở trả lời câu hỏi của tiểu thương, doanh nghiệp.',
    guests: [{ name: 'Nguyễn Văn An', position: 'Giám đốc Sở', unit: 'Sở Công Thương' }],
    startsAt: inHours(48),
    endsAt: inHours(50),
    livestreamUrl: 'https://truyenhinh.quangtri.gov.vn/truc-tiep/doi-thoai?kenh=1,2',
    ...overrides,
  });
  const announced = async (unit: string, overrides: Record<string, unknown> = {}) => {
    const client = as(`cv-${unit}`, [CONSULT], unit);
    const created = ok(await client.post('/api/qa/consultations', consultation(overrides)), 201);
    return ok(await client.post(`/api/qa/consultations/${created.id}/announce`));
  };
  /** The raw bytes: the reader checks octets, CRLF and UTF-8 itself. */
  const ics = async (path: string) => {
    const res = await fetch(new URL(path, t.url));
    return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const calendar = async (path: string): Promise<IcsComponent> => {
    const res = await ics(path);
    expect(res.status, `${path}: ${res.bytes.toString('utf8').slice(0, 300)}`).toBe(200);
    expect(res.type).toBe('text/calendar; charset=utf-8');
    return readCalendar(res.bytes);
  };
  const uids = (c: IcsComponent) => eventsOf(c).map((e) => prop(e, 'UID'));

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [QA], database: dialect, config: { demo: true, http: { port: 0, host: '127.0.0.1' } } });
    expect(t.report.plugins.find((p) => p.id === 'qa')?.state, JSON.stringify(t.report.plugins)).toBe('started');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('gives a consultation’s comment period as iCalendar, on the sites that show it only, and follows its days', async () => {
    const manager = as('cv-lich', [CONSULT], UNIT);
    const draft = ok(await manager.post('/api/qa/consultations', consultation({ opensOn: dayPlus(2), closesOn: dayPlus(20) })), 201);
    // Not announced: no calendar, like no page.
    expect((await ics(`/t/${UNIT}/gop-y-du-thao/${draft.slug}/lich.ics`)).status).toBe(404);
    ok(await manager.post(`/api/qa/consultations/${draft.id}/announce`));

    const page = await t.client.get(`/t/${UNIT}/gop-y-du-thao/${draft.slug}`);
    expect(page.text).toContain(`href="/t/${UNIT}/gop-y-du-thao/${draft.slug}/lich.ics">Thêm vào lịch <span class="en" lang="en">/ Add to calendar</span>`);
    const res = await ics(`/t/${UNIT}/gop-y-du-thao/${draft.slug}/lich.ics`);
    expect(res.disposition).toBe(`attachment; filename="${draft.slug}.ics"`);
    const cal = readCalendar(res.bytes);
    expect([cal.name, prop(cal, 'VERSION')]).toEqual(['VCALENDAR', '2.0']);
    const [event, ...rest] = eventsOf(cal);
    expect(rest).toHaveLength(0);
    expect(prop(event!, 'UID')).toBe(`consultation-${draft.id}@cong-qa`);
    expect(prop(event!, 'DTSTART')).toBe(vietnamMidnightUtc(dayPlus(2)));
    expect(prop(event!, 'DTEND')).toBe(vietnamMidnightUtc(dayPlus(21))); // the end of the closing day
    expect(prop(event!, 'SUMMARY')).toBe(`Lấy ý kiến dự thảo: ${TITLE}`);
    expect(prop(event!, 'DESCRIPTION')).toContain(SUMMARY);
    // The page's address on the unit's own host (the demo unit has one), as mailed links are.
    expect(prop(event!, 'URL')).toBe(`https://${UNIT}.localhost/gop-y-du-thao/${draft.slug}`);
    expect(prop(event!, 'DTSTAMP')).toMatch(/^\d{8}T\d{6}Z$/);
    const modified = prop(event!, 'LAST-MODIFIED')!;

    // The province's site shows it too, as the same event; another unit's site does not; nor a slug that does not exist.
    expect(uids(await calendar(`/t/${PROVINCE}/gop-y-du-thao/${draft.slug}/lich.ics`))).toEqual([`consultation-${draft.id}@cong-qa`]);
    const foreign = await ics(`/t/${OTHER}/gop-y-du-thao/${draft.slug}/lich.ics`);
    expect([foreign.status, foreign.type]).toEqual([404, 'text/html; charset=utf-8']);
    expect((await ics(`/t/${UNIT}/gop-y-du-thao/khong-co-du-thao-nay/lich.ics`)).status).toBe(404);

    // The days move before opening: same UID, new dates, a later LAST-MODIFIED (whole seconds: wait past one).
    await sleep(1100);
    ok(await manager.patch(`/api/qa/consultations/${draft.id}`, { opensOn: dayPlus(3), closesOn: dayPlus(25) }));
    const [moved] = eventsOf(await calendar(`/t/${UNIT}/gop-y-du-thao/${draft.slug}/lich.ics`));
    expect(prop(moved!, 'UID')).toBe(`consultation-${draft.id}@cong-qa`);
    expect([prop(moved!, 'DTSTART'), prop(moved!, 'DTEND')]).toEqual([vietnamMidnightUtc(dayPlus(3)), vietnamMidnightUtc(dayPlus(26))]);
    expect(prop(moved!, 'LAST-MODIFIED')! > modified).toBe(true);
  });

  it('gives a dialogue as iCalendar with its livestream, marks it cancelled, and 404s on another unit’s site', async () => {
    const organiser = as('cv-doi-thoai', [DIALOGUE], UNIT);
    const created = ok(await organiser.post('/api/qa/dialogues', dialogue()), 201);
    const page = await t.client.get(`/t/${UNIT}/doi-thoai/${created.slug}`);
    expect(page.text).toContain(`href="/t/${UNIT}/doi-thoai/${created.slug}/lich.ics">Thêm vào lịch`);
    const [event] = eventsOf(await calendar(`/t/${UNIT}/doi-thoai/${created.slug}/lich.ics`));
    expect(prop(event!, 'UID')).toBe(`dialogue-${created.id}@cong-qa`);
    expect([prop(event!, 'DTSTART'), prop(event!, 'DTEND')]).toEqual([utc(created.startsAt), utc(created.endsAt)]);
    expect(prop(event!, 'LOCATION')).toBe('https://truyenhinh.quangtri.gov.vn/truc-tiep/doi-thoai?kenh=1,2');
    expect(prop(event!, 'DESCRIPTION')).toContain('- Nguyễn Văn An, Giám đốc Sở, Sở Công Thương');
    expect(prop(event!, 'STATUS')).toBe('CONFIRMED');
    expect((await ics(`/t/${OTHER}/doi-thoai/${created.slug}/lich.ics`)).status).toBe(404);
    expect((await ics(`/t/${UNIT}/doi-thoai/khong-co/lich.ics`)).status).toBe(404);

    ok(await organiser.post(`/api/qa/dialogues/${created.id}/cancel`, { reason: 'Lãnh đạo Sở bận công tác đột xuất' }));
    const [cancelled] = eventsOf(await calendar(`/t/${UNIT}/doi-thoai/${created.slug}/lich.ics`));
    expect([prop(cancelled!, 'UID'), prop(cancelled!, 'STATUS')]).toEqual([`dialogue-${created.id}@cong-qa`, 'CANCELLED']);
    expect(prop(cancelled!, 'DESCRIPTION')).toContain('Đã hủy (cancelled): Lãnh đạo Sở bận công tác đột xuất');
  });

  it('feeds the site’s coming consultations and dialogues in one calendar: the unit’s own, the province’s on its site', async () => {
    const open = await announced(UNIT, { title: 'Dự thảo đang lấy ý kiến về phí chợ' });
    const draft = ok(await as('cv-nhap', [CONSULT], UNIT).post('/api/qa/consultations', consultation({ title: 'Dự thảo còn đang soạn' })), 201);
    const elsewhere = await announced(OTHER, { title: 'Dự thảo của Sở Y tế về phí khám bệnh' });
    const coming = ok(await as('cv-feed', [DIALOGUE], UNIT).post('/api/qa/dialogues', dialogue({ startsAt: inHours(72), endsAt: inHours(74) })), 201);

    const unitFeed = await calendar(`/t/${UNIT}/lich-gop-y-doi-thoai.ics`);
    expect(prop(unitFeed, 'NAME')).toContain('Góp ý dự thảo và đối thoại');
    const unitUids = uids(unitFeed);
    expect(unitUids).toEqual(expect.arrayContaining([`consultation-${open.id}@cong-qa`, `dialogue-${coming.id}@cong-qa`]));
    expect(unitUids).not.toContain(`consultation-${draft.id}@cong-qa`);
    expect(unitUids).not.toContain(`consultation-${elsewhere.id}@cong-qa`);
    const provinceUids = uids(await calendar(`/t/${PROVINCE}/lich-gop-y-doi-thoai.ics`));
    expect(provinceUids).toEqual(expect.arrayContaining([`consultation-${open.id}@cong-qa`, `consultation-${elsewhere.id}@cong-qa`, `dialogue-${coming.id}@cong-qa`]));
    expect(provinceUids).not.toContain(`consultation-${draft.id}@cong-qa`);
    expect((await t.client.get(`/t/${UNIT}/gop-y-du-thao`)).text).toContain(`href="/t/${UNIT}/lich-gop-y-doi-thoai.ics"`);
  });

  it('pages the public list of consultations with ?trang=N, rel prev and next, and 404 past the last page', async () => {
    for (let i = 0; i < 21; i++) await announced(MANY_CONSULTATIONS, { title: `Dự thảo số ${String(i + 1).padStart(2, '0')} về quản lý xây dựng`, closesOn: dayPlus(10 + i) });
    const links = (html: string) => [...html.matchAll(/href="\/t\/so-xay-dung\/gop-y-du-thao\/(du-thao-so-\d+[a-z0-9-]*)"/g)].map((m) => m[1]);
    const first = await t.client.get(`/t/${MANY_CONSULTATIONS}/gop-y-du-thao`);
    expect(first.status).toBe(200);
    expect(links(first.text)).toHaveLength(20);
    expect(first.text).toContain(`<a href="/t/${MANY_CONSULTATIONS}/gop-y-du-thao?trang=2" rel="next">Trang sau`);
    expect(first.text).toContain('Trang 1/2 <span class="en" lang="en">(Page 1 of 2)</span>');
    expect(first.text).not.toContain('rel="prev"');
    // Latest closing day first: number 21 closes last.
    expect(links(first.text)[0]).toMatch(/^du-thao-so-21-/);
    const second = await t.client.get(`/t/${MANY_CONSULTATIONS}/gop-y-du-thao?trang=2`);
    expect(links(second.text)).toEqual([expect.stringMatching(/^du-thao-so-01-/)]);
    expect(second.text).toContain(`<a href="/t/${MANY_CONSULTATIONS}/gop-y-du-thao" rel="prev">‹ Trang trước`);
    expect(second.text).not.toContain('rel="next"');
    const past = await t.client.get(`/t/${MANY_CONSULTATIONS}/gop-y-du-thao?trang=3`);
    expect(past.status).toBe(404);
    expect(past.text).toContain('Danh sách chỉ có 2 trang.');
    expect((await t.client.get(`/t/${MANY_CONSULTATIONS}/gop-y-du-thao?trang=0`)).status).toBe(400);
    expect((await t.client.get(`/t/${MANY_CONSULTATIONS}/gop-y-du-thao?trang=abc`)).status).toBe(400);
    // One page: no pager at all; an empty list is page 1 of 1.
    expect((await t.client.get(`/t/so-tu-phap/gop-y-du-thao`)).text).not.toContain('class="pager"');
    expect((await t.client.get(`/t/so-tu-phap/gop-y-du-thao?trang=2`)).status).toBe(404);
  });

  it('pages the public list of dialogues the same way', async () => {
    const organiser = as('cv-nhieu', [DIALOGUE], MANY_DIALOGUES);
    for (let i = 0; i < 21; i++) ok(await organiser.post('/api/qa/dialogues', dialogue({ title: `Đối thoại số ${String(i + 1).padStart(2, '0')} về cải cách hành chính`, startsAt: inHours(24 + i), endsAt: inHours(25 + i) })), 201);
    const links = (html: string) => [...html.matchAll(/href="\/t\/so-noi-vu\/doi-thoai\/(doi-thoai-so-\d+[a-z0-9-]*)"/g)].map((m) => m[1]);
    const first = await t.client.get(`/t/${MANY_DIALOGUES}/doi-thoai`);
    expect(links(first.text)).toHaveLength(20);
    expect(first.text).toContain(`<a href="/t/${MANY_DIALOGUES}/doi-thoai?trang=2" rel="next">`);
    const second = await t.client.get(`/t/${MANY_DIALOGUES}/doi-thoai?trang=2`);
    // Newest schedule first: the earliest event is alone on page 2.
    expect(links(second.text)).toEqual([expect.stringMatching(/^doi-thoai-so-01-/)]);
    expect(second.text).toContain(`<a href="/t/${MANY_DIALOGUES}/doi-thoai" rel="prev">`);
    expect((await t.client.get(`/t/${MANY_DIALOGUES}/doi-thoai?trang=3`)).status).toBe(404);
    expect((await t.client.get(`/t/${MANY_DIALOGUES}/doi-thoai?trang=5001`)).status).toBe(400);
  });

  it('pages the moderation queue with limit and offset and its total, within the drafting unit only', async () => {
    const open = await announced(UNIT, { title: 'Dự thảo có nhiều góp ý chờ duyệt' });
    // Verified comments, as the e-mail link leaves them (the comment flow has its own tests).
    const db = await createDatabase(parseDatabaseUrl(t.databaseUrl, process.cwd()));
    try {
      const at = Date.now();
      const row = (i: number, status: string) => ({
        id: randomUUID(), consultation_id: open.id, article_id: null, status, author_name: `Người góp ý ${i}`, author_org: null, author_email: `nguoi${i}@example.vn`, body: `Góp ý số ${i}`,
        verify_hash: null, verify_expires_at: null, verified_at: at, report_count: 0, hidden_at: null, reply_decision: null, reply_text: null, replied_by: null, replied_at: null, created_at: at + i, updated_at: at + i,
      });
      await db.kysely.insertInto('qa_consultation_comments' as never).values([row(1, 'pending'), row(2, 'pending'), row(3, 'pending'), row(4, 'rejected'), row(5, 'unverified')] as never).execute();
    } finally {
      await db.destroy();
    }
    const manager = as('cv-duyet', [CONSULT], UNIT);
    const path = `/api/qa/consultations/${open.id}/comments`;
    const firstPage = ok(await manager.get(path, { query: { status: 'pending', limit: 2 } }));
    expect(firstPage).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(firstPage.items.map((c: { body: string }) => c.body)).toEqual(['Góp ý số 1', 'Góp ý số 2']);
    const secondPage = ok(await manager.get(path, { query: { status: 'pending', limit: 2, offset: 2 } }));
    expect([secondPage.total, secondPage.items.map((c: { body: string }) => c.body)]).toEqual([3, ['Góp ý số 3']]);
    // Every status but unverified, 100 a page by default.
    const all = ok(await manager.get(path));
    expect([all.total, all.limit, all.offset, all.items.length]).toEqual([4, 100, 0, 4]);
    expect(ok(await manager.get(path, { query: { limit: 101 } }), 400).errors[0].pointer).toMatch(/limit/);
    expect((await as('cv-khac', [CONSULT], OTHER).get(path, { query: { limit: 2 } })).status).toBe(404);
  });
});
