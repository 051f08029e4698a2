import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { ANSWER, linkToken, ok, PROVINCE, question, startQaPlatform, TRIAGE, type Harness } from './qa-support.js';

const OTHER = 'tinh-tim-kiem-khac';

// The board's queue finds words on the server (`q`): in the tracking code, title and text, compared
// folded (NFD input, `đ` as `d`, any case), with the other filters and the paging; validated; only
// in the board's own province.
describeEachDialect('questions: the board’s queue searched on the server', (dialect) => {
  let h: Harness;
  let asked = 0;
  const board = (unit = PROVINCE) => h.as(`board-${unit}`, [TRIAGE], unit);
  const found = async (query: Record<string, string | number>, unit = PROVINCE) => {
    const page = ok(await board(unit).get('/api/qa/questions', { query }));
    return { ids: (page.items as { id: string }[]).map((q) => q.id).sort(), total: page.total as number };
  };

  async function askAndVerify(overrides: Record<string, unknown>, unit = PROVINCE): Promise<{ id: string; code: string }> {
    const { formToken } = ok(await h.anon(unit).get('/api/qa/public/form'));
    const sent = ok(await h.anon(unit).post('/api/qa/public/questions', question(formToken, { email: `tim-${++asked}@example.vn`, ...overrides })), 202);
    const [mail] = await h.deliver();
    const verified = ok(await h.anon(unit).post('/api/qa/public/verify', { token: linkToken(mail!.text) }));
    await h.deliver();
    return { id: sent.id as string, code: verified.trackingCode as string };
  }

  let land: { id: string; code: string };
  let birth: { id: string; code: string };
  let school: { id: string; code: string };
  beforeAll(async () => {
    h = await startQaPlatform(dialect, { minFillSeconds: 0, submitPerAddress: { points: 500, durationSeconds: 3600 } });
    ok(await h.as('quan-tri', ['core.tenants.manage'], PROVINCE).post('/api/core/tenants', { slug: OTHER, nameVi: 'Tỉnh Tìm Kiếm Khác', kind: 'province' }), 201);
    land = await askAndVerify({ field: 'dat-dai', title: 'Cấp giấy chứng nhận lần đầu', content: 'Gia đình tôi sử dụng đất ổn định từ năm 1990.' });
    birth = await askAndVerify({ field: 'tu-phap-ho-tich', title: 'Đăng ký khai sinh cho con', content: 'Con tôi sinh ở bệnh viện tỉnh, xin hỏi thủ tục.' });
    school = await askAndVerify({ field: 'giao-duc', title: 'Tuyển sinh lớp 10', content: 'Đăng ký dự tuyển vào trường chuyên cần hồ sơ gì?' });
    await askAndVerify({ field: 'dat-dai', title: 'Đăng ký đất đai ở tỉnh khác', content: 'Câu hỏi của tỉnh khác về đất.' }, OTHER);
  }, 180_000);
  afterAll(async () => h?.stop());

  it('finds words in the title, the text and the tracking code, without diacritics and with NFD input', async () => {
    expect(await found({ q: 'đất' })).toEqual({ ids: [land.id], total: 1 });
    expect(await found({ q: 'DAT' })).toEqual({ ids: [land.id], total: 1 });
    // "Đăng ký" typed by a keyboard that sends decomposed letters (NFD), and without diacritics.
    expect(await found({ q: 'Đăng ký'.normalize('NFD') })).toEqual({ ids: [birth.id, school.id].sort(), total: 2 });
    expect(await found({ q: 'dang ky' })).toEqual({ ids: [birth.id, school.id].sort(), total: 2 });
    expect(await found({ q: '  dang   ky khai  ' })).toEqual({ ids: [birth.id], total: 1 });
    expect(await found({ q: land.code.toLowerCase() })).toEqual({ ids: [land.id], total: 1 });
    expect(await found({ q: 'không có từ này' })).toEqual({ ids: [], total: 0 });
  });

  it('combines with the other filters and pages', async () => {
    expect(await found({ q: 'dang ky', field: 'giao-duc' })).toEqual({ ids: [school.id], total: 1 });
    expect(await found({ q: 'dang ky', status: 'forwarded' })).toEqual({ ids: [], total: 0 });
    const first = await found({ q: 'dang ky', limit: 1 });
    const second = await found({ q: 'dang ky', limit: 1, offset: 1 });
    expect([first.total, second.total]).toEqual([2, 2]);
    expect([...first.ids, ...second.ids].sort()).toEqual([birth.id, school.id].sort());
  });

  it('stays in the board’s province; needs the permission; an agency has no queue', async () => {
    expect((await found({ q: 'tinh khac' })).total).toBe(0);
    const other = await found({ q: 'dang ky dat' }, OTHER);
    expect(other.total).toBe(1);
    expect(other.ids).not.toContain(land.id);
    expect((await h.as('nobody', [], PROVINCE).get('/api/qa/questions', { query: { q: 'dat' } })).status).toBe(403);
    expect((await h.as('clerk', [TRIAGE], 'so-xay-dung').get('/api/qa/questions', { query: { q: 'dat' } })).status).toBe(404);
    expect((await h.as('clerk', [ANSWER], 'so-xay-dung').get('/api/qa/inbox', { query: { q: 'dat' } })).status).toBe(400);
  });

  it('refuses an empty, blank or too long `q`, naming it', async () => {
    for (const q of ['', '   ', 'x'.repeat(201)]) {
      const res = await board().get('/api/qa/questions', { query: { q } });
      expect(res.status, JSON.stringify(q)).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { in: string; pointer: string }) => `${e.in} ${e.pointer}`)).toContain('query /q');
    }
    expect(ok(await board().get('/api/qa/questions', { query: { q: 'đ'.repeat(200) } })).total).toBe(0);
  });
});
