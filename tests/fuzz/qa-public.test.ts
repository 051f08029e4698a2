import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDatabase, parseDatabaseUrl, type Database } from '@cong/core/testing';
import { createTestPlatform, type TestClient, type TestPlatform, type TestResponse } from '@cong/sdk/testing';
import { describeEachDialect } from '../../core/src/testing/describe-each-dialect.js';
import { ANSWER, BYPASS, linkToken, ok, PROVINCE, QA, question, sleep, TRIAGE } from '../../plugins/qa/test/qa-support.js';
import { SmtpSink } from '../support/smtp-sink.js';

// Issue 8, acceptance 2 (SECURITY.md §6.4): every public route of the Q&A plugin — the widget's JSON
// API under /api/qa/public and the server-rendered pages (/hoi-dap, /gop-y-du-thao, /doi-thoai), read
// from /openapi.json so new routes are fuzzed as they come — gets one mutated input per run from the
// catalogue's families. Never a 5xx; a refusal is a problem document or an HTML error page; a refused
// request leaves every qa_ table as it was; a page never reflects a payload as markup. Then the XSS
// corpus goes through the real flows (question → answer → publication, a consultation comment, a
// dialogue question and its answer) and every public page that shows it must show it as text.

const RUNS = Number(process.env.CONG_FUZZ_RUNS ?? 30);
const APPROVE = 'qa.answers.approve';
const PUBLISH = 'qa.answers.publish';
const CONSULT = 'qa.consultations.manage';
const DIALOGUE = 'qa.dialogues.manage';
const AGENCY = 'so-xay-dung';
const ORGANISER = 'so-cong-thuong';
const FORM_TOKEN = /name="formToken" value="([^"]+)"/;
const COMMENT_LINK = /\/gop-y-du-thao\/xac-nhan\/([A-Za-z0-9_-]{43})/;
const DIALOGUE_LINK = /\/doi-thoai\/xac-nhan\/([A-Za-z0-9_-]{43})/;

/** SECURITY.md §6.4 family 4: the sanitize-html advisories' payloads and their relatives, each tagged to find it on a page. */
const XSS_CORPUS: readonly string[] = [
  '<script>alert("x1")</script>',
  '<img src=x onerror=alert("x2")>',
  '<a href="javascript:alert(\'x3\')">x3</a>',
  '<a href="jav&#x09;ascript:alert(\'x4\')">x4</a>',
  '<a href="&#0000106&#0000097vascript:alert(\'x5\')">x5</a>',
  '<xmp><script>alert("x6")</script></xmp>',
  '<svg></p><textarea><title><style></textarea><img src=x onerror=alert("x7")>',
  '<math><mi><style><img src=x onerror=alert("x8")></style></mi></math>',
  '<iframe src="javascript:alert(\'x9\')"></iframe>',
  '<div style="background:url(javascript:alert(\'x10\'))">x10</div>',
  '<form><button formaction="javascript:alert(\'x11\')">x11</button></form>',
  '<noscript><p title="</noscript><img src=x onerror=alert(\'x12\')>">',
  '<img srcset="x 1x, javascript:alert(\'x13\') 2x">',
  '<object data="data:text/html,<script>alert(\'x14\')</script>"></object>',
  '<svg><use href="data:image/svg+xml,<svg id=\'x\' xmlns=\'http://www.w3.org/2000/svg\'><image href=\'1\' onerror=\'alert(15)\'/></svg>#x"/></svg>',
  '<img id="__proto__" name="cookie" src=x16>',
  '"><script>alert("x17")</script>',
  "' autofocus onfocus='alert(18)' x='",
  '</textarea><script>alert("x19")</script>',
  '</title><script>alert("x20")</script>',
];
const TEMPLATE = ['{{7*7}}', '${7*7}', '<%= 7*7 %>', "{{constructor.constructor('return process')()}}"];

/** Strings from every family of SECURITY.md §6.4 that go into a text field, a query or a path segment. */
const FAMILIES: Record<string, readonly string[]> = {
  boundaries: ['', ' ', 'a', 'x'.repeat(201), 'x'.repeat(5001), 'ễ'.repeat(10_001), '-0', '1e308', '9007199254740993', '-1', '1.5', '2024-02-30', '0001-01-01', '9999-12-31', '2026-11-29T25:61:00+14:30'],
  unicode: [
    'Nguye\u0302\u0303n Thị Lan', // NFD "Nguyễn"
    'Nguyễn'.normalize('NFD').repeat(3),
    'a\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030a\u030b\u030c',
    'zero\u200bwidth\u200djoin\ufeffbom',
    'ok\u202Egpj.exe',
    'nul\u0000byte',
    '\ud800',
    'a\udfffb',
    'Câu hỏi 😀👨‍👩‍👧‍👦 𝕏 𠀀',
    'quаng-tri', // Cyrillic а: a homoglyph slug
  ],
  xss: XSS_CORPUS,
  injection: ["' OR 1=1 --", '" OR ""="', '%', '_', '\\', '%_%\\', 'dat"', 'NEAR(dat dai)', 'title:dat', 'dat*', '^dat', '+dat -dai', '<dat>', '(dat)', '~dat', '"dat dai"', '@dat', '$where', 't1.password', 'author.password_hash'],
  template: TEMPLATE,
  email: ['"a@evil.com x"@tinh.gov.vn', 'u@good.vn(x)evil.com', 'a@b.vn\r\nBcc: x@y.vn', 'a@xn--qung-tri-b2a.vn', 'a@quаngtri.gov.vn', 'a@@b.vn', '@b.vn', 'a@'],
  url: ['//evil.example', '/\\evil.example', 'http\\://evil.example', 'javascript:alert(1)', 'http://127.0.0.1:6379/', 'http://[::1]/', 'http://169.254.169.254/latest/meta-data/', 'gopher://127.0.0.1:25/', 'file:///etc/passwd', 'data:text/html,<script>alert(1)</script>'],
};
const ALL_STRINGS = Object.values(FAMILIES).flat();
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'tenant_id', 'role', 'isAdmin', 'ownerId', 'user_group', '0) OR 1=1 --', 't1.password', 'status', 'trackingCode'];
const WRONG_TYPES: unknown[] = [null, 0, -1, 1e308, true, [], {}, ['a'], { $where: '1' }];

type Operation = { method: string; path: string; op: any };
type Probe = { path: string; rawBody?: string; headers: Record<string, string>; payload?: string };

interface Ctx {
  t: TestPlatform;
  sink: SmtpSink;
  seen: number;
}

async function startPlatform(dialect: 'sqlite' | 'mysql', limits: Record<string, unknown> = {}): Promise<Ctx> {
  const sink = new SmtpSink();
  await sink.listen();
  const lots = { points: 5000, durationSeconds: 3600 };
  const t = await createTestPlatform({
    plugins: [QA],
    database: dialect,
    config: {
      demo: true,
      http: { port: 0, host: '127.0.0.1', rateLimitBypassKeys: [BYPASS] },
      mail: { from: 'Cổng thông tin tỉnh Quảng Trị <hoidap@quangtri.gov.vn>', smtp: { host: '127.0.0.1', port: sink.port } },
      pluginConfig: {
        qa: {
          questions: { minFillSeconds: 1, submitPerAddress: lots, verifyPerAddress: lots, statusPerAddress: lots, submitPerEmail: lots, ...limits },
          consultations: { minFillSeconds: 1, commentPerAddress: lots, verifyPerAddress: lots, reportPerAddress: lots, commentPerEmail: lots },
          dialogues: { minFillSeconds: 1, askPerAddress: lots, verifyPerAddress: lots, askPerEmail: lots },
        },
      },
    },
  });
  expect(t.report.plugins.find((p) => p.id === 'qa')?.state, JSON.stringify(t.report.plugins)).toBe('started');
  return { t, sink, seen: 0 };
}

/** A client that names `unit` in X-Cong-Tenant. */
function inUnit(client: TestClient, unit: string): TestClient {
  const h = { 'x-cong-tenant': unit };
  return {
    ...client,
    request: (m, p, o = {}) => client.request(m, p, { ...o, headers: { ...h, ...o.headers } }),
    get: (p, o = {}) => client.get(p, { ...o, headers: { ...h, ...o.headers } }),
    post: (p, b, o = {}) => client.post(p, b, { ...o, headers: { ...h, ...o.headers } }),
    put: (p, b, o = {}) => client.put(p, b, { ...o, headers: { ...h, ...o.headers } }),
    patch: (p, b, o = {}) => client.patch(p, b, { ...o, headers: { ...h, ...o.headers } }),
    delete: (p, o = {}) => client.delete(p, { ...o, headers: { ...h, ...o.headers } }),
  };
}

/** A page shows `payloads` as text: none of them, nor a tag it carries, comes out as markup. */
function expectEscaped(page: TestResponse, payloads: readonly string[], where: string): void {
  expect(page.headers.get('content-type'), where).toMatch(/^text\/html/);
  // JSON-LD is data, not markup: a quote in it is JSON's business; it must only never close its element.
  const jsonLd = [...page.text.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  for (const data of jsonLd) {
    expect(data, where).not.toMatch(/<\/|<!--/);
    expect(() => JSON.parse(data), where).not.toThrow();
  }
  const html = page.text.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g, '<script type="application/ld+json"></script>');
  for (const payload of payloads) {
    if (/[<>"']/.test(payload)) expect(html.includes(payload), `${where} shows ${payload} as markup`).toBe(false);
    for (const tag of payload.match(/<\/?[a-z][a-z0-9]*/gi) ?? []) {
      // The page's own markup has these tags, never next to a payload's marker. The marker stands
      // alone (`x3`, not the `…x3…` a random tracking code or token on the page may hold).
      const marker = /x\d+|alert\(\d+\)/.exec(payload)?.[0];
      if (marker) expect(new RegExp(`${tag}[^>]*(?<![A-Za-z0-9])${marker.replace(/[()]/g, '\\$&')}(?![A-Za-z0-9])`).test(html), `${where}: ${tag} … ${marker}`).toBe(false);
    }
  }
  // The page's own elements, read attribute by attribute (escaped values hold no raw quote): no
  // element or attribute came from the payloads.
  for (const { tag, attributes } of elementsOf(html)) {
    const at = `${where}: <${tag} ${attributes.map(([n, v]) => `${n}="${v}"`).join(' ')}>`;
    // The pages' own scripts are JSON-LD, or a file of the site (progressive enhancement, allowed by the CSP).
    const ownScript = tag === 'script' && attributes.some(([n, v]) => (n === 'type' && v === 'application/ld+json') || (n === 'src' && /^\/(?![/\\])/.test(v)));
    expect(['script', 'iframe', 'object', 'embed', 'xmp', 'math', 'svg', 'noscript', 'use', 'image', 'img'].includes(tag) && !ownScript, at).toBe(false);
    for (const [name, value] of attributes) {
      expect(/^on/.test(name) || name === 'srcset' || name === 'autofocus', at).toBe(false);
      if (['href', 'src', 'action', 'formaction', 'data'].includes(name)) expect(/^\s*(javascript|data|vbscript):/i.test(value), at).toBe(false);
      if (name === 'id' || name === 'name') expect(['__proto__', 'cookie', 'constructor'], at).not.toContain(value);
    }
  }
}

describeEachDialect('Q&A public routes: the XSS corpus through the real flows, and bad input on every route', (dialect) => {
  let c: Ctx;
  let db: Database;
  let tables: string[] = [];
  let questionToken = '';
  let published = { slug: '', code: '', email: '' };
  let consultationSlug = '';
  let dialogueSlug = '';
  const staff = (id: string, permissions: string[], unit: string) => inUnit(c.t.client.as({ id, permissions }), unit);
  const anon = (unit = PROVINCE) => inUnit(c.t.client, unit);
  const deliver = async () => {
    await c.t.drainJobs();
    const fresh = c.sink.received.slice(c.seen);
    c.seen = c.sink.received.length;
    return fresh;
  };
  const form = (path: string, fields: Record<string, string>) =>
    c.t.client.request('POST', path, { rawBody: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  const counts = async (): Promise<number[]> => {
    const row = (await sql<Record<string, number | string>>`select ${sql.join(tables.map((name, i) => sql`(select count(*) from ${sql.table(name)}) as ${sql.ref(`c${i}`)}`))}`.execute(db.kysely)).rows[0]!;
    return tables.map((_, i) => Number(row[`c${i}`]));
  };

  beforeAll(async () => {
    c = await startPlatform(dialect);
    db = await createDatabase(parseDatabaseUrl(c.t.databaseUrl, process.cwd()));
    const listed =
      dialect === 'sqlite'
        ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name like 'qa\_%' escape '\\'`.execute(db.kysely)
        : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = database() and table_name like 'qa\\_%'`.execute(db.kysely);
    // qa_secrets is left out: each area makes its signing key on first use (a form's token), which a
    // refused request may be the first to need; it is made once and holds nothing of the request.
    tables = listed.rows.map((r) => r.name).filter((name) => name !== 'qa_secrets').sort();
    questionToken = ok(await anon().get('/api/qa/public/form')).formToken;
    await sleep(1100); // the forms' minimum fill time (1 s here)
  });
  afterAll(async () => {
    await db?.destroy();
    await c?.t.stop();
    await c?.sink.close();
  });

  it('lists every qa_ table the counts watch', () => {
    expect(tables).toEqual(expect.arrayContaining(['qa_questions', 'qa_question_events', 'qa_answers', 'qa_publications', 'qa_consultation_comments', 'qa_dialogue_questions']));
  });

  it('takes NFD text and 4-byte emoji through a submission: stored NFC, the emoji intact (no utf8mb3 column)', async () => {
    const nfd = 'Nguyễn Thị Lan'.normalize('NFD');
    const title = 'Hỏi về đất đai 😀 𠀀 👨‍👩‍👧'.normalize('NFD');
    const sent = ok(await anon().post('/api/qa/public/questions', question(questionToken, { name: nfd, title, content: `${title} — nội dung câu hỏi đủ dài 🙏`, email: 'nfd@example.vn' }), { headers: { 'x-cong-rate-limit-bypass': BYPASS } }), 202);
    const row = await db.kysely.selectFrom('qa_questions' as never).select(['asker_name', 'title', 'content'] as never).where('id' as never, '=', sent.id as never).executeTakeFirstOrThrow() as { asker_name: string; title: string; content: string };
    expect(row.asker_name).toBe('Nguyễn Thị Lan'.normalize('NFC'));
    expect(row.title).toBe(title.normalize('NFC'));
    expect(row.content).toContain('🙏');
    await deliver();
  });

  it('question → answer → publication: the corpus is text on the form, the confirm page, the status page, the list, the search and the Q&A page', async () => {
    // The form sent without JavaScript with every field hostile and one problem: the values come back escaped.
    const refused = await form(`/t/${PROVINCE}/hoi-dap/gui-cau-hoi`, { formToken: questionToken, name: XSS_CORPUS[1]!, email: 'không-hợp-lệ', title: XSS_CORPUS[16]!, content: XSS_CORPUS.join(' '), address: XSS_CORPUS[17]!, consentProcessing: 'on', website: '' });
    expect(refused.status).toBe(400);
    expectEscaped(refused, XSS_CORPUS, 'the form sent back');

    const email = 'xss-asker@example.vn';
    const title = `Hỏi về đất đai ${XSS_CORPUS[0]} ${XSS_CORPUS[16]} ${TEMPLATE[0]}`;
    const content = `Nội dung: ${XSS_CORPUS.join(' ')} ${TEMPLATE.join(' ')}`;
    const sent = ok(await anon().post('/api/qa/public/questions', question(questionToken, { email, name: `${XSS_CORPUS[1]} Kẻ Xấu`, title, content, address: XSS_CORPUS[17] })), 202);
    const [mail] = await deliver();
    const token = linkToken(mail!.text);
    expectEscaped(await c.t.client.get(`/t/${PROVINCE}/hoi-dap/xac-nhan/${token}`), XSS_CORPUS, 'the confirm page');
    const confirmed = await c.t.client.post(`/t/${PROVINCE}/hoi-dap/xac-nhan/${token}`);
    expect(confirmed.status).toBe(200);
    const code = /HD-\d{4}-[0-9A-Z]{6}/.exec(confirmed.text)![0];
    await deliver();

    ok(await staff('board', [TRIAGE], PROVINCE).post(`/api/qa/questions/${sent.id}/forward`, { agency: AGENCY, note: XSS_CORPUS[2] }));
    const clerk = staff('clerk', [ANSWER], AGENCY);
    const answer = `Trả lời: ${XSS_CORPUS.join(' ')} ${TEMPLATE.join(' ')}`;
    ok(await clerk.put(`/api/qa/inbox/${sent.id}/answer`, { body: answer }));
    ok(await clerk.post(`/api/qa/inbox/${sent.id}/answer/submit`));
    ok(await staff('leader', [APPROVE], AGENCY).post(`/api/qa/inbox/${sent.id}/answer/approve`));
    await deliver();
    const status = await form(`/t/${PROVINCE}/hoi-dap/tra-cuu`, { trackingCode: code, email });
    expect(status.status).toBe(200);
    expect(status.text).toContain('x17'); // the answer is on the status page
    expectEscaped(status, XSS_CORPUS, 'the status page');

    const publisher = staff('bien-tap', [PUBLISH], PROVINCE);
    const review = ok(await publisher.get(`/api/qa/publications/${sent.id}`));
    ok(await publisher.put(`/api/qa/publications/${sent.id}`, { title: review.proposal.title, question: review.proposal.question, answer }));
    const pub = ok(await publisher.post(`/api/qa/publications/${sent.id}/publish`));
    published = { slug: pub.slug, code, email };

    const list = await c.t.client.get(`/t/${PROVINCE}/hoi-dap`);
    expect(list.text).toContain(pub.slug);
    expectEscaped(list, XSS_CORPUS, 'the Q&A list');
    const searched = await c.t.client.get(`/t/${PROVINCE}/hoi-dap?q=${encodeURIComponent('hoi ve dat dai')}`);
    expect(searched.text).toContain(pub.slug);
    expectEscaped(searched, XSS_CORPUS, 'the search');
    // The query itself is shown back in the search box.
    const hostileQuery = await c.t.client.get(`/t/${PROVINCE}/hoi-dap?q=${encodeURIComponent(XSS_CORPUS[16]!)}`);
    expect(hostileQuery.status).toBe(200);
    expectEscaped(hostileQuery, XSS_CORPUS, 'a hostile search');
    const item = await c.t.client.get(`/t/${PROVINCE}/hoi-dap/${pub.slug}`);
    expect(item.status).toBe(200);
    expect(item.text).toContain('{{7*7}}'); // templates stay literal
    expect(item.text).not.toContain('>49<');
    expectEscaped(item, XSS_CORPUS, 'the Q&A page');
  });

  it('consultation comment: the corpus is text on the consultation page, with the drafting unit’s own text hostile too', async () => {
    const dayPlus = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
    const manager = staff('cv', [CONSULT], ORGANISER);
    const created = ok(
      await manager.post('/api/qa/consultations', {
        title: `Dự thảo Quy định quản lý chợ ${XSS_CORPUS[16]}`,
        documentType: 'qd-ubnd',
        summary: `Tóm tắt ${XSS_CORPUS[6]}`,
        opensOn: dayPlus(0),
        closesOn: dayPlus(10),
        contact: { address: 'Số 204 Hùng Vương, phường Đông Hà', email: 'phongql@quangtri.gov.vn', phone: '0233 3852 222' },
        text: ['QUYẾT ĐỊNH', 'Điều 1. Phạm vi điều chỉnh', `Quy định này ${XSS_CORPUS[0]}.`, 'Điều 2. Đối tượng áp dụng', 'Tổ chức, cá nhân kinh doanh tại chợ.'].join('\n'),
      }),
      201,
    );
    ok(await manager.post(`/api/qa/consultations/${created.id}/announce`));
    consultationSlug = created.slug;
    const pagePath = `/t/${PROVINCE}/gop-y-du-thao/${created.slug}`;
    const page = await c.t.client.get(pagePath);
    expectEscaped(page, XSS_CORPUS, 'the consultation page');
    const formToken = FORM_TOKEN.exec(page.text)![1]!;
    await sleep(1100);
    const sent = await form(`${pagePath}/gop-y`, { formToken, website: '', name: `${XSS_CORPUS[1]} Kẻ Xấu`, organisation: XSS_CORPUS[16]!, email: 'xau@example.vn', body: `${XSS_CORPUS.join(' ')} ${TEMPLATE.join(' ')}` });
    expect(sent.status, sent.text).toBe(200);
    const token = COMMENT_LINK.exec((await deliver())[0]!.text)![1]!;
    expectEscaped(await c.t.client.get(`/t/${PROVINCE}/gop-y-du-thao/xac-nhan/${token}`), XSS_CORPUS, 'the comment confirm page');
    expect((await c.t.client.post(`/t/${PROVINCE}/gop-y-du-thao/xac-nhan/${token}`)).status).toBe(200);
    const pending = ok(await manager.get(`/api/qa/consultations/${created.id}/comments`, { query: { status: 'pending' } })).items as { id: string }[];
    for (const comment of pending) ok(await manager.post(`/api/qa/consultations/${created.id}/comments/${comment.id}/approve`, {}));
    const shown = await c.t.client.get(pagePath);
    expect(shown.text).toContain('x19');
    expectEscaped(shown, XSS_CORPUS, 'the consultation page with the comment');
    expectEscaped(await c.t.client.get(`/t/${PROVINCE}/gop-y-du-thao`), XSS_CORPUS, 'the consultation list');
  });

  it('dialogue question: the corpus is text on the event page and the list, asked before and answered live', async () => {
    const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
    const organiser = staff('cv-dt', [DIALOGUE], ORGANISER);
    const created = ok(
      await organiser.post('/api/qa/dialogues', {
        title: `Giao lưu trực tuyến ${XSS_CORPUS[16]}`,
        field: 'dat-dai',
        description: `Mô tả ${XSS_CORPUS[11]}`,
        guests: [{ name: `Nguyễn Văn An ${XSS_CORPUS[1]}`, position: XSS_CORPUS[17]!, unit: 'Sở Công Thương' }],
        startsAt: inHours(48),
        endsAt: inHours(50),
        livestreamUrl: 'https://truyenhinh.quangtri.gov.vn/truc-tiep',
      }),
      201,
    );
    dialogueSlug = created.slug;
    const pagePath = `/t/${PROVINCE}/doi-thoai/${created.slug}`;
    const page = await c.t.client.get(pagePath);
    expectEscaped(page, XSS_CORPUS, 'the event page');
    const formToken = FORM_TOKEN.exec(page.text)![1]!;
    await sleep(1100);
    const sent = await form(`${pagePath}/dat-cau-hoi`, { formToken, website: '', consentProcessing: 'on', name: `${XSS_CORPUS[1]} Kẻ Xấu`, email: 'xau-dt@example.vn', content: `${XSS_CORPUS.slice(0, 12).join(' ')} ${TEMPLATE[3]}` });
    expect(sent.status, sent.text).toBe(200);
    const token = DIALOGUE_LINK.exec((await deliver())[0]!.text)![1]!;
    expectEscaped(await c.t.client.get(`/t/${PROVINCE}/doi-thoai/xac-nhan/${token}`), XSS_CORPUS, 'the dialogue confirm page');
    expect((await c.t.client.post(`/t/${PROVINCE}/doi-thoai/xac-nhan/${token}`)).status).toBe(200);
    const [asked] = ok(await organiser.get(`/api/qa/dialogues/${created.id}/questions`, { query: { status: 'pending' } })).items as { id: string }[];
    ok(await organiser.post(`/api/qa/dialogues/${created.id}/questions/${asked!.id}/approve`, {}));
    ok(await organiser.post(`/api/qa/dialogues/${created.id}/start`));
    ok(await organiser.put(`/api/qa/dialogues/${created.id}/questions/${asked!.id}/answer`, { guestId: created.guests[0].id, text: `Trả lời ${XSS_CORPUS.slice(12).join(' ')}` }));
    const shown = await c.t.client.get(pagePath);
    expect(shown.text).toContain('x19');
    expectEscaped(shown, XSS_CORPUS, 'the live event page');
    expectEscaped(await c.t.client.get(`/t/${PROVINCE}/doi-thoai`), XSS_CORPUS, 'the event list');
  });

  it('answers mutated input on every public route without a 5xx, refuses with a problem or an HTML page, and writes nothing when it refuses', async () => {
    const doc = (await c.t.client.get('/openapi.json')).body;
    const operations: Operation[] = Object.entries(doc.paths as Record<string, Record<string, any>>)
      .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method, path, op })))
      .filter((o) => !o.op['x-cong-permission'] && (o.path.startsWith('/api/qa/public/') || /^\/(hoi-dap|gop-y|doi-thoai)/.test(o.path)));
    const routes = operations.map((o) => `${o.method.toUpperCase()} ${o.path}`);
    expect(routes).toEqual(
      expect.arrayContaining(['POST /api/qa/public/questions', 'POST /hoi-dap/gui-cau-hoi', 'GET /hoi-dap', 'GET /hoi-dap/{slug}', 'POST /gop-y-du-thao/{slug}/gop-y', 'POST /doi-thoai/{slug}/dat-cau-hoi', 'POST /api/qa/public/rating']),
    );
    const consultationToken = FORM_TOKEN.exec((await c.t.client.get(`/t/${PROVINCE}/gop-y-du-thao/${consultationSlug}`)).text)![1]!;
    const dialogueToken = FORM_TOKEN.exec((await c.t.client.get(`/t/${PROVINCE}/doi-thoai/${dialogueSlug}`)).text)![1]!;
    await sleep(1100);
    const tokenFor = (path: string) => (path.startsWith('/gop-y') ? consultationToken : path.startsWith('/doi-thoai') ? dialogueToken : questionToken);
    const sampleFor = (path: string): Record<string, unknown> => ({
      name: 'Nguyễn Thị Lan',
      email: published.email,
      phone: '0912 345 678',
      address: 'Số 12 Hùng Vương, phường Đông Hà',
      field: 'dat-dai',
      title: 'Thủ tục cấp giấy chứng nhận lần đầu',
      content: 'Xin hỏi hồ sơ và thời hạn cấp giấy chứng nhận quyền sử dụng đất lần đầu?',
      consentProcessing: true,
      consentPublish: true,
      website: '',
      formToken: tokenFor(path),
      trackingCode: published.code,
      message: 'Tôi xin bổ sung thông tin như sau: thửa đất số 12.',
      token: 'A'.repeat(43),
      score: 5,
      comment: 'Cảm ơn cơ quan.',
      body: 'Đề nghị bổ sung chợ đầu mối vào phạm vi điều chỉnh.',
      organisation: 'Hiệp hội Doanh nghiệp',
    });
    const segmentFor = (path: string, name: string) =>
      name === 'slug' ? (path.startsWith('/gop-y') ? consultationSlug : path.startsWith('/doi-thoai') ? dialogueSlug : published.slug) : name === 'format' ? 'pdf' : name === 'token' ? 'A'.repeat(43) : '7d3f3c7e-3b1a-4a53-9a51-0f5d3c2b1a00';

    const before = await counts();
    let requests = 0;
    for (const operation of operations) {
      await fc.assert(
        fc.asyncProperty(mutation(operation, sampleFor(operation.path), (name) => segmentFor(operation.path, name)), async (probe) => {
          requests++;
          const start = await counts();
          const res = await c.t.client.request(operation.method, probe.path, {
            ...(probe.rawBody !== undefined ? { rawBody: probe.rawBody } : {}),
            headers: { 'x-cong-rate-limit-bypass': BYPASS, 'x-cong-tenant': PROVINCE, ...probe.headers },
          });
          const where = `${operation.method.toUpperCase()} ${probe.path.slice(0, 200)} ${String(probe.rawBody).slice(0, 200)} → ${res.status}`;
          expect(res.status, `${where} ${res.text.slice(0, 300)}`).toBeLessThan(500);
          const type = res.headers.get('content-type') ?? '';
          if (res.status >= 400) {
            expect(type, where).toMatch(/^(application\/problem\+json|text\/html)/);
            if (type.startsWith('application/problem+json')) {
              expect(res.body.code, where).toMatch(/^[A-Z]+_ERR_[A-Z_]+$/);
              expect(res.body.status, where).toBe(res.status);
            }
            const end = await counts();
            const changed = tables.filter((_, i) => end[i] !== start[i]).map((name) => `${name} ${start[tables.indexOf(name)]}→${end[tables.indexOf(name)]}`);
            expect(changed, `${where}: a refused request wrote`).toEqual([]);
          }
          // A catalogue payload with markup in it (a random or one-character string proves nothing: every page has `<`).
          if (type.startsWith('text/html') && probe.payload && probe.payload.length >= 6 && ALL_STRINGS.includes(probe.payload) && /[<>"']/.test(probe.payload)) {
            expect(res.text.includes(probe.payload), `${where} reflects ${probe.payload} as markup`).toBe(false);
          }
        }),
        { numRuns: RUNS },
      );
    }
    expect(requests).toBeGreaterThan(operations.length * (RUNS - 1));
    // Accepted inputs (a question with an NFD name or 4-byte emoji is a good question) may add rows; the
    // per-request check above is the one that matters. Nothing is lost either way.
    const after = await counts();
    after.forEach((n, i) => expect(n, tables[i]).toBeGreaterThanOrEqual(before[i]!));
  }, 600_000);
});

describeEachDialect('Q&A rate limits: one bucket per route, whatever the path variant', (dialect) => {
  let c: Ctx;
  beforeAll(async () => {
    c = await startPlatform(dialect, { submitPerAddress: { points: 3, durationSeconds: 3600 }, statusPerAddress: { points: 3, durationSeconds: 3600 } });
  });
  afterAll(async () => {
    await c?.t.stop();
    await c?.sink.close();
  });

  it('counts the form page’s path variants (host, /t/<slug>/, case, trailing slash) against one bucket, and the bypass key lifts it', async () => {
    // Sent with the unit's own host (localhost: the demo province's primary host), as a browser does.
    const post = (path: string, headers: Record<string, string> = {}) => rawPost(c.t.url, path, 'name=A', { host: 'localhost', 'content-type': 'application/x-www-form-urlencoded', ...headers });
    const variants = ['/hoi-dap/gui-cau-hoi', '/hoi-dap/gui-cau-hoi/', '/HOI-DAP/Gui-Cau-Hoi', `/t/${PROVINCE}/hoi-dap/gui-cau-hoi`, `/t/${PROVINCE}/Hoi-Dap/gui-cau-hoi/`, '/hoi-dap//gui-cau-hoi', '/hoi-dap/gui-cau-hoi%2F'];
    const seen: string[] = [];
    for (const path of variants) {
      const res = await post(path);
      seen.push(`${path} ${res.status}`);
      // Every variant is refused: the form's problems (400) while points are left, then 429; or it
      // reaches no handler at all (404, or 405 for a path that only a GET route matches). None reaches
      // the handler past the limit.
      expect([400, 404, 405, 429], seen.join(', ')).toContain(res.status);
      expect(res.type, seen.join(', ')).toMatch(/^(text\/html|application\/problem\+json)/);
    }
    const handled = seen.filter((s) => / (400|429)$/.test(s));
    expect(handled.filter((s) => s.endsWith(' 400')), seen.join(', ')).toHaveLength(3);
    expect(seen.slice(0, 5).map((s) => s.split(' ')[1]), seen.join(', ')).toEqual(['400', '400', '400', '429', '429']);
    const limited = await post('/hoi-dap/gui-cau-hoi');
    expect(limited.status).toBe(429);
    expect(limited.retryAfter).toMatch(/^\d+$/);
    // The bench key lifts the limit (and a wrong key does not).
    expect((await post('/hoi-dap/gui-cau-hoi', { 'x-cong-rate-limit-bypass': 'wrong-key-0123456789abcdef0123456789abcdef' })).status).toBe(429);
    expect((await post('/hoi-dap/gui-cau-hoi', { 'x-cong-rate-limit-bypass': BYPASS })).status).toBe(400);
  });

  it('counts the JSON status look-up’s path variants against one bucket', async () => {
    const body = JSON.stringify({ trackingCode: 'HD-2026-ABCDEF', email: 'a@example.vn' });
    const post = (path: string) => rawPost(c.t.url, path, body, { host: 'localhost', 'content-type': 'application/json' });
    const seen: string[] = [];
    for (const path of ['/api/qa/public/status', '/api/qa/public/status/', '/api/qa/public/STATUS', '/api/qa/public/Status/', '/API/QA/PUBLIC/STATUS']) {
      const res = await post(path);
      seen.push(`${path} ${res.status}`);
    }
    // Three look-ups use the three points; the other variants are limited, or reach no route at all.
    expect(seen.slice(0, 4).map((s) => s.split(' ')[1]), seen.join(', ')).toEqual(['404', '404', '404', '429']);
    expect(['404', '429'], seen.join(', ')).toContain(seen[4]!.split(' ')[1]);
  });
});

/** A POST with the headers as given (fetch cannot set Host). */
function rawPost(base: string, path: string, body: string, headers: Record<string, string>): Promise<{ status: number; type: string; retryAfter: string; text: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), retryAfter: String(res.headers['retry-after'] ?? ''), text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A request to `operation` with exactly one thing wrong or hostile, built around a valid `sample`. */
function mutation(operation: Operation, sample: Record<string, unknown>, segment: (name: string) => string): fc.Arbitrary<Probe> {
  const pathParams: any[] = (operation.op.parameters ?? []).filter((p: any) => p.in === 'path');
  const queryParams: any[] = (operation.op.parameters ?? []).filter((p: any) => p.in === 'query');
  const bodySchema = operation.op.requestBody?.content?.['application/json']?.schema;
  const isPage = !operation.path.startsWith('/api/');
  // Pages are reached under /t/<unit>: the test client's host (127.0.0.1) is an alias host, which
  // redirects to the unit's primary host, and a redirected POST comes back as a GET.
  const prefix = isPage ? `/t/${PROVINCE}` : '';
  const validPath = prefix + operation.path.replace(/\{(\w+)\}/g, (_, name: string) => segment(name));
  const payload = fc.constantFrom(...ALL_STRINGS);
  // In a URL, only what fits Node's 16 KiB header limit (a longer one is refused by Node's parser with 431).
  const urlPayload = fc.constantFrom(...ALL_STRINGS.filter((v) => v.isWellFormed() && encodeURIComponent(v).length <= 8192));
  const mutations: fc.Arbitrary<Probe>[] = [];

  // Query: each declared parameter hostile; unknown and hostile keys; repeated keys; bracket syntax.
  mutations.push(
    fc.oneof(
      fc.constantFrom(...HOSTILE_KEYS).map((k) => ({ path: `${validPath}?${encodeURIComponent(k)}=1`, headers: {} })),
      fc.constantFrom('a[b][c]=1', '%00=1', `q=${'x'.repeat(8192)}`, 'trang=1&trang=2').map((q) => ({ path: `${validPath}?${q}`, headers: {} })),
      ...queryParams.map((p) => urlPayload.map((v) => ({ path: `${validPath}?${p.name}=${encodeURIComponent(v)}`, headers: {}, payload: v }))),
    ),
  );

  if (pathParams.length > 0) {
    const bad = fc.oneof(urlPayload, fc.constantFrom('..%2f..%2fetc%2fpasswd', '%E0%A4%A', 'x'.repeat(8192)), fc.string({ minLength: 1, maxLength: 40 }).filter((v) => v.isWellFormed()));
    mutations.push(
      fc.tuple(fc.constantFrom(...pathParams.map((p) => p.name as string)), bad).map(([name, v]) => {
        const raw = v.startsWith('%') || v.startsWith('..%') ? v : encodeURIComponent(v);
        const usable = raw === '.' || raw === '..' || raw === '' ? 'x' : raw;
        return { path: prefix + operation.path.replace(/\{(\w+)\}/g, (_, n: string) => (n === name ? usable : segment(n))), headers: {}, payload: v };
      }),
    );
  }

  if (bodySchema) {
    const keys = Object.keys(bodySchema.properties ?? {});
    const valid = Object.fromEntries(keys.filter((k) => k in sample).map((k) => [k, sample[k]]));
    const stringKeys = keys.filter((k) => bodySchema.properties[k].type === 'string' || bodySchema.properties[k].type === undefined);
    const asJson = (value: unknown) => ({ path: validPath, rawBody: JSON.stringify(value), headers: { 'content-type': 'application/json' } });
    // Pages take the form as a browser without JavaScript sends it: flat text, a ticked box `on`.
    const asForm = (value: Record<string, unknown>) => ({
      path: validPath,
      rawBody: new URLSearchParams(Object.entries(value).map(([k, v]) => [k, v === true ? 'on' : String(v)])).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const text = isPage ? (value: Record<string, unknown>) => asForm(value) : (value: Record<string, unknown>) => asJson(value);
    const families: fc.Arbitrary<Probe>[] = [
      // structure: hostile extra keys, wrong top-level types, truncated and malformed JSON, nesting, size
      fc.constantFrom(...HOSTILE_KEYS).map((k) => ({ ...asJson(valid), rawBody: `${JSON.stringify(valid).slice(0, -1)}${keys.length ? ',' : ''}${JSON.stringify(k)}:1}` })),
      fc.constantFrom('null', '[]', '"text"', '42', '{}{}', '{"a":1,"a":2}', '{"name":"a",}', "{'name':'a'}", '\u0000', '{"name":NaN}').map((rawBody) => ({ path: validPath, rawBody, headers: { 'content-type': 'application/json' } })),
      fc.integer({ min: 1, max: Math.max(1, JSON.stringify(valid).length - 1) }).map((n) => ({ ...asJson(valid), rawBody: JSON.stringify(valid).slice(0, n) })),
      fc.constant({ ...asJson(valid), rawBody: `${'['.repeat(10_000)}${']'.repeat(10_000)}` }),
      fc.constant(asJson({ ...valid, padding: 'x'.repeat(300_000) })),
      fc.constantFrom('text/plain', 'application/json; charset=utf-16', 'multipart/form-data; boundary=x').map((type) => ({ path: validPath, rawBody: JSON.stringify(valid), headers: { 'content-type': type } })),
    ];
    if (keys.length > 0) {
      families.push(fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...WRONG_TYPES)).map(([k, v]) => asJson({ ...valid, [k]: v })));
      families.push(fc.constantFrom(...keys).map((k) => text(omit(valid, k))));
    }
    if (stringKeys.length > 0) {
      // every family of strings into every text field, as JSON and (pages) as the form
      families.push(fc.tuple(fc.constantFrom(...stringKeys), payload).map(([k, v]) => ({ ...text({ ...valid, [k]: v }), payload: v })));
      families.push(fc.tuple(fc.constantFrom(...stringKeys), payload).map(([k, v]) => ({ ...asJson({ ...valid, [k]: v }), payload: v })));
      families.push(fc.constantFrom(...stringKeys).map((k) => asJson({ ...valid, [k]: nest(100) })));
    }
    mutations.push(fc.oneof(...families));
  }
  return fc.oneof(...mutations);
}

/** Every start tag of `html` with its attributes, as the HTML tokenizer reads them outside raw-text elements. */
function elementsOf(html: string): { tag: string; attributes: [string, string][] }[] {
  const out: { tag: string; attributes: [string, string][] }[] = [];
  // Raw text (style, textarea, title) holds no elements: drop it first.
  const text = html.replace(/<(style|textarea|title)\b[^>]*>[\s\S]*?<\/\1>/gi, (m, name: string) => `<${name}>`);
  for (const match of text.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g)) {
    const attributes: [string, string][] = [];
    for (const a of match[2]!.matchAll(/\s+([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g)) {
      attributes.push([a[1]!.toLowerCase(), (a[2] ?? '').replace(/^["']|["']$/g, '')]);
    }
    out.push({ tag: match[1]!.toLowerCase(), attributes });
  }
  return out;
}

function omit(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _removed, ...rest } = value;
  return rest;
}

function nest(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}
