import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { ANSWER, linkToken, ok, PROVINCE, question, startQaPlatform, TRIAGE, type Harness } from './qa-support.js';

const APPROVE = 'qa.answers.approve';
const STATISTICS = 'qa.statistics.read';
/** 09:00 in Vietnam on a date: the platform runs in this process, so its clock is the test's. */
const at = (date: string) => vi.setSystemTime(new Date(`${date}T09:00:00+07:00`));

// SLA clocks per hop on the core calendar (its seeded Tết 2027: Fri 5 – Thu 11 Feb off), pauses while
// waiting for the citizen, a transfer restarting the clock, reminders and escalations over real SMTP
// (exactly one message per event), statistics and the public league table. The platform's clock is
// moved forward with fake Dates that keep running, so timelines get real, ordered timestamps.
describeEachDialect('deadlines: SLA clocks, reminders, escalation, statistics and the public dashboard', (dialect) => {
  let h: Harness;
  let asked = 0;
  const board = () => h.as('board-1', [TRIAGE], PROVINCE);
  const clerk = (unit = 'so-xay-dung') => h.as(`clerk-${unit}`, [ANSWER], unit);
  const leader = (unit = 'so-xay-dung') => h.as(`leader-${unit}`, [APPROVE], unit);
  const codes: Record<string, { id: string; code: string; email: string }> = {};

  /** A question asked, verified and forwarded to `agency` now (the platform's now). */
  async function forwarded(name: string, agency = 'so-xay-dung') {
    const email = `deadline-${++asked}@example.vn`;
    const { formToken } = ok(await h.anon(PROVINCE).get('/api/qa/public/form'));
    const sent = ok(await h.anon(PROVINCE).post('/api/qa/public/questions', question(formToken, { email, title: `Câu hỏi kiểm tra thời hạn số ${asked}` })), 202);
    const [mail] = await h.deliver();
    const code = ok(await h.anon(PROVINCE).post('/api/qa/public/verify', { token: linkToken(mail!.text) })).trackingCode as string;
    ok(await board().post(`/api/qa/questions/${sent.id}/forward`, { agency }));
    await h.deliver();
    codes[name] = { id: sent.id as string, code, email };
    return codes[name]!;
  }

  async function answer(id: string, unit = 'so-xay-dung') {
    ok(await clerk(unit).put(`/api/qa/inbox/${id}/answer`, { body: 'Hồ sơ gồm đơn đăng ký và giấy tờ về quyền sử dụng đất.' }));
    ok(await clerk(unit).post(`/api/qa/inbox/${id}/answer/submit`));
    ok(await leader(unit).post(`/api/qa/inbox/${id}/answer/approve`));
    await h.deliver();
  }

  const clocks = async (id: string) => ok(await board().get(`/api/qa/questions/${id}/deadlines`)).items as any[];
  const sweep = async () => ok(await board().post('/api/qa/deadlines/sweep'));
  const mailsAbout = <M extends { subject: string }>(mails: readonly M[], code: string) => mails.filter((m) => m.subject.includes(code));

  beforeAll(async () => {
    h = await startQaPlatform(dialect, { minFillSeconds: 0, submitPerAddress: { points: 500, durationSeconds: 3600 } });
    // People who are told: roles that name the permissions, granted in the agency and the province
    // (by the demo administrator, as a province would).
    const login = await fetch(new URL('/api/core/auth/login', h.t.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: h.t.platform.takeDemoCredentials().password }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const call = async (method: string, unit: string, path: string, body: unknown) => {
      const res = await fetch(new URL(path, h.t.url), { method, headers: { cookie, 'sec-fetch-site': 'same-origin', 'x-cong-tenant': unit, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const json = (await res.json()) as { id: string };
      expect(res.status, JSON.stringify(json)).toBe(201);
      return json.id;
    };
    for (const [id, permission] of [['qa-tra-loi', ANSWER], ['qa-lanh-dao', APPROVE], ['qa-ban-bien-tap', TRIAGE]] as const) {
      await call('PUT', PROVINCE, `/api/core/roles/${id}`, { label: { vi: id }, permissions: [permission] });
    }
    const person = async (unit: string, username: string, role: string, email: string | null) => {
      const userId = await call('POST', unit, '/api/core/users', { username, password: `${username} mật khẩu dài 2026`, displayName: username, ...(email ? { email } : {}) });
      await call('POST', unit, '/api/core/grants', { userId, roleId: role });
    };
    await person('so-xay-dung', 'chuyen.vien.sxd', 'qa-tra-loi', 'chuyenvien@sxd.quangtri.gov.vn');
    await person('so-xay-dung', 'khong.email.sxd', 'qa-tra-loi', null); // no address: not told
    await person('so-xay-dung', 'giam.doc.sxd', 'qa-lanh-dao', 'giamdoc@sxd.quangtri.gov.vn');
    await person('so-y-te', 'chuyen.vien.syt', 'qa-tra-loi', 'chuyenvien@syt.quangtri.gov.vn');
    await person(PROVINCE, 'bien.tap.tinh', 'qa-ban-bien-tap', 'bientap@quangtri.gov.vn');
    await h.deliver();
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true, advanceTimeDelta: 2 });
  }, 120_000);
  afterAll(async () => {
    vi.useRealTimers();
    await h?.stop();
  });

  it('ships the limits as a dated rule pack with citations, the unverified figures marked', async () => {
    const read = async (name: string) => ok(await h.as('admin', ['core.rules.manage'], PROVINCE).get(`/api/core/rules/${name}`)).items as { value: unknown; citation: string }[];
    expect((await read('qa.deadline.answer'))[0]).toMatchObject({ value: { days: 15, count: 'working-days' }, citation: expect.stringContaining('NĐ 43/2011/NĐ-CP Điều 17 khoản 1 điểm đ') });
    expect((await read('qa.deadline.answer'))[0]!.citation).toContain('cần đối chiếu');
    expect((await read('qa.deadline.triage'))[0]).toMatchObject({ value: { days: 1, count: 'working-days' } });
    expect((await read('qa.deadline.petitionForward'))[0]).toMatchObject({ value: { days: 5, count: 'working-days' }, citation: 'NĐ 20/2008/NĐ-CP Điều 9 khoản 1' });
    expect((await read('qa.deadline.reminderLead'))[0]).toMatchObject({ value: { days: 2, count: 'working-days' } });
    expect((await read('qa.deadline.escalationAfter'))[0]).toMatchObject({ value: { days: 0, count: 'working-days' } });
  });

  it('counts the answer deadline across the Tết 2027 break; the board’s triage has its own clock', async () => {
    at('2027-01-27'); // Wednesday, a week before Tết Đinh Mùi
    const q = await forwarded('tet');
    const [triage, agency] = await clocks(q.id);
    expect(triage).toMatchObject({ hop: 1, kind: 'board', unit: { slug: PROVINCE }, limitDays: 1, dueOn: '2027-01-28', outcome: 'forwarded', state: 'met', workingDays: 0 });
    expect(triage.rule).toMatch(/^qa\.deadline\.triage@/);
    // 15 working days from 27/1 without Tết would end on 17/2; 5–11/2 are off, so 24/2.
    expect(agency).toMatchObject({ hop: 2, kind: 'agency', unit: { slug: 'so-xay-dung' }, limitDays: 15, dueOn: '2027-02-24', remindOn: '2027-02-22', pausedDays: 0, outcome: null, state: 'on-time' });
    expect(agency.rule).toMatch(/^qa\.deadline\.answer@/);
    // The question views show the current hop's clock; the asker's status page the expected answer date.
    expect(ok(await board().get(`/api/qa/questions/${q.id}`)).deadline).toMatchObject({ hop: 2, kind: 'agency', unit: { slug: 'so-xay-dung' }, dueOn: '2027-02-24', state: 'on-time' });
    expect(ok(await clerk().get(`/api/qa/inbox/${q.id}`)).deadline).toMatchObject({ dueOn: '2027-02-24' });
    expect(ok(await h.anon(PROVINCE).post('/api/qa/public/status', { trackingCode: q.code, email: q.email })).expectedAnswerBy).toBe('2027-02-24');
    const statusPage = await h.t.client.request('POST', `/t/${PROVINCE}/hoi-dap/tra-cuu`, { rawBody: new URLSearchParams({ trackingCode: q.code, email: q.email }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(statusPage.text).toContain('Hạn trả lời dự kiến');
    expect(statusPage.text).toContain('24/2/2027');
    // The agency reads the same clocks from its inbox; another agency does not find the question.
    expect(ok(await clerk().get(`/api/qa/inbox/${q.id}/deadlines`)).items).toHaveLength(2);
    expect((await clerk('so-y-te').get(`/api/qa/inbox/${q.id}/deadlines`)).status).toBe(404);
    expect((await h.as('clerk', [TRIAGE], 'so-xay-dung').get(`/api/qa/questions/${q.id}/deadlines`)).status).toBe(404);
    expect((await h.as('nobody', [], PROVINCE).get(`/api/qa/questions/${q.id}/deadlines`)).status).toBe(403);

    at('2027-02-22');
    await answer(q.id);
    expect((await clocks(q.id))[1]).toMatchObject({ outcome: 'answered', state: 'met', workingDays: 13 });
  });

  it('moves the due date by the working days spent waiting for the citizen', async () => {
    at('2027-03-01'); // Monday
    const q = await forwarded('pause');
    expect((await clocks(q.id))[1]).toMatchObject({ dueOn: '2027-03-22', state: 'on-time' });
    at('2027-03-03');
    ok(await clerk().post(`/api/qa/inbox/${q.id}/request-information`, { message: 'Đề nghị cho biết số thửa đất.' }));
    await h.deliver();
    const paused = (await clocks(q.id))[1];
    expect(paused).toMatchObject({ dueOn: '2027-03-22', state: 'paused', pausedDays: 0 });
    expect(paused.pausedSince).not.toBeNull();
    // While waiting, the asker is shown the date moved by each working day of the wait.
    at('2027-03-04');
    expect(ok(await h.anon(PROVINCE).post('/api/qa/public/status', { trackingCode: q.code, email: q.email })).expectedAnswerBy).toBe('2027-03-23');
    at('2027-03-05');
    ok(await h.anon(PROVINCE).post('/api/qa/public/reply', { trackingCode: q.code, email: q.email, message: 'Thửa số 125, tờ bản đồ số 7.' }));
    // Paused Wednesday to Friday: two working days (Thursday, Friday) are added.
    expect((await clocks(q.id))[1]).toMatchObject({ dueOn: '2027-03-24', pausedDays: 2, pausedSince: null, state: 'on-time' });
    at('2027-03-26');
    await answer(q.id);
    expect((await clocks(q.id))[1]).toMatchObject({ outcome: 'answered', state: 'met-late', workingDays: 17 });
    expect(ok(await h.anon(PROVINCE).post('/api/qa/public/status', { trackingCode: q.code, email: q.email })).expectedAnswerBy).toBeNull();
  });

  it('starts a new clock for the agency a question is transferred to, and keeps the first agency’s hop', async () => {
    at('2027-04-05'); // Monday; Giỗ Tổ Hùng Vương is Friday 16/4
    const q = await forwarded('transfer');
    at('2027-04-07');
    ok(await clerk().post(`/api/qa/inbox/${q.id}/transfer`, { agency: 'so-y-te', note: 'Thuộc lĩnh vực y tế' }));
    // The new agency's answerers are told (src/answers, staff notifications), once.
    expect((await h.deliver()).filter((m) => m.subject.includes(q.code)).map((m) => m.to)).toEqual([['chuyenvien@syt.quangtri.gov.vn']]);
    const hops = await clocks(q.id);
    expect(hops.map((c) => [c.kind, c.unit.slug, c.dueOn, c.outcome, c.state])).toEqual([
      ['board', PROVINCE, '2027-04-06', 'forwarded', 'met'],
      ['agency', 'so-xay-dung', '2027-04-27', 'transferred', 'met'],
      ['agency', 'so-y-te', '2027-04-29', null, 'on-time'],
    ]);
    expect(ok(await clerk('so-y-te').get(`/api/qa/inbox/${q.id}/deadlines`)).items).toHaveLength(3);
    expect((await clerk().get(`/api/qa/inbox/${q.id}/deadlines`)).status).toBe(404);
  });

  it('reminds before the due date and escalates after it, each exactly once, to the right people', async () => {
    at('2027-06-01'); // Tuesday: due 22/6, reminder from 18/6
    const q = await forwarded('late');
    at('2027-06-17');
    await sweep();
    expect(mailsAbout(await h.deliver(), q.code)).toHaveLength(0);

    at('2027-06-18');
    expect((await sweep()).reminders).toBeGreaterThanOrEqual(1);
    const reminders = mailsAbout(await h.deliver(), q.code);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.to).toEqual(['chuyenvien@sxd.quangtri.gov.vn']);
    expect(reminders[0]!.subject).toContain('Sắp đến hạn');
    expect(reminders[0]!.text).toContain('22/06/2027');
    expect(reminders[0]!.text).not.toContain(q.email);
    expect((await clocks(q.id))[1].state).toBe('due-soon');
    await sweep(); // again: nothing new
    expect(mailsAbout(await h.deliver(), q.code)).toHaveLength(0);

    at('2027-06-22');
    await sweep(); // the due date itself: not late yet
    expect(mailsAbout(await h.deliver(), q.code)).toHaveLength(0);

    at('2027-06-23');
    await sweep();
    const escalations = mailsAbout(await h.deliver(), q.code);
    expect(escalations).toHaveLength(1);
    expect([...escalations[0]!.to].sort()).toEqual(['bientap@quangtri.gov.vn', 'giamdoc@sxd.quangtri.gov.vn']);
    expect(escalations[0]!.subject).toContain('Quá hạn');
    expect((await clocks(q.id))[1].state).toBe('overdue');
    await sweep();
    await sweep();
    expect(mailsAbout(await h.deliver(), q.code)).toHaveLength(0);
    // The question transferred to Sở Y tế was overdue too: escalated once, to its board (no head there).
    const transferred = codes.transfer!.code;
    await sweep();
    expect(mailsAbout(await h.deliver(), transferred)).toHaveLength(0);
  });

  it('gives the board every agency’s figures and an agency its own', async () => {
    at('2027-06-23');
    const period = { from: '2027-01-01', to: '2027-06-30' };
    const s = ok(await h.as('thong-ke', [STATISTICS], PROVINCE).get('/api/qa/statistics', { query: period }));
    expect(s.period).toEqual(period);
    expect(s.board).toMatchObject({ received: 4, forwarded: 4, declined: 0, triagedOnTime: 4, triagedLate: 0 });
    expect(s.agencies.map((a: any) => a.agency.slug)).toEqual(['so-xay-dung', 'so-y-te']);
    expect(s.agencies[0]).toMatchObject({ received: 4, answered: 2, answeredOnTime: 1, answeredLate: 1, overdue: 1, open: 1, transferred: 1, onTimeRate: 0.5, medianWorkingDays: 15 });
    expect(s.agencies[1]).toMatchObject({ received: 1, answered: 0, overdue: 1, onTimeRate: null, medianWorkingDays: null, ratings: { count: 0, average: null } });
    expect(s.totals).toMatchObject({ received: 5, answered: 2, answeredOnTime: 1, answeredLate: 1, overdue: 2, onTimeRate: 0.5 });
    // A period before any question: empty.
    expect(ok(await h.as('thong-ke', [STATISTICS], PROVINCE).get('/api/qa/statistics', { query: { from: '2026-01-01', to: '2026-12-31' } })).agencies).toEqual([]);
    // One agency, through the board.
    const one = ok(await h.as('thong-ke', [STATISTICS], PROVINCE).get('/api/qa/statistics', { query: { ...period, agency: 'so-y-te' } }));
    expect(one.agencies.map((a: any) => a.agency.slug)).toEqual(['so-y-te']);

    // An agency sees itself only, without the board's figures; naming another unit is 404.
    const own = ok(await h.as('sxd', [STATISTICS], 'so-xay-dung').get('/api/qa/statistics', { query: period }));
    expect(own.board).toBeNull();
    expect(own.agencies).toHaveLength(1);
    expect(own.agencies[0]).toMatchObject({ agency: { slug: 'so-xay-dung' }, received: 4 });
    expect((await h.as('sxd', [STATISTICS], 'so-xay-dung').get('/api/qa/statistics', { query: { agency: 'so-y-te' } })).status).toBe(404);
    expect((await h.as('thong-ke', [STATISTICS], PROVINCE).get('/api/qa/statistics', { query: { agency: 'khong-co-don-vi-nay' } })).status).toBe(404);
    expect((await h.as('thong-ke', [STATISTICS], PROVINCE).get('/api/qa/statistics', { query: { agency: PROVINCE } })).status).toBe(404);
    // Permission and input.
    expect((await h.as('board-1', [TRIAGE], PROVINCE).get('/api/qa/statistics')).status).toBe(403);
    const backwards = ok(await h.as('thong-ke', [STATISTICS], PROVINCE).get('/api/qa/statistics', { query: { from: '2027-06-30', to: '2027-01-01' } }), 400);
    expect(JSON.stringify(backwards)).toContain('/to');
    const malformed = ok(await h.as('thong-ke', [STATISTICS], PROVINCE).get('/api/qa/statistics', { query: { from: '30/06/2027' } }), 400);
    expect(JSON.stringify(malformed)).toContain('from');
    expect((await h.as('thong-ke', [STATISTICS], PROVINCE).get('/api/qa/statistics', { query: { extra: '1' } })).status).toBe(400);
  });

  it('publishes the league table as an accessible page and as JSON, with no personal data', async () => {
    at('2027-06-23');
    const json = ok(await h.anon(PROVINCE).get('/api/qa/public/statistics', { query: { from: '2027-01-01', to: '2027-06-30' } }));
    expect(json.agencies.map((a: any) => [a.agency.slug, a.answeredOnTime, a.answeredLate, a.overdue])).toEqual([['so-xay-dung', 1, 1, 1], ['so-y-te', 0, 0, 1]]);
    const page = await h.t.client.get(`/t/${PROVINCE}/hoi-dap/thong-ke`, { query: { 'tu-ngay': '2027-01-01', 'den-ngay': '2027-06-30' } });
    expect(page.status, page.text).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('<caption>');
    expect(page.text).toContain('<th scope="row">Sở Xây dựng</th>');
    expect(page.text).toContain('50%');
    for (const q of Object.values(codes)) {
      expect(page.text).not.toContain(q.email);
      expect(page.text).not.toContain(q.code);
      expect(JSON.stringify(json)).not.toContain(q.email);
    }
    expect(page.text).not.toContain('Câu hỏi kiểm tra thời hạn');
    // The page links its JSON on the same site.
    const link = /href="([^"]*\/api\/qa\/public\/statistics[^"]*)"/.exec(page.text)![1]!.replaceAll('&amp;', '&');
    expect(ok(await h.t.client.get(link)).totals).toEqual(json.totals);
    expect((await h.t.client.get(`/t/${PROVINCE}/hoi-dap/thong-ke`, { query: { 'tu-ngay': 'hôm qua' } })).status).toBe(400);
    // The answers' pages still answer at their own addresses.
    expect((await h.t.client.get(`/t/${PROVINCE}/hoi-dap`)).status).toBe(200);
  });
});
