import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDatabase, parseDatabaseUrl } from '@cong/core/testing';
import { createTestPlatform, TEST_PRINCIPAL_HEADER, type TestClient, type TestPlatform, type TestResponse } from '@cong/sdk/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { launchChromium, seriousViolations } from '../../../tests/e2e/support/browser.js';
import { ok, PROVINCE, QA, sleep, SmtpSink } from './qa-support.js';

// fflate comes with `docx` (the report's own dependency); pdfjs-dist is the gazette's test reader of PDFs.
const fflate = createRequire(createRequire(import.meta.url).resolve('docx'))('fflate') as { strFromU8(bytes: Uint8Array): string; unzipSync(bytes: Uint8Array): Record<string, Uint8Array> };
/** The part of pdfjs-dist the test reads text with. */
interface PdfJs {
  getDocument(options: { data: Uint8Array; isEvalSupported: boolean; verbosity: number }): { promise: Promise<{ numPages: number; getPage(n: number): Promise<{ getTextContent(): Promise<{ items: { str?: string }[] }> }>; destroy(): Promise<void> }> };
}
const pdfjsPath = createRequire(new URL('../../gazette/package.json', import.meta.url)).resolve('pdfjs-dist/legacy/build/pdf.mjs');

const MANAGE = 'qa.consultations.manage';
const REPLY = 'qa.consultations.reply';
const DRAFTING = 'so-cong-thuong';
const LINK = /\/gop-y-du-thao\/xac-nhan\/([A-Za-z0-9_-]{43})/;
const FORM_TOKEN = /name="formToken" value="([^"]+)"/;

const DRAFT = [
  'QUYẾT ĐỊNH',
  'Ban hành Quy định quản lý chợ trên địa bàn tỉnh Quảng Trị',
  'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
  'QUYẾT ĐỊNH:',
  'Chương I',
  'NHỮNG QUY ĐỊNH CHUNG',
  'Điều 1. Phạm vi điều chỉnh',
  'Quy định này quy định về quản lý chợ trên địa bàn tỉnh.',
  'Điều 2. Đối tượng áp dụng',
  '1. Cơ quan quản lý nhà nước về chợ.',
  '2. Tổ chức, cá nhân kinh doanh tại chợ.',
  'Chương II',
  'TỔ CHỨC THỰC HIỆN',
  'Điều 3. Hiệu lực thi hành',
  'Quyết định này có hiệu lực kể từ ngày 01 tháng 01 năm 2027.',
].join('\n');

/** Payloads a comment carries to the page, the report and the staff API; none may come out as markup. */
const XSS = {
  name: '<img src=x onerror=alert(1)> Kẻ Xấu',
  organisation: '"><svg onload=alert(2)>',
  body: "<script>alert('x')</script> </textarea><script>alert(3)</script> <a href=\"javascript:alert(4)\">bấm</a> {{constructor.constructor('alert(5)')()}} <iframe src=//evil>",
};
const RAW_MARKUP = ['<script>alert', '<img src=x', '<svg onload', '<a href="javascript:', '<iframe src'];

const dayPlus = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
/** A one-page PDF, enough for the upload's type sniffing. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describeEachDialect('consultations on drafts: articles, comments, moderation, agencies’ replies and the report', (dialect) => {
  let t: TestPlatform;
  let sink: SmtpSink;
  let seen = 0;
  const as = (user: string, permissions: readonly string[], unit: string): TestClient => {
    const client = t.client.as({ id: user, permissions: [...permissions] });
    const h = { 'x-cong-tenant': unit };
    return { ...client, get: (p, o = {}) => client.get(p, { ...o, headers: { ...h, ...o.headers } }), post: (p, b, o = {}) => client.post(p, b, { ...o, headers: { ...h, ...o.headers } }), put: (p, b, o = {}) => client.put(p, b, { ...o, headers: { ...h, ...o.headers } }), patch: (p, b, o = {}) => client.patch(p, b, { ...o, headers: { ...h, ...o.headers } }) };
  };
  const manager = (unit = DRAFTING) => as(`cv-${unit}`, [MANAGE], unit);
  const agency = (unit: string) => as(`vt-${unit}`, [REPLY], unit);
  const deliver = async () => {
    await t.drainJobs();
    const fresh = sink.received.slice(seen);
    seen = sink.received.length;
    return fresh;
  };
  const form = (path: string, fields: Record<string, string>, ip = '10.0.0.1') =>
    t.client.request('POST', path, { rawBody: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip } });
  const upload = async (user: string, permissions: string[], unit: string, path: string, bytes: Buffer, name: string) => {
    const body = new FormData();
    body.append('file', new Blob([new Uint8Array(bytes)]), name);
    const res = await fetch(new URL(path, t.url), { method: 'POST', body, headers: { 'x-cong-tenant': unit, [TEST_PRINCIPAL_HEADER]: JSON.stringify({ id: user, permissions }) } });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined, text } as TestResponse;
  };
  const moveDays = async (id: string, changes: Record<string, string>, consultee?: { unit: string; deadline: string }) => {
    const db = await createDatabase(parseDatabaseUrl(t.databaseUrl, process.cwd()));
    try {
      await db.kysely.updateTable('qa_consultations' as never).set(changes as never).where('id' as never, '=', id as never).execute();
      if (consultee) {
        const unitId = (await db.kysely.selectFrom('core_tenants' as never).select('id' as never).where('slug' as never, '=', consultee.unit as never).executeTakeFirstOrThrow()) as { id: string };
        await db.kysely.updateTable('qa_consultation_consultees' as never).set({ deadline_on: consultee.deadline } as never).where('consultation_id' as never, '=', id as never).where('unit_id' as never, '=', unitId.id as never).execute();
      }
    } finally {
      await db.destroy();
    }
  };
  const consultation = (overrides: Record<string, unknown> = {}) => ({
    title: 'Dự thảo Quyết định ban hành Quy định quản lý chợ trên địa bàn tỉnh Quảng Trị',
    documentType: 'qd-ubnd',
    summary: 'Quy định về phân hạng chợ, ban quản lý chợ và trách nhiệm của các cơ quan.',
    opensOn: dayPlus(0),
    closesOn: dayPlus(10),
    contact: { address: 'Số 204 Hùng Vương, phường Đông Hà, tỉnh Quảng Trị', email: 'phongqlthuongmai@quangtri.gov.vn', phone: '0233 3852 222' },
    text: DRAFT,
    otherConsultees: ['so-xay-dung'],
    ...overrides,
  });

  beforeAll(async () => {
    sink = new SmtpSink();
    await sink.listen();
    t = await createTestPlatform({
      plugins: [QA],
      database: dialect,
      config: {
        demo: true,
        // Reporters are told apart by address: the tests speak through a "proxy" on loopback.
        http: { port: 0, host: '127.0.0.1', trustProxy: true },
        mail: { from: 'Cổng thông tin tỉnh Quảng Trị <gopy@quangtri.gov.vn>', smtp: { host: '127.0.0.1', port: sink.port } },
        pluginConfig: { qa: { consultations: { minFillSeconds: 1, commentPerAddress: { points: 200, durationSeconds: 3600 }, commentPerEmail: { points: 50, durationSeconds: 3600 } } } },
      },
    });
    expect(t.report.plugins.find((p) => p.id === 'qa')?.state, JSON.stringify(t.report.plugins)).toBe('started');
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.close();
  });

  it('refuses a period shorter than the rule’s minimum with a 400 naming the field, and other bad input', async () => {
    const periods = ok(await manager().get('/api/qa/consultation-periods'));
    expect(periods.documentTypes.find((d: { code: string }) => d.code === 'qd-ubnd')).toMatchObject({ minimumDays: 10, checked: false });
    expect(periods).toMatchObject({ agencyReplyDays: 7, agencyReplyDaysShortened: 3 });
    expect(periods.builtInConsultees.map((b: { flag: string; unit: { slug: string } }) => [b.flag, b.unit.slug])).toEqual([['finance', 'so-tai-chinh'], ['home-affairs', 'so-noi-vu'], ['justice', 'so-tu-phap'], ['science-technology', 'so-khoa-hoc-va-cong-nghe']]);

    const short = ok(await manager().post('/api/qa/consultations', consultation({ closesOn: dayPlus(9) })), 400);
    expect(short.code).toBe('QA_ERR_CONSULTATION_PERIOD');
    expect(short.errors[0].pointer).toBe('/closesOn');
    expect(short.errors[0].message).toContain(dayPlus(10));
    expect(ok(await manager().post('/api/qa/consultations', consultation({ documentType: 'thong-tu' })), 400).errors[0].pointer).toBe('/documentType');
    expect(ok(await manager().post('/api/qa/consultations', consultation({ opensOn: dayPlus(-1) })), 400).errors[0].pointer).toBe('/opensOn');
    expect(ok(await manager().post('/api/qa/consultations', consultation({ contact: { address: 'Số 1', email: 'khong-phai-email' } })), 400).errors[0].pointer).toMatch(/contact/);
    expect(ok(await manager().post('/api/qa/consultations', consultation({ otherConsultees: ['khong-co'] })), 400).errors[0].pointer).toBe('/otherConsultees');
    // Without the permission: 403.
    expect((await as('nguoi-khac', ['qa.questions.answer'], DRAFTING).post('/api/qa/consultations', consultation())).status).toBe(403);
  });

  it('runs the lifecycle: announce, comments per article verified by e-mail, moderation, auto-hide at 3 reports, agencies, close, answers, report, outcome', async () => {
    // ─── Create: the text split into articles; the built-in consultees and deadlines.
    const created = ok(await manager().post('/api/qa/consultations', consultation()), 201);
    const id = created.id as string;
    expect(created).toMatchObject({ phase: 'draft', documentType: 'qd-ubnd', rule: { minimumDays: 10 }, comments: 0 });
    expect(created.articles.map((a: { heading: string }) => a.heading)).toEqual(['Phần mở đầu', 'Điều 1. Phạm vi điều chỉnh', 'Điều 2. Đối tượng áp dụng', 'Điều 3. Hiệu lực thi hành']);
    expect(created.articles[1].chapter).toBe('Chương I. NHỮNG QUY ĐỊNH CHUNG');
    expect(created.consultees.map((c: { unit: { slug: string }; builtIn: string | null }) => [c.unit.slug, c.builtIn]).sort()).toEqual(
      [['so-khoa-hoc-va-cong-nghe', 'science-technology'], ['so-noi-vu', 'home-affairs'], ['so-tai-chinh', 'finance'], ['so-tu-phap', 'justice'], ['so-xay-dung', null]].sort(),
    );
    expect(created.consultees.every((c: { deadlineOn: string }) => c.deadlineOn === dayPlus(7))).toBe(true);

    // Correcting the split; the dossier (PDF); another unit and a caller without the permission.
    const edited = ok(await manager().put(`/api/qa/consultations/${id}/articles`, { articles: created.articles.map((a: Record<string, unknown>) => ({ chapter: a.chapter, number: a.number, heading: a.heading, body: a.number === '3' ? 'Quyết định này có hiệu lực kể từ ngày 01 tháng 3 năm 2027.' : a.body })) }));
    expect(edited.articles[3].body).toContain('01 tháng 3 năm 2027');
    const articleIds = edited.articles.map((a: { id: string }) => a.id) as string[];
    const withFile = ok(await upload(`cv-${DRAFTING}`, [MANAGE], DRAFTING, `/api/qa/consultations/${id}/files`, PDF, 'Tờ trình dự thảo.pdf'));
    expect(withFile.files).toMatchObject([{ name: 'Tờ trình dự thảo.pdf', contentType: 'application/pdf' }]);
    expect((await upload(`cv-${DRAFTING}`, [MANAGE], DRAFTING, `/api/qa/consultations/${id}/files`, Buffer.from('<html>không phải PDF</html>'), 'a.html')).status).toBe(415);
    expect((await manager('so-y-te').get(`/api/qa/consultations/${id}`)).status).toBe(404);
    expect((await manager('so-y-te').post(`/api/qa/consultations/${id}/announce`)).status).toBe(404);
    expect((await as('khach', [], DRAFTING).get(`/api/qa/consultations/${id}`)).status).toBe(403);
    expect(ok(await manager().get('/api/qa/consultations')).items.map((c: { id: string }) => c.id)).toContain(id);
    expect(ok(await manager('so-y-te').get('/api/qa/consultations')).items.map((c: { id: string }) => c.id)).not.toContain(id);

    // Not public before it is announced.
    expect((await t.client.get(`/t/${PROVINCE}/gop-y-du-thao/${created.slug}`)).status).toBe(404);
    expect(ok(await manager().post(`/api/qa/consultations/${id}/announce`)).phase).toBe('open');
    expect(ok(await manager().post(`/api/qa/consultations/${id}/announce`), 409).code).toBe('QA_ERR_CONSULTATION_PHASE');

    // ─── The public pages: the province's list and the drafting unit's; another unit's site has none.
    const list = await t.client.get(`/t/${PROVINCE}/gop-y-du-thao`);
    expect(list.status).toBe(200);
    expect(list.text).toContain(`/gop-y-du-thao/${created.slug}`);
    expect(list.text.indexOf(created.slug)).toBeGreaterThan(list.text.indexOf('Đang lấy ý kiến'));
    expect((await t.client.get(`/t/${DRAFTING}/gop-y-du-thao`)).text).toContain(created.slug);
    expect((await t.client.get(`/t/so-y-te/gop-y-du-thao`)).text).not.toContain(created.slug);
    expect((await t.client.get(`/t/so-y-te/gop-y-du-thao/${created.slug}`)).status).toBe(404);

    const pagePath = `/t/${PROVINCE}/gop-y-du-thao/${created.slug}`;
    const page = await t.client.get(pagePath);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    for (const text of ['Điều 1. Phạm vi điều chỉnh', 'Chương I. NHỮNG QUY ĐỊNH CHUNG', 'phongqlthuongmai@quangtri.gov.vn', 'Số 204 Hùng Vương', 'Tờ trình dự thảo.pdf', 'Sở Tư pháp', 'Hạn góp ý', '<html lang="vi">']) expect(page.text).toContain(text);
    expect(page.text).toContain(`name="article" value="${articleIds[1]}"`);
    const dossier = await t.client.get(`${pagePath}/ho-so/${withFile.files[0].id}`);
    expect(dossier.status).toBe(200);
    expect(dossier.headers.get('content-type')).toBe('application/pdf');
    const formToken = FORM_TOKEN.exec(page.text)![1]!;
    await sleep(1100); // the form's minimum fill time (1 s in these tests)

    // ─── Comments: each sent, e-mailed, confirmed through the link's page (a GET verifies nothing).
    const comment = async (fields: Record<string, string>) => {
      const sent = await form(`${pagePath}/gop-y`, { formToken, website: '', ...fields });
      expect(sent.status, sent.text).toBe(200);
      expect(sent.text).toContain('kiểm tra e-mail');
      const [mail] = await deliver();
      expect(mail!.to).toEqual([fields.email]);
      const token = LINK.exec(mail!.text)![1]!;
      const confirm = await t.client.get(`/t/${PROVINCE}/gop-y-du-thao/xac-nhan/${token}`);
      expect(confirm.text).toContain(`action="/t/${PROVINCE}/gop-y-du-thao/xac-nhan/${token}"`);
      expect((await t.client.post(`/t/${PROVINCE}/gop-y-du-thao/xac-nhan/${token}`)).status).toBe(200);
      expect((await t.client.post(`/t/${PROVINCE}/gop-y-du-thao/xac-nhan/${token}`)).status).toBe(404);
    };
    await comment({ article: articleIds[1]!, name: 'Nguyễn Thị Lan', email: 'lan@example.vn', body: 'Đề nghị bổ sung chợ đầu mối vào phạm vi điều chỉnh.' });
    await comment({ article: articleIds[2]!, ...XSS, email: 'xau@example.vn' });
    await comment({ name: 'Trần Văn Bình', organisation: 'Hiệp hội Doanh nghiệp tỉnh Quảng Trị', email: 'hiephoi@example.vn', body: 'Dự thảo cần đánh giá tác động đến tiểu thương.' });
    await comment({ article: articleIds[3]!, name: 'Lê Văn Cường', email: 'cuong@example.vn', body: 'Quảng cáo: bán đất nền giá rẻ, gọi ngay.' });
    await comment({ article: articleIds[3]!, name: 'Phạm Thị Dung', email: 'dung@example.vn', body: 'Nên cho hiệu lực sớm hơn để kịp Tết.' });
    // Refusals on the form: honeypot, bad e-mail, an article of another draft; an unverified comment stays unseen.
    expect((await form(`${pagePath}/gop-y`, { formToken, website: 'http://spam', name: 'Bot', email: 'bot@example.vn', body: 'spam' })).status).toBe(400);
    const badEmail = await form(`${pagePath}/gop-y`, { formToken, name: 'A', email: 'khong-hop-le', body: '<b>giữ lại</b>' });
    expect(badEmail.status).toBe(400);
    expect(badEmail.text).toContain('E-mail: địa chỉ không hợp lệ.');
    expect(badEmail.text).toContain('&lt;b&gt;giữ lại&lt;/b&gt;');
    expect((await form(`${pagePath}/gop-y`, { formToken, article: 'khong-co', name: 'A', email: 'a@example.vn', body: 'x' })).status).toBe(400);
    ok(await form(`${pagePath}/gop-y`, { formToken, name: 'Chưa xác nhận', email: 'chua@example.vn', body: 'Ý kiến chưa xác nhận.' }));
    await deliver();

    // ─── Pre-moderation (QA-25): nothing is shown before a decision.
    expect((await t.client.get(pagePath)).text).not.toContain('chợ đầu mối');
    const pending = ok(await manager().get(`/api/qa/consultations/${id}/comments`, { query: { status: 'pending' } })).items as { id: string; body: string; author: { email: string } }[];
    expect(pending).toHaveLength(5);
    expect(pending.map((c) => c.author.email)).not.toContain('chua@example.vn');
    const byEmail = (email: string) => pending.find((c) => c.author.email === email)!.id;
    expect((await manager('so-y-te').post(`/api/qa/consultations/${id}/comments/${byEmail('lan@example.vn')}/approve`, {})).status).toBe(404);
    for (const email of ['lan@example.vn', 'xau@example.vn', 'hiephoi@example.vn', 'dung@example.vn']) ok(await manager().post(`/api/qa/consultations/${id}/comments/${byEmail(email)}/approve`, {}));
    expect((await manager().post(`/api/qa/consultations/${id}/comments/${byEmail('cuong@example.vn')}/reject`, {})).status).toBe(400);
    ok(await manager().post(`/api/qa/consultations/${id}/comments/${byEmail('cuong@example.vn')}/reject`, { reason: 'Quảng cáo, không liên quan dự thảo' }));
    expect(ok(await manager().post(`/api/qa/consultations/${id}/comments/${byEmail('cuong@example.vn')}/approve`, {}), 409).code).toBe('QA_ERR_COMMENT_STATE');
    // Comments point to articles: the split stays as it is.
    expect(ok(await manager().put(`/api/qa/consultations/${id}/articles`, { articles: [{ chapter: null, number: null, heading: 'Toàn văn', body: 'x' }] }), 409).code).toBe('QA_ERR_ARTICLES_COMMENTED');

    const shown = await t.client.get(pagePath);
    for (const text of ['chợ đầu mối', 'N.T.L.', 'Hiệp hội Doanh nghiệp tỉnh Quảng Trị', 'Nên cho hiệu lực sớm hơn']) expect(shown.text).toContain(text);
    for (const text of ['bán đất nền', 'lan@example.vn', 'Nguyễn Thị Lan']) expect(shown.text).not.toContain(text);
    // The XSS corpus comes out as text.
    for (const raw of RAW_MARKUP) expect(shown.text).not.toContain(raw);
    expect(shown.text).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
    expect(shown.text).toContain('&quot;&gt;&lt;svg onload=alert(2)&gt;');

    // The page with its comments and every form opened passes axe (WCAG 2.1 A/AA, serious and critical).
    const browser = await launchChromium();
    try {
      const tab = await (await browser.newContext()).newPage();
      await tab.goto(new URL(pagePath, t.url).href);
      // Runs in the page (a string, so this Node test needs no DOM types).
      await tab.evaluate("document.querySelectorAll('details').forEach((d) => d.setAttribute('open', ''))");
      expect(await seriousViolations(tab)).toEqual([]);
      await tab.goto(new URL(`/t/${PROVINCE}/gop-y-du-thao`, t.url).href);
      expect(await seriousViolations(tab)).toEqual([]);
    } finally {
      await browser.close();
    }

    // ─── Report abuse: three different reporters hide a comment; the same reporter counts once.
    const dung = byEmail('dung@example.vn');
    const report = (ip: string) => form(`${pagePath}/bao-cao-vi-pham/${dung}`, {}, ip);
    expect((await report('203.0.113.1')).status).toBe(200);
    expect((await report('203.0.113.1')).status).toBe(200);
    expect((await report('203.0.113.2')).status).toBe(200);
    expect((await t.client.get(pagePath)).text).toContain('Nên cho hiệu lực sớm hơn');
    expect((await report('203.0.113.3')).status).toBe(200);
    expect((await t.client.get(pagePath)).text).not.toContain('Nên cho hiệu lực sớm hơn');
    expect(ok(await manager().get(`/api/qa/consultations/${id}/comments`, { query: { status: 'approved' } })).items.find((c: { id: string }) => c.id === dung)).toMatchObject({ hidden: true, reports: 3 });
    // Restored by staff, then hidden again by three new reports: it stays out of the report.
    ok(await manager().post(`/api/qa/consultations/${id}/comments/${dung}/restore`, { reason: 'Ý kiến hợp lệ' }));
    expect((await t.client.get(pagePath)).text).toContain('Nên cho hiệu lực sớm hơn');
    for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) await report(ip);
    expect((await t.client.get(pagePath)).text).not.toContain('Nên cho hiệu lực sớm hơn');
    const log = ok(await manager().get(`/api/qa/consultations/${id}/moderation-log`)).items as { action: string; reason: string | null; actor: string }[];
    expect(log.map((l) => l.action)).toEqual(['approve', 'approve', 'approve', 'approve', 'reject', 'auto-hide', 'restore', 'auto-hide']);
    expect(log[4]).toMatchObject({ reason: 'Quảng cáo, không liên quan dự thảo', actor: `cv-${DRAFTING}` });
    expect(log[5]!.actor).toBe('public');

    // ─── Consulted agencies reply before the deadline; others do not see the request.
    expect(ok(await agency('so-tu-phap').get('/api/qa/consultation-requests')).items.map((r: { consultationId: string }) => r.consultationId)).toContain(id);
    expect(ok(await agency('so-y-te').get('/api/qa/consultation-requests')).items).toHaveLength(0);
    const justice = ok(await agency('so-tu-phap').put(`/api/qa/consultation-requests/${id}/reply`, { text: 'Sở Tư pháp thống nhất với dự thảo; đề nghị rà soát căn cứ ban hành.' }));
    expect(justice.reply).toMatchObject({ late: false, by: 'vt-so-tu-phap' });
    const file = ok(await upload('vt-so-tu-phap', [REPLY], 'so-tu-phap', `/api/qa/consultation-requests/${id}/reply/file`, PDF, 'Công văn góp ý.pdf'));
    expect(file.reply.file).toMatchObject({ name: 'Công văn góp ý.pdf' });
    expect((await manager().get(`/api/qa/consultations/${id}/replies/${file.reply.file.id}`)).status).toBe(200);
    expect((await agency('so-y-te').put(`/api/qa/consultation-requests/${id}/reply`, { text: 'x' })).status).toBe(404);
    expect((await as('khach', [], 'so-tu-phap').put(`/api/qa/consultation-requests/${id}/reply`, { text: 'x' })).status).toBe(403);

    // Answers wait for the close.
    expect(ok(await manager().put(`/api/qa/consultations/${id}/comments/${byEmail('lan@example.vn')}/reply`, { decision: 'accepted', explanation: 'x' }), 409).code).toBe('QA_ERR_CONSULTATION_PHASE');

    // ─── Time passes: the consultation closed yesterday; the Department of Construction's deadline is past.
    await moveDays(id, { opens_on: dayPlus(-12), closes_on: dayPlus(-1) }, { unit: 'so-xay-dung', deadline: dayPlus(-5) });
    expect(ok(await manager().get(`/api/qa/consultations/${id}`)).phase).toBe('closed');
    const late = await form(`${pagePath}/gop-y`, { formToken, name: 'Muộn', email: 'muon@example.vn', body: 'Gửi sau hạn.' });
    expect(late.status).toBe(409);
    expect(late.text).toContain('không trong thời gian lấy ý kiến');
    expect(ok(await agency('so-xay-dung').put(`/api/qa/consultation-requests/${id}/reply`, { text: 'Sở Xây dựng góp ý về quy hoạch chợ.' })).reply.late).toBe(true);

    expect(ok(await manager().post(`/api/qa/consultations/${id}/publish-outcome`, { summary: 'x' }), 409)).toMatchObject({ code: 'QA_ERR_COMMENTS_UNANSWERED' });
    ok(await manager().put(`/api/qa/consultations/${id}/comments/${byEmail('lan@example.vn')}/reply`, { decision: 'accepted', explanation: 'Đã bổ sung chợ đầu mối tại khoản 1 Điều 1.' }));
    ok(await manager().put(`/api/qa/consultations/${id}/comments/${byEmail('xau@example.vn')}/reply`, { decision: 'not-accepted', explanation: 'Nội dung không liên quan đến dự thảo.' }));
    ok(await manager().put(`/api/qa/consultations/${id}/comments/${byEmail('hiephoi@example.vn')}/reply`, { decision: 'partly', explanation: 'Bổ sung đánh giá tác động trong tờ trình.' }));
    expect(ok(await manager().put(`/api/qa/consultations/${id}/comments/${byEmail('cuong@example.vn')}/reply`, { decision: 'accepted', explanation: 'x' }), 409).code).toBe('QA_ERR_COMMENT_STATE');
    expect((await manager().put(`/api/qa/consultations/${id}/comments/${dung}/reply`, { decision: 'maybe', explanation: 'x' })).status).toBe(400);

    // ─── The report: per article, anonymised, with the answers and the agencies' replies.
    const json = ok(await manager().get(`/api/qa/consultations/${id}/report`));
    expect(json.totals).toEqual({ comments: 3, accepted: 1, partly: 1, notAccepted: 1, unanswered: 0 });
    expect(json.sections.map((s: { heading: string }) => s.heading)).toEqual(['Ý kiến chung về dự thảo', 'Điều 1. Phạm vi điều chỉnh', 'Điều 2. Đối tượng áp dụng']);
    expect(json.sections[1].comments[0]).toMatchObject({ commenter: 'N.T.L.', decisionLabel: 'Tiếp thu', explanation: 'Đã bổ sung chợ đầu mối tại khoản 1 Điều 1.' });
    expect(json.sections[0].comments[0].commenter).toBe('Hiệp hội Doanh nghiệp tỉnh Quảng Trị');
    expect(JSON.stringify(json)).not.toMatch(/lan@example|Nguyễn Thị Lan|Nên cho hiệu lực/);
    expect(json.agencies.find((a: { unit: string }) => a.unit === 'Sở Xây dựng')).toMatchObject({ late: true, reply: 'Sở Xây dựng góp ý về quy hoạch chợ.' });
    expect(json.agencies.find((a: { unit: string }) => a.unit === 'Sở Tư pháp')).toMatchObject({ late: false, file: 'Công văn góp ý.pdf' });

    const download = async (format: string) => {
      const res = await fetch(new URL(`/api/qa/consultations/${id}/report?format=${format}`, t.url), { headers: { 'x-cong-tenant': DRAFTING, [TEST_PRINCIPAL_HEADER]: JSON.stringify({ id: 'cv', permissions: [MANAGE] }) } });
      expect(res.status, await res.clone().text()).toBe(200);
      expect(decodeURIComponent(res.headers.get('content-disposition')!.split("UTF-8''")[1]!)).toMatch(new RegExp(`^Báo cáo tiếp thu giải trình - Dự thảo Quyết định.*\\.${format}$`));
      return { type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
    };
    const docx = await download('docx');
    expect(docx.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = fflate.strFromU8(fflate.unzipSync(docx.bytes)['word/document.xml']!);
    const wordText = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    for (const text of ['BÁO CÁO', 'Tiếp thu, giải trình ý kiến góp ý', 'Điều 1. Phạm vi điều chỉnh', 'N.T.L.', 'Đề nghị bổ sung chợ đầu mối', 'Đã bổ sung chợ đầu mối tại khoản 1 Điều 1.', 'Tiếp thu một phần', 'Sở Tư pháp thống nhất với dự thảo', '(quá hạn)']) {
      expect(wordText).toContain(text);
    }
    expect(wordText).toContain('&lt;script&gt;'); // escaped XML text, not markup
    const pdf = await download('pdf');
    expect(pdf.type).toBe('application/pdf');
    const pdfjs = (await import(pathToFileURL(pdfjsPath).href)) as PdfJs;
    const loaded = await pdfjs.getDocument({ data: pdf.bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
    let pdfText = '';
    for (let n = 1; n <= loaded.numPages; n++) pdfText += (await (await loaded.getPage(n)).getTextContent()).items.map((i) => i.str ?? '').join(' ');
    await loaded.destroy();
    const flat = pdfText.replace(/\s+/g, ' ');
    for (const text of ['BÁO CÁO', 'N.T.L.', 'chợ đầu mối', 'Tiếp thu', 'Sở Tư pháp']) expect(flat).toContain(text);
    const csv = new TextDecoder().decode((await download('csv')).bytes);
    expect(csv).toContain('"Điều 1. Phạm vi điều chỉnh","N.T.L.","Đề nghị bổ sung chợ đầu mối vào phạm vi điều chỉnh.","Tiếp thu"');

    // The public report waits for the outcome.
    expect((await t.client.get(`${pagePath}/bao-cao-tiep-thu/pdf`)).status).toBe(404);
    const published = ok(await manager().post(`/api/qa/consultations/${id}/publish-outcome`, { summary: 'Ủy ban nhân dân tỉnh đã tiếp thu 2/3 ý kiến; dự thảo được hoàn thiện và trình ban hành.' }));
    expect(published).toMatchObject({ phase: 'outcome-published', outcome: { summary: expect.stringContaining('2/3 ý kiến') } });
    expect(ok(await manager().put(`/api/qa/consultations/${id}/comments/${byEmail('lan@example.vn')}/reply`, { decision: 'partly', explanation: 'x' }), 409).code).toBe('QA_ERR_CONSULTATION_PHASE');
    const outcomePage = await t.client.get(pagePath);
    expect(outcomePage.text).toContain('Đã công bố kết quả');
    expect(outcomePage.text).toContain(`${pagePath}/bao-cao-tiep-thu/pdf`);
    expect(outcomePage.text).toContain('Đã bổ sung chợ đầu mối');
    const publicPdf = await t.client.get(`${pagePath}/bao-cao-tiep-thu/pdf`);
    expect(publicPdf.status).toBe(200);
    expect(publicPdf.headers.get('content-type')).toBe('application/pdf');
    expect((await t.client.get(`/t/${PROVINCE}/gop-y-du-thao`)).text.indexOf(created.slug)).toBeGreaterThan((await t.client.get(`/t/${PROVINCE}/gop-y-du-thao`)).text.indexOf('Đã công bố kết quả'));

    // Every step is audited, without the public's personal data.
    const audit = ok(await as('kiem-tra', ['core.audit.read'], DRAFTING).get('/api/core/audit', { query: { objectId: id, limit: 100 } }));
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['qa.consultation.create', 'qa.consultation.announce', 'qa.consultation.comment.approve', 'qa.consultation.comment.reject', 'qa.consultation.comment.reply', 'qa.consultation.publish-outcome']));
    expect(JSON.stringify(audit.items)).not.toMatch(/@example\.vn|Nguyễn Thị Lan/);
  });

  it('keeps a draft that is announced but not yet open closed to comments, ', async () => {
    const created = ok(await manager().post('/api/qa/consultations', consultation({ opensOn: dayPlus(2), closesOn: dayPlus(30), documentType: 'nq-hdnd', otherConsultees: [] })), 201);
    expect(created.consultees).toHaveLength(0); // built-in consultees are for decisions of the People's Committee unless named
    // Before it opens, staff may move the days (checked again) and change the texts; another unit may not.
    const moved = ok(await manager().patch(`/api/qa/consultations/${created.id}`, { opensOn: dayPlus(3), closesOn: dayPlus(40), title: 'Dự thảo Nghị quyết về phí chợ' }));
    expect(moved).toMatchObject({ opensOn: dayPlus(3), closesOn: dayPlus(40), title: 'Dự thảo Nghị quyết về phí chợ' });
    const tooShort = ok(await manager().patch(`/api/qa/consultations/${created.id}`, { closesOn: dayPlus(10) }), 400);
    expect([tooShort.code, tooShort.errors[0].pointer]).toEqual(['QA_ERR_CONSULTATION_PERIOD', '/closesOn']);
    expect(ok(await manager().patch(`/api/qa/consultations/${created.id}`, {}), 400).code).toBeDefined();
    expect((await manager('so-y-te').patch(`/api/qa/consultations/${created.id}`, { title: 'Của đơn vị khác' })).status).toBe(404);
    const notYet = await t.client.get(`/t/${DRAFTING}/gop-y-du-thao/${created.slug}`);
    expect(notYet.status).toBe(404);
    expect(notYet.headers.get('content-type')).toMatch(/^text\/html/);
    ok(await manager().post(`/api/qa/consultations/${created.id}/announce`));
    const page = await t.client.get(`/t/${DRAFTING}/gop-y-du-thao/${created.slug}`);
    expect(page.text).toContain('Sắp lấy ý kiến');
    expect(page.text).not.toContain('name="formToken"');
    expect((await form(`/t/${DRAFTING}/gop-y-du-thao/${created.slug}/gop-y`, { formToken: 'x', name: 'A', email: 'a@example.vn', body: 'Sớm quá' })).status).toBe(409);
  });
});
