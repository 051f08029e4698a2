import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPlatform, type TestClient, type TestPlatform } from '@cong/sdk/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { ANSWER, linkToken, ok, PROVINCE, QA, question, SmtpSink, TRIAGE } from './qa-support.js';

/** The portal, built, loaded from its folder beside the Q&A plugin (its optional dependency). */
const PORTAL = fileURLToPath(new URL('../../portal', import.meta.url));
const APPROVE = 'qa.answers.approve';
const PUBLISH = 'qa.answers.publish';
const DISTRICT = 'so-y-te';

interface Hit {
  type: string;
  id: string;
  title: string;
  url: string;
}

// Issue 8: a published answer "appears in the public Q&A and search": the portal's search (its JSON API
// and its /tim-kiem page) on every unit's site, through the portal's `portal.search-sources` point.
describeEachDialect('answers in the portal\'s search', (dialect) => {
  let t: TestPlatform;
  let sink: SmtpSink;
  let asked = 0;

  const inUnit = (client: TestClient, unit: string): TestClient => {
    const headers = { 'x-cong-tenant': unit };
    return {
      ...client,
      get: (p, o = {}) => client.get(p, { ...o, headers: { ...headers, ...o.headers } }),
      post: (p, b, o = {}) => client.post(p, b, { ...o, headers: { ...headers, ...o.headers } }),
      put: (p, b, o = {}) => client.put(p, b, { ...o, headers: { ...headers, ...o.headers } }),
    };
  };
  const as = (user: string, permissions: string[], unit: string) => inUnit(t.client.as({ id: user, permissions }), unit);
  const anon = (unit: string) => inUnit(t.client, unit);
  const deliver = async () => {
    const before = sink.received.length;
    await t.drainJobs();
    return sink.received.slice(before);
  };
  const portalSearch = async (unit: string, q: string, type?: string) => ok(await anon(unit).get('/api/portal/search', { query: { q, ...(type ? { type } : {}) } })).items as Hit[];
  const page = async (unit: string, q: string) => (await fetch(new URL(`/t/${unit}/tim-kiem?${new URLSearchParams({ q }).toString()}`, t.url))).text();

  /** A question asked, verified, forwarded, answered and approved: ready to publish. */
  async function answered(title: string) {
    const email = `portal-search-${++asked}@example.vn`;
    const { formToken } = ok(await anon(PROVINCE).get('/api/qa/public/form'));
    const sent = ok(await anon(PROVINCE).post('/api/qa/public/questions', question(formToken, { email, title })), 202);
    const [mail] = await deliver();
    ok(await anon(PROVINCE).post('/api/qa/public/verify', { token: linkToken(mail!.text) }));
    const id = sent.id as string;
    ok(await as('board-1', [TRIAGE], PROVINCE).post(`/api/qa/questions/${id}/forward`, { agency: 'so-xay-dung' }));
    ok(await as('clerk-1', [ANSWER], 'so-xay-dung').put(`/api/qa/inbox/${id}/answer`, { body: 'Hồ sơ gồm đơn đăng ký và giấy tờ về quyền sử dụng đất.' }));
    ok(await as('clerk-1', [ANSWER], 'so-xay-dung').post(`/api/qa/inbox/${id}/answer/submit`));
    ok(await as('leader-1', [APPROVE], 'so-xay-dung').post(`/api/qa/inbox/${id}/answer/approve`));
    await deliver();
    return id;
  }

  beforeAll(async () => {
    sink = new SmtpSink();
    await sink.listen();
    t = await createTestPlatform({
      plugins: [PORTAL, QA],
      database: dialect,
      config: {
        demo: true,
        http: { port: 0, host: '127.0.0.1' },
        mail: { from: 'Cổng thông tin tỉnh Quảng Trị <hoidap@quangtri.gov.vn>', smtp: { host: '127.0.0.1', port: sink.port } },
        pluginConfig: { qa: { questions: { minFillSeconds: 0, submitPerAddress: { points: 500, durationSeconds: 3600 } } } },
      },
    });
    expect(t.report.plugins.map((p) => [p.id, p.state])).toEqual(expect.arrayContaining([['portal', 'started'], ['qa', 'started']]));
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    await sink?.close();
  });

  it('finds a published answer on every unit\'s site without accents, with its label; not before publication, nor after it is withdrawn', async () => {
    const id = await answered('Thủ tục đăng ký đất đai lần đầu');
    const publisher = as('publisher-1', [PUBLISH], PROVINCE);
    ok(await publisher.put(`/api/qa/publications/${id}`, { title: 'Thủ tục đăng ký đất đai lần đầu', question: 'Xin hỏi hồ sơ đăng ký đất đai lần đầu gồm những gì?', answer: 'Hồ sơ gồm đơn đăng ký và giấy tờ về quyền sử dụng đất.' }));
    expect(await portalSearch(DISTRICT, 'dang ky dat dai')).toEqual([]); // reviewed, not published yet

    const slug = ok(await publisher.post(`/api/qa/publications/${id}/publish`)).slug as string;
    for (const unit of [DISTRICT, PROVINCE]) {
      const hits = await portalSearch(unit, 'dang ky dat dai');
      expect(hits, unit).toEqual([expect.objectContaining({ type: 'answer', id, title: 'Thủ tục đăng ký đất đai lần đầu', url: `/hoi-dap/${slug}` })]);
    }
    expect((await portalSearch(DISTRICT, 'giay to quyen su dung', 'answer')).map((h) => h.id)).toEqual([id]);
    expect(await portalSearch(DISTRICT, 'dang ky dat dai', 'article')).toEqual([]);
    expect(await portalSearch(DISTRICT, 'Nguyen Thi Lan')).toEqual([]); // the asker is never in the index
    const html = await page(DISTRICT, 'dang ky dat dai');
    expect(html).toContain(`<a href="/t/${DISTRICT}/hoi-dap/${slug}">Thủ tục đăng ký đất đai lần đầu</a>`);
    expect(html).toContain('<span class="type">Hỏi đáp</span>');
    expect(html).toContain('<option value="hoi-dap">Hỏi đáp</option>');

    ok(await publisher.post(`/api/qa/publications/${id}/unpublish`, { reason: 'Cần cập nhật' }));
    expect(await portalSearch(DISTRICT, 'dang ky dat dai')).toEqual([]);
    expect(await portalSearch(PROVINCE, 'dang ky dat dai')).toEqual([]);
    expect(await page(DISTRICT, 'dang ky dat dai')).not.toContain(`/hoi-dap/${slug}`);
  });
});
