import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { coreServices, definePlugin } from '@cong/sdk';
import { createTestPlatform, type TestClient } from '@cong/sdk/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { ANSWER, BYPASS, linkToken, ok, PROVINCE, QA, question, SmtpSink, TRIAGE, type Harness } from './qa-support.js';

const APPROVE = 'qa.answers.approve';
const PUBLISH = 'qa.answers.publish';
const STATISTICS = 'qa.statistics.read';
/** 09:00 in Vietnam on a date: the platform runs in this process, so its clock is the test's. */
const at = (date: string) => vi.setSystemTime(new Date(`${date}T09:00:00+07:00`));

/** A consumer of the core's shared search index, to see what the Q&A plugin indexed. */
const probe = {
  manifest: { id: 'probe', pluginApi: '^1.0.0', requires: { qa: '^0.1.0' } },
  version: '1.0.0',
  plugin: definePlugin({
    register: (reg) => {
      reg.routes((route) => {
        route.get('/answers', {
          summary: 'What the site-wide index holds for published questions and answers',
          schema: { query: { type: 'object', additionalProperties: false, required: ['q'], properties: { q: { type: 'string' } } } },
          handler: async (req, ctx) => {
            const { q } = req.query as { q: string };
            const result = await ctx.get(coreServices.search).search({ text: q, tenantIds: [req.tenantId!], plugins: ['qa'], types: ['answer'] });
            return { hits: result.hits.map((h) => ({ url: h.url, title: h.title })) };
          },
        });
      });
    },
  }),
};

/** The Q&A platform of qa-support, with the search probe beside it. */
async function startWithProbe(dialect: 'sqlite' | 'mysql'): Promise<Harness> {
  const sink = new SmtpSink();
  await sink.listen();
  const t = await createTestPlatform({
    plugins: [QA, probe],
    database: dialect,
    config: {
      demo: true,
      http: { port: 0, host: '127.0.0.1', rateLimitBypassKeys: [BYPASS] },
      mail: { from: 'Cổng thông tin tỉnh Quảng Trị <hoidap@quangtri.gov.vn>', smtp: { host: '127.0.0.1', port: sink.port } },
      pluginConfig: { qa: { questions: { minFillSeconds: 0, submitPerAddress: { points: 500, durationSeconds: 3600 } } } },
    },
  });
  expect(t.report.plugins.map((p) => [p.id, p.state])).toEqual(expect.arrayContaining([['qa', 'started'], ['probe', 'started']]));
  const withUnit = (client: TestClient, unit: string): TestClient => {
    const headers = { 'x-cong-tenant': unit };
    return {
      ...client,
      request: (m, p, o = {}) => client.request(m, p, { ...o, headers: { ...headers, ...o.headers } }),
      get: (p, o = {}) => client.get(p, { ...o, headers: { ...headers, ...o.headers } }),
      post: (p, b, o = {}) => client.post(p, b, { ...o, headers: { ...headers, ...o.headers } }),
      patch: (p, b, o = {}) => client.patch(p, b, { ...o, headers: { ...headers, ...o.headers } }),
      put: (p, b, o = {}) => client.put(p, b, { ...o, headers: { ...headers, ...o.headers } }),
      delete: (p, o = {}) => client.delete(p, { ...o, headers: { ...headers, ...o.headers } }),
    };
  };
  let seen = 0;
  return {
    t,
    sink,
    as: (user, permissions, unit) => withUnit(t.client.as({ id: user, permissions: [...permissions] }), unit),
    anon: (unit) => withUnit(t.client, unit),
    async deliver() {
      await t.drainJobs();
      const fresh = sink.received.slice(seen);
      seen = sink.received.length;
      return fresh;
    },
    async stop() {
      await t.stop();
      await sink.close();
    },
  };
}

// QA-03 progress reports, notifications inside the agency (decidim#12909), published answers in the
// site-wide search and QA-06 answers by reference, over real SMTP (exactly one message per event).
describeEachDialect('answers: progress reports, staff notifications, site-wide search, answers by reference', (dialect) => {
  let h: Harness;
  let asked = 0;
  const board = () => h.as('board-1', [TRIAGE], PROVINCE);
  const publisher = () => h.as('publisher-1', [PUBLISH], PROVINCE);
  const clerk = (unit = 'so-xay-dung') => h.as(`clerk-${unit}`, [ANSWER], unit);
  const leader = (unit = 'so-xay-dung') => h.as(`leader-${unit}`, [APPROVE], unit);
  const about = <M extends { subject: string }>(mails: readonly M[], code: string) => mails.filter((m) => m.subject.includes(code));
  const clocks = async (id: string) => ok(await board().get(`/api/qa/questions/${id}/deadlines`)).items as any[];

  /** A question asked and verified now (the platform's now): received by the board. */
  async function received(title = `Câu hỏi kiểm tra số ${asked + 1}`) {
    const email = `progress-${++asked}@example.vn`;
    const { formToken } = ok(await h.anon(PROVINCE).get('/api/qa/public/form'));
    const sent = ok(await h.anon(PROVINCE).post('/api/qa/public/questions', question(formToken, { email, title })), 202);
    const [mail] = await h.deliver();
    const code = ok(await h.anon(PROVINCE).post('/api/qa/public/verify', { token: linkToken(mail!.text) })).trackingCode as string;
    await h.deliver();
    return { id: sent.id as string, code, email };
  }

  async function answered(title: string) {
    const q = await received(title);
    ok(await board().post(`/api/qa/questions/${q.id}/forward`, { agency: 'so-xay-dung' }));
    ok(await clerk().put(`/api/qa/inbox/${q.id}/answer`, { body: 'Hồ sơ đăng ký đất đai lần đầu gồm đơn đăng ký và giấy tờ về quyền sử dụng đất.' }));
    ok(await clerk().post(`/api/qa/inbox/${q.id}/answer/submit`));
    ok(await leader().post(`/api/qa/inbox/${q.id}/answer/approve`));
    await h.deliver();
    return q;
  }

  beforeAll(async () => {
    h = await startWithProbe(dialect);
    // People who are told: roles naming the permissions, granted in the agencies and the province.
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

  it('tells the agency’s answerers of a forward, the leaders of a submission and the staff a note mentions, once each', async () => {
    at('2027-05-03'); // Monday
    const q = await received('Hỏi về cấp phép xây dựng nhà ở riêng lẻ');
    ok(await board().post(`/api/qa/questions/${q.id}/forward`, { agency: 'so-xay-dung' }));
    const assigned = about(await h.deliver(), q.code);
    expect(assigned).toHaveLength(1);
    expect(assigned[0]!.to).toEqual(['chuyenvien@sxd.quangtri.gov.vn']);
    expect(assigned[0]!.text).toContain('Hỏi về cấp phép xây dựng nhà ở riêng lẻ');
    expect(assigned[0]!.text).toContain(`/admin/qa/cau-hoi-duoc-chuyen/${q.id}`);
    expect(assigned[0]!.text).not.toContain(q.email);

    // A mention of a person of this agency mails them; of the board's editor (another unit), nobody.
    ok(await clerk().post(`/api/qa/inbox/${q.id}/notes`, { body: 'Nhờ @ChuyenVien kiểm tra hồ sơ; @bientap không thuộc sở. Gửi chuyenvien@example.vn.' }));
    const mentioned = about(await h.deliver(), q.code);
    expect(mentioned).toHaveLength(1);
    expect(mentioned[0]!.to).toEqual(['chuyenvien@sxd.quangtri.gov.vn']);
    expect(mentioned[0]!.text).not.toContain('kiểm tra hồ sơ'); // internal notes never go into e-mails
    ok(await clerk().post(`/api/qa/inbox/${q.id}/notes`, { body: 'Không nhắc ai: @nguoi-la, thư gửi a@b.vn' }));
    expect(about(await h.deliver(), q.code)).toHaveLength(0);

    ok(await clerk().put(`/api/qa/inbox/${q.id}/answer`, { body: 'Dự thảo trả lời.' }));
    ok(await clerk().post(`/api/qa/inbox/${q.id}/answer/submit`));
    const approval = about(await h.deliver(), q.code);
    expect(approval).toHaveLength(1);
    expect(approval[0]!.to).toEqual(['giamdoc@sxd.quangtri.gov.vn']);
    expect(approval[0]!.subject).toContain('chờ ký duyệt');

    // A transfer tells the new agency's answerers.
    ok(await leader().post(`/api/qa/inbox/${q.id}/answer/send-back`, { remarks: 'Chuyển Sở Y tế.' }));
    ok(await clerk().post(`/api/qa/inbox/${q.id}/transfer`, { agency: 'so-y-te' }));
    const transferred = about(await h.deliver(), q.code);
    expect(transferred.map((m) => m.to)).toEqual([['chuyenvien@syt.quangtri.gov.vn']]);
  });

  it('records a progress report with a stated date: mailed once, shown to the asker, meeting the first-response clock', async () => {
    at('2027-06-01'); // Tuesday: the agency is due on 22/6
    const q = await received('Hỏi về bồi thường khi thu hồi đất');
    ok(await board().post(`/api/qa/questions/${q.id}/forward`, { agency: 'so-xay-dung' }));
    await h.deliver();
    expect((await clocks(q.id))[1]).toMatchObject({ dueOn: '2027-06-22', firstDueOn: null, progressReportedAt: null });

    at('2027-06-10');
    const path = `/api/qa/inbox/${q.id}/progress-reports`;
    const text = 'Sở đang xin ý kiến UBND xã về nguồn gốc sử dụng đất.';
    // The stated date is after today and at most 15 working days away (1/7/2027).
    for (const answerBy of ['2027-06-10', '2027-07-02']) {
      const res = await clerk().post(path, { text, answerBy });
      expect(ok(res, 400).errors[0].pointer).toBe('/answerBy');
    }
    expect(ok(await clerk().post(path, { text: 'x', answerBy: '30/06/2027' }), 400).errors[0].pointer).toBe('/answerBy');
    expect(ok(await clerk().post(path, { text: '   ', answerBy: '2027-06-30' }), 400).errors[0].pointer).toBe('/text');
    expect((await clerk('so-y-te').post(path, { text, answerBy: '2027-06-30' })).status).toBe(404);
    expect((await h.as('no-permission', [], 'so-xay-dung').post(path, { text, answerBy: '2027-06-30' })).status).toBe(403);
    expect(about(await h.deliver(), q.code)).toHaveLength(0);

    const report = ok(await clerk().post(path, { text, answerBy: '2027-06-30' }), 201);
    expect(report).toMatchObject({ text, answerBy: '2027-06-30' });
    const mails = about(await h.deliver(), q.code);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual([q.email]);
    expect(mails[0]!.text).toContain(text);
    expect(mails[0]!.text).toContain('30/06/2027');
    expect(ok(await clerk().get(path)).items).toHaveLength(1);

    const hop = (await clocks(q.id))[1];
    expect(hop).toMatchObject({ firstDueOn: '2027-06-22', dueOn: '2027-06-30', progressReportedOnTime: true, state: 'on-time' });
    const status = ok(await h.anon(PROVINCE).post('/api/qa/public/status', { trackingCode: q.code, email: q.email }));
    expect(status).toMatchObject({ expectedAnswerBy: '2027-06-30', progressReport: { text, answerBy: '2027-06-30' } });
    const page = await h.t.client.request('POST', `/t/${PROVINCE}/hoi-dap/tra-cuu`, { rawBody: new URLSearchParams({ trackingCode: q.code, email: q.email }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(page.text).toContain('Tiến độ giải quyết');
    expect(page.text).toContain(text);
    expect(page.text).toContain('30/6/2027');
    const timeline = ok(await board().get(`/api/qa/questions/${q.id}`)).timeline as { action: string }[];
    expect(timeline.map((e) => e.action)).toContain('progress-report');

    // Past the first due date, not past the stated one: nobody is told it is late.
    at('2027-06-24');
    ok(await board().post('/api/qa/deadlines/sweep'));
    expect(about(await h.deliver(), q.code).filter((m) => m.subject.includes('Quá hạn'))).toHaveLength(0);
    expect((await clocks(q.id))[1].state).not.toBe('overdue');

    const stats = ok(await h.as('stats', [STATISTICS], PROVINCE).get('/api/qa/statistics', { query: { from: '2027-06-01', to: '2027-06-30' } }));
    expect(stats.agencies.find((a: any) => a.agency.slug === 'so-xay-dung')).toMatchObject({ progressReported: 1, progressReportedOnTime: 1 });

    // Answered by the stated date: on time.
    at('2027-06-29');
    ok(await clerk().put(`/api/qa/inbox/${q.id}/answer`, { body: 'Trả lời về bồi thường.' }));
    ok(await clerk().post(`/api/qa/inbox/${q.id}/answer/submit`));
    ok(await leader().post(`/api/qa/inbox/${q.id}/answer/approve`));
    await h.deliver();
    expect((await clocks(q.id))[1]).toMatchObject({ outcome: 'answered', state: 'met' });
    expect(ok(await h.anon(PROVINCE).post('/api/qa/public/status', { trackingCode: q.code, email: q.email })).progressReport).toBeNull();
    expect(ok(await clerk().post(path, { text, answerBy: '2027-07-01' }), 409).code).toBe('QA_ERR_QUESTION_TRANSITION');
  });

  it('indexes published answers in the site-wide search, diacritic-free, and removes them when unpublished', async () => {
    at('2027-08-02');
    const q = await answered('Thủ tục đăng ký đất đai lần đầu');
    const find = async (text: string) => ok(await h.as('reader', [], PROVINCE).get('/api/probe/answers', { query: { q: text } })).hits as { url: string; title: string }[];
    ok(await publisher().put(`/api/qa/publications/${q.id}`, { title: 'Thủ tục đăng ký đất đai lần đầu', question: 'Xin hỏi hồ sơ đăng ký đất đai lần đầu gồm những gì?', answer: 'Hồ sơ gồm đơn đăng ký và giấy tờ về quyền sử dụng đất.' }));
    expect(await find('dang ky dat dai')).toEqual([]); // reviewed, not published yet
    const published = ok(await publisher().post(`/api/qa/publications/${q.id}/publish`));
    const slug = published.slug as string;
    const hits = await find('dang ky dat dai');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.title).toBe('Thủ tục đăng ký đất đai lần đầu');
    expect(hits[0]!.url).toMatch(/^\/hoi-dap\/thu-tuc-dang-ky-dat-dai-lan-dau-/);
    expect(hits[0]!.url).toBe(`/hoi-dap/${slug}`);
    expect(await find('giay to quyen su dung')).toHaveLength(1);
    expect(await find('Nguyễn Thị Lan')).toEqual([]); // the asker is never in the index
    // Filed under the province: another unit's own search does not see it.
    expect(ok(await h.as('reader', [], 'so-y-te').get('/api/probe/answers', { query: { q: 'dang ky dat dai' } })).hits).toEqual([]);

    ok(await publisher().post(`/api/qa/publications/${q.id}/unpublish`, { reason: 'Cần cập nhật' }));
    expect(await find('dang ky dat dai')).toEqual([]);
    ok(await publisher().post(`/api/qa/publications/${q.id}/publish`));
    expect(await find('dang ky dat dai')).toHaveLength(1);

    // Erasing the asker's personal data keeps the published Q&A (its reviewed text holds none): the
    // index follows the publication, and still holds nothing of the asker.
    ok(await h.anon(PROVINCE).post('/api/qa/public/privacy/deletion-requests', { trackingCode: q.code, email: q.email }), 202);
    const [mail] = await h.deliver();
    const token = /\/hoi-dap\/xoa-du-lieu\/([A-Za-z0-9_-]{43})/.exec(mail!.text)![1]!;
    ok(await h.anon(PROVINCE).post('/api/qa/public/privacy/confirm', { token }));
    expect(await find('dang ky dat dai')).toHaveLength(1);
    expect(await find('Nguyen Thi Lan')).toEqual([]);
  });

  it('answers a duplicate question by linking a published answer: mailed once, answered, audited, the board’s clock stopped', async () => {
    at('2027-09-06');
    const original = await answered('Thủ tục tách thửa đất ở');
    ok(await publisher().put(`/api/qa/publications/${original.id}`, { title: 'Thủ tục tách thửa đất ở', question: 'Điều kiện tách thửa đất ở?', answer: 'Diện tích tối thiểu theo quyết định của UBND tỉnh.' }));
    expect(ok(await h.as('reader', [], PROVINCE).get('/api/probe/answers', { query: { q: 'tach thua' } })).hits).toEqual([]);
    ok(await publisher().post(`/api/qa/publications/${original.id}/publish`));
    const [hit] = ok(await h.as('reader', [], PROVINCE).get('/api/probe/answers', { query: { q: 'tach thua' } })).hits as { url: string }[];
    const target = hit!.url.replace('/hoi-dap/', '');

    const dup = await received('Xin hỏi tách thửa đất ở cần điều kiện gì');
    const path = `/api/qa/questions/${dup.id}/answer-by-reference`;
    expect(ok(await board().post(path, { publication: 'khong-co-hoi-dap-nay' }), 400).errors[0].pointer).toBe('/publication');
    expect((await h.as('board-sxd', [TRIAGE], 'so-xay-dung').post(path, { publication: target })).status).toBe(404);
    expect((await h.as('no-permission', [], PROVINCE).post(path, { publication: target })).status).toBe(403);
    expect(ok(await board().post(path, { publication: target, extra: 1 }), 400).status).toBe(400);
    expect(about(await h.deliver(), dup.code)).toHaveLength(0);

    const done = ok(await board().post(path, { publication: target, note: 'Nội dung đã được trả lời đầy đủ.' }));
    expect(done).toMatchObject({ id: dup.id, status: 'answered', publication: { questionId: original.id, slug: target } });
    const mails = about(await h.deliver(), dup.code);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual([dup.email]);
    expect(mails[0]!.text).toContain(`/hoi-dap/${target}`);
    expect(mails[0]!.text).toContain('Nội dung đã được trả lời đầy đủ.');

    const status = ok(await h.anon(PROVINCE).post('/api/qa/public/status', { trackingCode: dup.code, email: dup.email }));
    expect(status.status).toBe('answered');
    expect(status.answer.text).toContain(`/hoi-dap/${target}`);
    expect((await clocks(dup.id))[0]).toMatchObject({ kind: 'board', outcome: 'answered', state: 'met' });
    expect((ok(await board().get(`/api/qa/questions/${dup.id}`)).timeline as { action: string }[]).map((e) => e.action)).toContain('answered-by-ref');
    expect(ok(await board().post(path, { publication: target }), 409).code).toBe('QA_ERR_QUESTION_TRANSITION');
    expect(about(await h.deliver(), dup.code)).toHaveLength(0);
    const audit = ok(await h.as('kiem-tra', ['core.audit.read'], PROVINCE).get('/api/core/audit', { query: { objectId: dup.id, limit: 50 } }));
    expect(audit.items.map((e: { action: string }) => e.action)).toContain('qa.question.answer-by-reference');
  });
});
