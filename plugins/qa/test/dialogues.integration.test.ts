import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPlatform, type TestClient, type TestPlatform } from '@cong/sdk/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { launchChromium, seriousViolations } from '../../../tests/e2e/support/browser.js';
import { ok, PROVINCE, QA, sleep, SmtpSink, TRIAGE } from './qa-support.js';

const MANAGE = 'qa.dialogues.manage';
const ORGANISER = 'so-cong-thuong';
const OTHER = 'so-y-te';
const LINK = /\/doi-thoai\/xac-nhan\/([A-Za-z0-9_-]{43})/;
const FORM_TOKEN = /name="formToken" value="([^"]+)"/;

/** Payloads a question and an answer carry to the event page; none may come out as markup. */
const XSS_QUESTION = "<script>alert('q')</script> </textarea><img src=x onerror=alert(1)> <a href=\"javascript:alert(2)\">bấm</a> {{constructor.constructor('alert(3)')()}}";
const XSS_ANSWER = '<iframe src=//evil></iframe>"><svg onload=alert(4)> Trả lời: <b>đậm</b>';
const XSS_NAME = '<img src=x onerror=alert(5)> Kẻ Xấu';
const RAW_MARKUP = ['<script>alert', '<img src=x', '<svg onload', '<a href="javascript:', '<iframe src', '<b>đậm'];

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

describeEachDialect('online dialogues: announce, questions verified and moderated, live answers, summary, forwarding', (dialect) => {
  let t: TestPlatform;
  let sink: SmtpSink;
  let seen = 0;
  const as = (user: string, permissions: readonly string[], unit: string): TestClient => {
    const client = t.client.as({ id: user, permissions: [...permissions] });
    const h = { 'x-cong-tenant': unit };
    return { ...client, get: (p, o = {}) => client.get(p, { ...o, headers: { ...h, ...o.headers } }), post: (p, b, o = {}) => client.post(p, b, { ...o, headers: { ...h, ...o.headers } }), put: (p, b, o = {}) => client.put(p, b, { ...o, headers: { ...h, ...o.headers } }) };
  };
  const organiser = (unit = ORGANISER) => as(`cv-${unit}`, [MANAGE], unit);
  const deliver = async () => {
    await t.drainJobs();
    const fresh = sink.received.slice(seen);
    seen = sink.received.length;
    return fresh;
  };
  const form = (path: string, fields: Record<string, string>) =>
    t.client.request('POST', path, { rawBody: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  const dialogue = (overrides: Record<string, unknown> = {}) => ({
    title: 'Giao lưu trực tuyến: Hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số',
    field: 'dat-dai',
    description: 'Lãnh đạo Sở Công Thương trả lời câu hỏi của doanh nghiệp về các chính sách hỗ trợ năm 2027.',
    guests: [
      { name: 'Nguyễn Văn An', position: 'Giám đốc Sở', unit: 'Sở Công Thương' },
      { name: 'Trần Thị Bích', position: 'Trưởng phòng Quản lý thương mại', unit: 'Sở Công Thương' },
    ],
    startsAt: inHours(48),
    endsAt: inHours(50),
    livestreamUrl: 'https://truyenhinh.quangtri.gov.vn/truc-tiep/doi-thoai',
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
        http: { port: 0, host: '127.0.0.1' },
        mail: { from: 'Cổng thông tin tỉnh Quảng Trị <doithoai@quangtri.gov.vn>', smtp: { host: '127.0.0.1', port: sink.port } },
        pluginConfig: { qa: { dialogues: { minFillSeconds: 1, askPerAddress: { points: 200, durationSeconds: 3600 }, askPerEmail: { points: 50, durationSeconds: 3600 } } } },
      },
    });
    expect(t.report.plugins.find((p) => p.id === 'qa')?.state, JSON.stringify(t.report.plugins)).toBe('started');
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.close();
  });

  it('refuses bad input with a 400 naming the field, and callers without the permission with a 403', async () => {
    const refused = async (overrides: Record<string, unknown>) => ok(await organiser().post('/api/qa/dialogues', dialogue(overrides)), 400);
    expect((await refused({ livestreamUrl: 'javascript:alert(1)' })).errors[0].pointer).toBe('/livestreamUrl');
    expect((await refused({ livestreamUrl: 'ftp://example.vn/x' })).errors[0].pointer).toBe('/livestreamUrl');
    expect((await refused({ endsAt: inHours(47) })).errors[0].pointer).toBe('/endsAt');
    expect((await refused({ startsAt: 'ngày mai' })).errors[0].pointer).toBe('/startsAt');
    expect((await refused({ field: 'khong-co' })).errors[0].pointer).toBe('/field');
    expect((await refused({ guests: [] })).errors[0].pointer).toBe('/guests');
    expect((await refused({ extra: 1 })).status).toBe(400);
    expect((await as('nguoi-khac', ['qa.consultations.manage'], ORGANISER).post('/api/qa/dialogues', dialogue())).status).toBe(403);
    expect((await as('nguoi-khac', ['qa.consultations.manage'], ORGANISER).get('/api/qa/dialogues')).status).toBe(403);
  });

  it('runs the dialogue flow: announce, ask before, verify, approve, live, answer, ask during, reject, end, publish, forward', async () => {
    // ─── Announce: the event is public at once, on the organiser's site and the province's, not on another unit's.
    const created = ok(await organiser().post('/api/qa/dialogues', dialogue()), 201);
    expect(created).toMatchObject({ status: 'announced', field: 'dat-dai', livestreamUrl: 'https://truyenhinh.quangtri.gov.vn/truc-tiep/doi-thoai' });
    const id = created.id as string;
    const [director, head] = created.guests as { id: string; name: string }[];
    expect(ok(await organiser().get('/api/qa/dialogues')).items.map((d: { id: string }) => d.id)).toContain(id);
    // Isolation: another unit's staff, even with the permission, find nothing.
    expect((await organiser(OTHER).get(`/api/qa/dialogues/${id}`)).status).toBe(404);
    expect((await organiser(OTHER).post(`/api/qa/dialogues/${id}/start`)).status).toBe(404);
    expect((await organiser(OTHER).get(`/api/qa/dialogues/${id}/questions`)).status).toBe(404);
    expect(ok(await organiser(OTHER).get('/api/qa/dialogues')).items).toEqual([]);
    expect((await as('x', [TRIAGE], ORGANISER).get(`/api/qa/dialogues/${id}/questions`)).status).toBe(403);

    // Edit keeps the guests named by id.
    const edited = ok(await organiser().put(`/api/qa/dialogues/${id}`, dialogue({ guests: [{ id: director!.id, name: 'Nguyễn Văn An', position: 'Giám đốc Sở Công Thương', unit: 'Sở Công Thương' }, { id: head!.id, name: 'Trần Thị Bích', position: 'Trưởng phòng', unit: 'Sở Công Thương' }] })));
    expect(edited.guests.map((g: { id: string }) => g.id)).toEqual([director!.id, head!.id]);
    expect(ok(await organiser().put(`/api/qa/dialogues/${id}`, dialogue({ guests: [{ id: 'khong-co', name: 'A', position: '', unit: '' }] })), 400).errors[0].pointer).toBe('/guests/0/id');

    const list = await t.client.get(`/t/${PROVINCE}/doi-thoai`);
    expect(list.status).toBe(200);
    expect(list.text.indexOf(created.slug)).toBeGreaterThan(list.text.indexOf('Sắp diễn ra'));
    expect((await t.client.get(`/t/${ORGANISER}/doi-thoai`)).text).toContain(created.slug);
    expect((await t.client.get(`/t/${OTHER}/doi-thoai`)).text).not.toContain(created.slug);
    expect((await t.client.get(`/t/${OTHER}/doi-thoai/${created.slug}`)).status).toBe(404);

    const pagePath = `/t/${PROVINCE}/doi-thoai/${created.slug}`;
    const page = await t.client.get(pagePath);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    for (const text of ['Sắp diễn ra', 'Nguyễn Văn An', 'Giám đốc Sở Công Thương', 'Đất đai', 'truyenhinh.quangtri.gov.vn', 'Gửi câu hỏi', '<html lang="vi">']) expect(page.text).toContain(text);
    const formToken = FORM_TOKEN.exec(page.text)![1]!;
    await sleep(1100); // the form's minimum fill time (1 s in these tests)

    // ─── Ask: sent, e-mailed (exactly one message), confirmed through the link's page (a GET verifies nothing).
    const ask = async (fields: Record<string, string>) => {
      const sent = await form(`${pagePath}/dat-cau-hoi`, { formToken, website: '', consentProcessing: 'on', ...fields });
      expect(sent.status, sent.text).toBe(200);
      expect(sent.text).toContain('kiểm tra e-mail');
      const mails = await deliver();
      expect(mails).toHaveLength(1);
      expect(mails[0]!.to).toEqual([fields.email]);
      expect(mails[0]!.subject).toContain('đối thoại');
      const token = LINK.exec(mails[0]!.text)![1]!;
      const confirm = await t.client.get(`/t/${PROVINCE}/doi-thoai/xac-nhan/${token}`);
      expect(confirm.text).toContain(`action="/t/${PROVINCE}/doi-thoai/xac-nhan/${token}"`);
      expect((await t.client.post(`/t/${PROVINCE}/doi-thoai/xac-nhan/${token}`)).status).toBe(200);
      expect((await t.client.post(`/t/${PROVINCE}/doi-thoai/xac-nhan/${token}`)).status).toBe(404);
    };
    await ask({ name: 'Lê Thị Hoa', email: 'hoa@example.vn', content: 'Doanh nghiệp siêu nhỏ có được hỗ trợ chi phí thuê phần mềm kế toán không?', consentPublish: 'on' });
    await ask({ name: XSS_NAME, email: 'xau@example.vn', content: XSS_QUESTION });
    await ask({ name: 'Phạm Văn Nam', email: 'nam@example.vn', content: 'Thủ tục đăng ký tham gia chương trình hỗ trợ nộp ở đâu, trực tuyến được không?', consentPublish: 'on' });
    // Refusals: honeypot, too short, no consent; the values come back escaped.
    expect((await form(`${pagePath}/dat-cau-hoi`, { formToken, website: 'http://spam', consentProcessing: 'on', name: 'Bot', email: 'bot@example.vn', content: 'Quảng cáo dịch vụ giá rẻ' })).status).toBe(400);
    const short = await form(`${pagePath}/dat-cau-hoi`, { formToken, consentProcessing: 'on', name: 'A', email: 'a@example.vn', content: '<b>ngắn' });
    expect(short.status).toBe(400);
    expect(short.text).toContain('Nội dung câu hỏi');
    expect(short.text).toContain('&lt;b&gt;ngắn');
    expect((await form(`${pagePath}/dat-cau-hoi`, { formToken, name: 'A', email: 'a@example.vn', content: 'Câu hỏi không có đồng ý xử lý dữ liệu.' })).status).toBe(400);
    expect(await deliver()).toHaveLength(0);

    // ─── Moderation: nothing shown before a decision; approve, and a cross-unit step is 404.
    expect((await t.client.get(pagePath)).text).not.toContain('phần mềm kế toán');
    const pending = ok(await organiser().get(`/api/qa/dialogues/${id}/questions`, { query: { status: 'pending' } })).items as { id: string; asker: { email: string }; askedDuring: string }[];
    expect(pending).toHaveLength(3);
    expect(pending.every((q) => q.askedDuring === 'before')).toBe(true);
    const byEmail = (email: string) => pending.find((q) => q.asker.email === email)!.id;
    const hoa = byEmail('hoa@example.vn');
    const xau = byEmail('xau@example.vn');
    const nam = byEmail('nam@example.vn');
    expect((await organiser(OTHER).post(`/api/qa/dialogues/${id}/questions/${hoa}/approve`, {})).status).toBe(404);
    for (const q of [hoa, xau, nam]) expect(ok(await organiser().post(`/api/qa/dialogues/${id}/questions/${q}/approve`, {})).status).toBe('approved');
    expect(ok(await organiser().post(`/api/qa/dialogues/${id}/questions/${hoa}/approve`, {}), 409).code).toBe('QA_ERR_DIALOGUE_QUESTION_STATE');
    // Answering waits for the event to go live.
    expect(ok(await organiser().post(`/api/qa/dialogues/${id}/questions/${hoa}/answering`), 409).code).toBe('QA_ERR_DIALOGUE_STATUS');

    // ─── Live: marked as being answered, the answer attributed to the guest who gave it.
    expect(ok(await organiser().post(`/api/qa/dialogues/${id}/start`)).status).toBe('live');
    expect(ok(await organiser().post(`/api/qa/dialogues/${id}/start`), 409).code).toBe('QA_ERR_DIALOGUE_STATUS');
    expect(ok(await organiser().post(`/api/qa/dialogues/${id}/questions/${hoa}/answering`)).status).toBe('answering');
    expect((await t.client.get(pagePath)).text).toContain('Đang được trả lời');
    expect(ok(await organiser().put(`/api/qa/dialogues/${id}/questions/${hoa}/answer`, { guestId: 'khong-co', text: 'x' }), 400).errors[0].pointer).toBe('/guestId');
    const answered = ok(await organiser().put(`/api/qa/dialogues/${id}/questions/${hoa}/answer`, { guestId: director!.id, text: 'Có. Doanh nghiệp siêu nhỏ được hỗ trợ 50% chi phí thuê phần mềm trong 12 tháng đầu.' }));
    expect(answered).toMatchObject({ status: 'answered', answer: { guest: { id: director!.id, name: 'Nguyễn Văn An', position: 'Giám đốc Sở Công Thương' } } });
    ok(await organiser().put(`/api/qa/dialogues/${id}/questions/${xau}/answer`, { guestId: head!.id, text: XSS_ANSWER }));

    // ─── Asked during the event, then rejected with a reason (the log keeps it).
    await ask({ name: 'Võ Minh Tâm', email: 'tam@example.vn', content: 'Quảng cáo: nhận làm hồ sơ hỗ trợ trọn gói, liên hệ ngay.' });
    const during = ok(await organiser().get(`/api/qa/dialogues/${id}/questions`, { query: { status: 'pending' } })).items as { id: string; askedDuring: string }[];
    expect(during).toHaveLength(1);
    expect(during[0]!.askedDuring).toBe('during');
    expect(ok(await organiser().post(`/api/qa/dialogues/${id}/questions/${during[0]!.id}/reject`, {}), 400).errors[0].pointer).toBe('/reason');
    expect(ok(await organiser().post(`/api/qa/dialogues/${id}/questions/${during[0]!.id}/reject`, { reason: 'Quảng cáo, không liên quan chủ đề' })).rejectReason).toBe('Quảng cáo, không liên quan chủ đề');
    const log = ok(await organiser().get(`/api/qa/dialogues/${id}/moderation-log`)).items as { questionId: string; action: string; reason: string | null }[];
    expect(log.find((l) => l.action === 'reject')).toMatchObject({ questionId: during[0]!.id, reason: 'Quảng cáo, không liên quan chủ đề' });
    expect(log.filter((l) => l.action === 'answer')).toHaveLength(2);

    // The public page on reload: answers attributed, the rejected question absent, the XSS corpus as text, no e-mail.
    const live = await t.client.get(pagePath);
    for (const text of ['Đang diễn ra', 'Bạn Hoa', 'phần mềm kế toán', 'hỗ trợ 50% chi phí', 'Nguyễn Văn An</strong>, Giám đốc Sở Công Thương', 'Trần Thị Bích', 'Tải lại']) expect(live.text).toContain(text);
    for (const text of ['nhận làm hồ sơ', 'hoa@example.vn', 'Lê Thị Hoa']) expect(live.text).not.toContain(text);
    for (const raw of RAW_MARKUP) expect(live.text).not.toContain(raw);
    expect(live.text).toContain('&lt;script&gt;alert(&#39;q&#39;)&lt;/script&gt;');
    expect(live.text).toContain('&lt;iframe src=//evil&gt;&lt;/iframe&gt;&quot;&gt;&lt;svg onload=alert(4)&gt;');
    expect(live.text).toContain('&lt;b&gt;đậm&lt;/b&gt;');

    // The public pages pass axe (WCAG 2.1 A/AA, serious and critical): the live event with its questions and form, and the list.
    const browser = await launchChromium();
    try {
      const tab = await (await browser.newContext()).newPage();
      await tab.goto(new URL(pagePath, t.url).href);
      expect(await seriousViolations(tab)).toEqual([]);
      await tab.goto(new URL(`/t/${PROVINCE}/doi-thoai`, t.url).href);
      expect(await seriousViolations(tab)).toEqual([]);
    } finally {
      await browser.close();
    }

    // ─── End, publish the summary and the video; questions are no longer taken.
    expect(ok(await organiser().post(`/api/qa/dialogues/${id}/publish`, { summary: 'x' }), 409).code).toBe('QA_ERR_DIALOGUE_STATUS');
    expect(ok(await organiser().post(`/api/qa/dialogues/${id}/forward-unanswered`), 409).code).toBe('QA_ERR_DIALOGUE_STATUS');
    expect(ok(await organiser().post(`/api/qa/dialogues/${id}/end`)).status).toBe('ended');
    const late = await form(`${pagePath}/dat-cau-hoi`, { formToken, consentProcessing: 'on', name: 'Muộn', email: 'muon@example.vn', content: 'Câu hỏi gửi sau khi buổi đối thoại kết thúc.' });
    expect(late.status).toBe(409);
    expect(ok(await organiser().post(`/api/qa/dialogues/${id}/publish`, { summary: 'Tóm tắt', videoUrl: 'javascript:alert(1)' }), 400).errors[0].pointer).toBe('/videoUrl');
    const published = ok(await organiser().post(`/api/qa/dialogues/${id}/publish`, { summary: 'Buổi đối thoại đã trả lời 2 câu hỏi về hỗ trợ chuyển đổi số.\n<script>alert(6)</script>', videoUrl: 'https://video.quangtri.gov.vn/doi-thoai-chuyen-doi-so' }));
    expect(published).toMatchObject({ status: 'published', videoUrl: 'https://video.quangtri.gov.vn/doi-thoai-chuyen-doi-so' });
    const after = await t.client.get(pagePath);
    for (const text of ['Nội dung buổi đối thoại', 'đã trả lời 2 câu hỏi', 'https://video.quangtri.gov.vn/doi-thoai-chuyen-doi-so', '&lt;script&gt;alert(6)']) expect(after.text).toContain(text);
    expect(after.text).not.toContain('name="formToken"');
    expect((await t.client.get(`/t/${PROVINCE}/doi-thoai`)).text.indexOf(created.slug)).toBeGreaterThan((await t.client.get(`/t/${PROVINCE}/doi-thoai`)).text.indexOf('Đã diễn ra'));

    // ─── Forward (QA-31): the unanswered approved question becomes a question received by the board.
    expect((await organiser(OTHER).post(`/api/qa/dialogues/${id}/forward-unanswered`)).status).toBe(404);
    const forwarded = ok(await organiser().post(`/api/qa/dialogues/${id}/forward-unanswered`)).items as { id: string; questionId: string; trackingCode: string }[];
    expect(forwarded.map((f) => f.id)).toEqual([nam]);
    expect(forwarded[0]!.trackingCode).toMatch(/^HD-\d{4}-[A-Z0-9]{6}$/);
    const tracking = await deliver();
    expect(tracking).toHaveLength(1);
    expect(tracking[0]!.to).toEqual(['nam@example.vn']);
    expect(tracking[0]!.text).toContain(forwarded[0]!.trackingCode);
    // Again: nothing left to forward.
    expect(ok(await organiser().post(`/api/qa/dialogues/${id}/forward-unanswered`)).items).toEqual([]);

    const board = as('board-1', [TRIAGE], PROVINCE);
    const queue = ok(await board.get('/api/qa/questions', { query: { status: 'received' } })).items as { id: string }[];
    expect(queue.map((q) => q.id)).toContain(forwarded[0]!.questionId);
    const detail = ok(await board.get(`/api/qa/questions/${forwarded[0]!.questionId}`));
    expect(detail).toMatchObject({ status: 'received', trackingCode: forwarded[0]!.trackingCode, field: 'dat-dai', consentPublish: true, asker: { name: 'Phạm Văn Nam', email: 'nam@example.vn' } });
    expect(detail.content).toContain('Thủ tục đăng ký tham gia chương trình hỗ trợ');
    expect(detail.timeline.map((s: { action: string }) => s.action)).toEqual(['submitted', 'verified']);
    expect(detail.timeline[0].note).toContain('đối thoại trực tuyến');
    expect(detail.timeline[0].note).toContain(created.title);
    // The asker tracks it like any question; the event page says it was forwarded.
    expect((await t.client.get(pagePath)).text).toContain('đã chuyển Ban biên tập');
    expect(ok(await organiser().get(`/api/qa/dialogues/${id}/questions`, { query: { status: 'forwarded' } })).items[0]).toMatchObject({ id: nam, forwardedQuestionId: forwarded[0]!.questionId });
  });

  it('cancels an announced event with a reason and takes no more questions', async () => {
    const created = ok(await organiser().post('/api/qa/dialogues', dialogue({ title: 'Đối thoại về chợ truyền thống', livestreamUrl: null })), 201);
    expect(ok(await organiser().post(`/api/qa/dialogues/${created.id}/cancel`, {}), 400).errors[0].pointer).toBe('/reason');
    expect(ok(await organiser().post(`/api/qa/dialogues/${created.id}/cancel`, { reason: 'Lãnh đạo Sở bận công tác đột xuất' })).status).toBe('cancelled');
    expect(ok(await organiser().post(`/api/qa/dialogues/${created.id}/start`), 409).code).toBe('QA_ERR_DIALOGUE_STATUS');
    const page = await t.client.get(`/t/${ORGANISER}/doi-thoai/${created.slug}`);
    expect(page.text).toContain('Lãnh đạo Sở bận công tác đột xuất');
    expect(page.text).not.toContain('name="formToken"');
  });
});
