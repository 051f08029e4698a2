import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { ANSWER, linkToken, ok, PROVINCE, question, sleep, startQaPlatform, TRIAGE, type Harness } from './qa-support.js';

const APPROVE = 'qa.answers.approve';
const PUBLISH = 'qa.answers.publish';

describeEachDialect('questions: similar published questions suggested while typing (QA-06)', (dialect) => {
  let h: Harness;
  let formToken = '';
  let asked = 0;
  const board = () => h.as('bien-tap', [TRIAGE, PUBLISH], PROVINCE);
  const clerk = () => h.as('clerk-stnmt', [ANSWER], 'so-xay-dung');
  const suggest = (unit: string, q: string) => h.anon(unit).get('/api/qa/public/suggestions', { query: { q } });

  /** A question asked, answered by an agency and published by the board with `title` as its public title. */
  async function published(title: string, field = 'dat-dai'): Promise<string> {
    const sent = ok(await h.anon(PROVINCE).post('/api/qa/public/questions', question(formToken, { title, field, email: `goi-y-${++asked}@example.vn` })), 202);
    const [mail] = await h.deliver();
    ok(await h.anon(PROVINCE).post('/api/qa/public/verify', { token: linkToken(mail!.text) }));
    ok(await board().post(`/api/qa/questions/${sent.id}/forward`, { agency: 'so-xay-dung' }));
    ok(await clerk().put(`/api/qa/inbox/${sent.id}/answer`, { body: 'Hồ sơ gồm đơn đăng ký và giấy tờ về quyền sử dụng đất.' }));
    ok(await clerk().post(`/api/qa/inbox/${sent.id}/answer/send`));
    ok(await board().put(`/api/qa/publications/${sent.id}`, { title, question: 'Nội dung câu hỏi đã biên tập.', answer: 'Hồ sơ gồm đơn đăng ký.' }));
    const done = ok(await board().post(`/api/qa/publications/${sent.id}/publish`));
    await h.deliver();
    return done.slug ?? done.publication?.slug ?? sent.id;
  }

  beforeAll(async () => {
    h = await startQaPlatform(dialect, { submitPerAddress: { points: 500, durationSeconds: 3600 }, submitPerEmail: { points: 50, durationSeconds: 3600 } });
    formToken = ok(await h.anon(PROVINCE).get('/api/qa/public/form')).formToken;
    await sleep(1100);
    ok(await h.as('lanh-dao', [APPROVE], 'so-xay-dung').put('/api/qa/answer-settings', { requireApproval: false }));
    await published('Thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu');
    await published('Đăng ký biến động đất đai khi thừa kế');
    await published('Cấp phép xây dựng nhà ở riêng lẻ tại đô thị', 'xay-dung');
    // Tags a title with XSS-looking text: suggestions give it as data, pages escape it.
    await published('Giấy chứng nhận <script>alert(1)</script> bị mất');
    for (let i = 1; i <= 5; i++) await published(`Giấy chứng nhận quyền sử dụng đất số ${i}`);
  });
  afterAll(async () => h?.stop());

  it('finds published questions without diacritics or in capitals, best match first, at most five', async () => {
    const folded = ok(await suggest(PROVINCE, 'thu tuc cap giay chung nhan quyen su dung dat'));
    expect(folded.items.length).toBeLessThanOrEqual(5);
    expect(folded.items[0]).toMatchObject({ title: 'Thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu', field: 'Đất đai', path: expect.stringMatching(/^\/hoi-dap\/[a-z0-9-]+$/) });
    const capitals = ok(await suggest(PROVINCE, 'ĐĂNG KÝ BIẾN ĐỘNG ĐẤT ĐAI'));
    expect(capitals.items[0].title).toBe('Đăng ký biến động đất đai khi thừa kế');
    // Many matches: five.
    expect(ok(await suggest(PROVINCE, 'giấy chứng nhận quyền sử dụng đất')).items).toHaveLength(5);
    // The link opens the published page.
    expect((await h.t.client.get(`/t/${PROVINCE}${folded.items[0].path}`)).status).toBe(200);
    // Unrelated words find nothing; one shared word is enough only when one distinctive word was typed; stop words alone find nothing.
    expect(ok(await suggest(PROVINCE, 'bảo hiểm thất nghiệp')).items).toEqual([]);
    expect(ok(await suggest(PROVINCE, 'xin hỏi thủ tục')).items.map((i: { title: string }) => i.title)).toEqual(['Thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu']);
    expect(ok(await suggest(PROVINCE, 'xin hỏi là gì')).items).toEqual([]);
    expect(ok(await suggest(PROVINCE, '')).items).toEqual([]);
  });

  it('answers for the site’s province only, with CORS, and gives titles as data', async () => {
    // A department's site: the same province.
    expect(ok(await suggest('so-y-te', 'cấp phép xây dựng nhà ở')).items[0].title).toBe('Cấp phép xây dựng nhà ở riêng lẻ tại đô thị');
    // Another province: nothing of this one.
    const root = h.as('quan-tri', ['core.tenants.manage'], PROVINCE);
    expect((await root.post('/api/core/tenants', { slug: 'tinh-goi-y', nameVi: 'Tỉnh Gợi Ý', kind: 'province' })).status).toBe(201);
    expect(ok(await suggest('tinh-goi-y', 'cấp phép xây dựng nhà ở')).items).toEqual([]);
    // The title is JSON text, never markup; the JSON is served as JSON.
    const xss = await suggest(PROVINCE, 'giấy chứng nhận script alert bị mất');
    expect(xss.headers.get('content-type')).toMatch(/^application\/(problem\+)?json/);
    // CORS as every public widget route: the unit's allowed origins only (none in the demo).
    expect(xss.headers.get('vary')?.toLowerCase()).toContain('origin');
    const foreign = await h.anon(PROVINCE).get('/api/qa/public/suggestions', { query: { q: 'giấy' }, headers: { origin: 'https://la.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect(xss.body.items[0].title).toBe('Giấy chứng nhận <script>alert(1)</script> bị mất');
    // Bad input names the field.
    expect(ok(await suggest(PROVINCE, 'x'.repeat(301)), 400).errors[0].pointer).toBe('/q');
    expect(ok(await h.anon(PROVINCE).get('/api/qa/public/suggestions'), 400).errors[0].pointer).toMatch(/\/q|^$/);
  });

  it('works without JavaScript: "Tìm câu hỏi tương tự" shows them in the form, values kept; the script is a file the CSP allows', async () => {
    const page = await h.t.client.get(`/t/${PROVINCE}/hoi-dap/gui-cau-hoi`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline\'; script');
    expect(page.text).not.toMatch(/<script>(?!<\/script>)/); // no inline script
    expect(page.text).toContain(`<script src="/t/${PROVINCE}/hoi-dap/goi-y.js" defer></script>`);
    expect(page.text).toContain(`formaction="/t/${PROVINCE}/hoi-dap/gui-cau-hoi/tuong-tu" formnovalidate`);
    expect(page.text).toContain(`data-suggest="/t/${PROVINCE}/api/qa/public/suggestions"`);

    const fields = { name: 'Phan Văn Tâm', email: '', title: 'Giấy chứng nhận <b>bị mất</b> cấp lại', content: 'Nội dung <i>đang</i> soạn', consentProcessing: 'on', formToken: 'x' };
    const similar = await h.t.client.request('POST', `/t/${PROVINCE}/hoi-dap/gui-cau-hoi/tuong-tu`, { rawBody: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(similar.status, similar.text).toBe(200);
    expect(similar.text).toContain('Câu hỏi tương tự đã được trả lời');
    expect(similar.text).toContain('Giấy chứng nhận &lt;script&gt;alert(1)&lt;/script&gt; bị mất');
    expect(similar.text).not.toContain('<script>alert(1)');
    expect(similar.text).toMatch(new RegExp(`href="/t/${PROVINCE}/hoi-dap/[a-z0-9-]+"`));
    // The values typed are kept, escaped, and nothing was sent.
    expect(similar.text).toContain('value="Giấy chứng nhận &lt;b&gt;bị mất&lt;/b&gt; cấp lại"');
    expect(similar.text).toContain('Nội dung &lt;i&gt;đang&lt;/i&gt; soạn');
    expect(await h.deliver()).toHaveLength(0);

    const script = await h.t.client.get(`/t/${PROVINCE}/hoi-dap/goi-y.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    // It builds the list with textContent, never innerHTML.
    expect(script.text).toContain('textContent');
    expect(script.text).not.toContain('innerHTML');
  });

  it('serves the widgets bundle (<cong-qa-latest>, <cong-qa-ask>) from the manifest', async () => {
    const bundle = await h.t.client.get('/widgets/qa.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    expect(bundle.text).toContain('cong-qa-latest');
    expect(bundle.text).toContain('cong-qa-ask');
  });
});
