import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createTestPlatform, type TestClient, type TestPlatform } from '@cong/sdk/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { launchChromium, seriousViolations } from '../../../tests/e2e/support/browser.js';
import { ok, PROVINCE, QA, SmtpSink } from './qa-support.js';

const PROCESS = 'qa.feedback.process';
const IDEAS = 'qa.ideas.manage';
const JUSTICE = 'so-tu-phap';
const OTHER = 'so-y-te';
const NATIONAL = 'https://dichvucong.gov.vn/p/home/dvc-phan-anh-kien-nghi.html';
const FORM_TOKEN = /name="formToken" value="([^"]+)"/;
const FEEDBACK_LINK = /\/phan-anh-kien-nghi\/xac-nhan\/([A-Za-z0-9_-]{43})/;
const IDEA_LINK = /\/gop-y-hien-ke\/xac-nhan\/([A-Za-z0-9_-]{43})/;
const VOTE_LINK = /\/gop-y-hien-ke\/ung-ho\/([A-Za-z0-9_-]{43})/;
const CODE = /class="code">((?:PA|HK)-\d{4}-[2-9A-Z]{6})</;

/** Payloads from senders and staff; none may come out as markup on a public page. */
const XSS_TITLE = "<script>alert('t')</script> Bất cập <img src=x onerror=alert(1)>";
const XSS_TEXT = '</textarea><svg onload=alert(2)> <a href="javascript:alert(3)">bấm</a> <iframe src=//evil></iframe> <b>đậm</b>';
const RAW_MARKUP = ['<script>alert', '<img src=x', '<svg onload', '<a href="javascript:', '<iframe src', '<b>đậm'];
const criteria = (met: boolean) => ({
  necessity: { met: true, note: 'Cần thiết để quản lý' },
  'reasonableness-legality': { met: true, note: 'Phù hợp luật' },
  simplicity: { met, note: met ? 'Đơn giản' : 'Hồ sơ yêu cầu 3 bản sao chứng thực' },
  feasibility: { met: true, note: '' },
  consistency: { met: true, note: '' },
  'treaty-compliance': { met: true, note: '' },
});

/** 09:00 in Vietnam on a date: the platform runs in this process, so its clock is the test's. */
const at = (date: string) => vi.setSystemTime(new Date(`${date}T09:00:00+07:00`));

// Feedback on regulations (NĐ 20/2008 Arts. 9 and 14) and ideas (QA-15) through the public pages as a
// browser without JavaScript posts them, e-mail verification over a real SMTP sink (exactly one message
// per submission), the receiving unit's steps with each classification outcome, the 5-working-day
// forwarding deadline across Tết 2027 (the core calendar's seed: Fri 5 – Thu 11 Feb off), the public
// results, ideas with acknowledgement and one support vote per e-mail, isolation, permissions, bad
// input, escaping, and axe on the public pages.
describeEachDialect('feedback on regulations and ideas for the province', (dialect) => {
  let t: TestPlatform;
  let sink: SmtpSink;
  let seen = 0;
  let sent = 0;
  const as = (user: string, permissions: readonly string[], unit: string): TestClient => {
    const client = t.client.as({ id: user, permissions: [...permissions] });
    const h = { 'x-cong-tenant': unit };
    return { ...client, get: (p, o = {}) => client.get(p, { ...o, headers: { ...h, ...o.headers } }), post: (p, b, o = {}) => client.post(p, b, { ...o, headers: { ...h, ...o.headers } }), put: (p, b, o = {}) => client.put(p, b, { ...o, headers: { ...h, ...o.headers } }) };
  };
  const justice = (unit = JUSTICE) => as(`tp-${unit}`, [PROCESS], unit);
  const board = (unit = PROVINCE) => as(`bbt-${unit}`, [IDEAS], unit);
  const deliver = async () => {
    await t.drainJobs();
    const fresh = sink.received.slice(seen);
    seen = sink.received.length;
    return fresh;
  };
  const form = (path: string, fields: Record<string, string>) =>
    t.client.request('POST', path, { rawBody: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  const tokenOf = async (path: string) => FORM_TOKEN.exec((await t.client.get(path)).text)![1]!;
  const feedbackFields = (overrides: Record<string, string> = {}) => ({
    name: 'Nguyễn Thị Lan',
    email: `lan-${++sent}@example.vn`,
    phone: '0912 345 678',
    address: 'Số 12 đường Hùng Vương, phường Đông Hà',
    contentType: 'practical-obstacle',
    regulationName: 'Quyết định 41/2019/QĐ-UBND về cấp giấy phép xây dựng',
    regulationLink: 'https://vbpl.vn/quangtri/Pages/vbpq-toanvan.aspx?ItemID=1',
    title: 'Thủ tục cấp phép xây dựng yêu cầu quá nhiều bản sao',
    content: 'Hồ sơ đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ phải nộp 3 bản sao chứng thực, gây tốn kém cho người dân.',
    proposal: 'Cho phép nộp bản sao điện tử.',
    consentProcessing: 'on',
    website: '',
    ...overrides,
  });

  /** Sends on `site`'s form, checks the one verification e-mail, confirms through the link's page; returns the code and e-mail. */
  async function submit(kind: 'regulation' | 'idea', fields: Record<string, string>, site = PROVINCE) {
    const path = kind === 'regulation' ? `/t/${site}/phan-anh-kien-nghi` : `/t/${site}/gop-y-hien-ke/gui`;
    const res = await form(path, { formToken: await tokenOf(path), ...fields });
    expect(res.status, res.text).toBe(200);
    expect(res.text).toContain('kiểm tra e-mail');
    const mails = await deliver();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual([fields.email]);
    expect(mails[0]!.subject).toContain(kind === 'regulation' ? 'phản ánh, kiến nghị' : 'góp ý, hiến kế');
    const token = (kind === 'regulation' ? FEEDBACK_LINK : IDEA_LINK).exec(mails[0]!.text)![1]!;
    const prefix = kind === 'regulation' ? 'phan-anh-kien-nghi' : 'gop-y-hien-ke';
    const confirm = await t.client.get(`/t/${site}/${prefix}/xac-nhan/${token}`);
    expect(confirm.text).toContain(`action="/t/${site}/${prefix}/xac-nhan/${token}"`);
    const verified = await t.client.post(`/t/${site}/${prefix}/xac-nhan/${token}`);
    expect(verified.status).toBe(200);
    expect((await t.client.post(`/t/${site}/${prefix}/xac-nhan/${token}`)).status).toBe(404);
    const code = CODE.exec(verified.text)![1]!;
    // The tracking code is mailed too: exactly one message.
    expect((await deliver()).map((m) => m.subject)).toEqual([`Mã theo dõi ${code} / Tracking code ${code}`]);
    return { code, email: fields.email! };
  }
  const idOf = async (code: string, staff: TestClient, path: string) => (ok(await staff.get(path)).items as { id: string; trackingCode: string }[]).find((i) => i.trackingCode === code)!.id;
  /** The one outcome message a concluding step sends its sender. */
  const outcomeMailed = async (to: string) => expect((await deliver()).map((m) => m.to)).toEqual([[to]]);
  const lookup = (code: string, email: string) => form(`/t/${PROVINCE}/phan-anh-kien-nghi/tra-cuu`, { trackingCode: code, email });

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true, advanceTimeDelta: 2 });
    at('2027-02-03'); // Wednesday, two days before the Tết Đinh Mùi break
    sink = new SmtpSink();
    await sink.listen();
    t = await createTestPlatform({
      plugins: [QA],
      database: dialect,
      config: {
        demo: true,
        http: { port: 0, host: '127.0.0.1' },
        mail: { from: 'Cổng thông tin tỉnh Quảng Trị <phananh@quangtri.gov.vn>', smtp: { host: '127.0.0.1', port: sink.port } },
        pluginConfig: { qa: { feedback: { minFillSeconds: 0, submitPerAddress: { points: 500, durationSeconds: 3600 }, submitPerEmail: { points: 50, durationSeconds: 3600 }, votePerAddress: { points: 500, durationSeconds: 3600 } } } },
      },
    });
    expect(t.report.plugins.find((p) => p.id === 'qa')?.state, JSON.stringify(t.report.plugins)).toBe('started');
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.close();
    vi.useRealTimers();
  });

  it('serves the form with the national portal link, and names each refused field (values kept, escaped)', async () => {
    const page = await t.client.get(`/t/${PROVINCE}/phan-anh-kien-nghi`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    for (const text of ['<html lang="vi">', NATIONAL, 'Cổng Dịch vụ công quốc gia', 'Sở Tư pháp', 'Nghị định 20/2008', 'Sáng kiến ban hành quy định mới', 'name="phone"', 'name="address"']) expect(page.text).toContain(text);
    // A commune's site receives for the province too.
    expect((await t.client.get('/t/dong-ha/phan-anh-kien-nghi')).status).toBe(200);

    const path = `/t/${PROVINCE}/phan-anh-kien-nghi`;
    const refused = await form(path, { ...feedbackFields({ phone: '', address: '', contentType: 'khac-la', regulationLink: 'javascript:alert(1)', title: XSS_TITLE }), formToken: await tokenOf(path) });
    expect(refused.status).toBe(400);
    for (const field of ['phone', 'address', 'contentType', 'regulationLink']) expect(refused.text).toContain(`href="#f-${field}"`);
    expect(refused.text).not.toContain('href="#f-title"');
    for (const raw of RAW_MARKUP.slice(0, 2)) expect(refused.text).not.toContain(raw);
    expect(refused.text).toContain('&lt;script&gt;');
    // Honeypot and a forged token: refused, named, nothing mailed.
    expect((await form(path, { ...feedbackFields({ website: 'http://spam' }), formToken: await tokenOf(path) })).status).toBe(400);
    const forged = await form(path, { ...feedbackFields(), formToken: '1700000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(forged.status).toBe(400);
    expect(forged.text).toContain('href="#f-formToken"');
    expect(await deliver()).toEqual([]);
  });

  it('runs feedback through each classification outcome; forwarding is due 5 working days after receipt, across Tết', async () => {
    // ─── Outside the unit's competence: received on Wed 3/2/2027, due Wed 17/2 (without Tết it would be 10/2).
    const outside = await submit('regulation', feedbackFields({ title: XSS_TITLE }));
    const list = ok(await justice().get('/api/qa/feedback'));
    expect(list.items.length).toBeGreaterThanOrEqual(1);
    const id = await idOf(outside.code, justice(), '/api/qa/feedback');
    const detail = ok(await justice().get(`/api/qa/feedback/${id}`));
    expect(detail).toMatchObject({ status: 'received', kind: 'regulation', contentType: 'practical-obstacle', sender: { name: 'Nguyễn Thị Lan', phone: '0912 345 678' }, regulation: { name: 'Quyết định 41/2019/QĐ-UBND về cấp giấy phép xây dựng' } });
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(['received']);

    // Isolation, permissions, order of steps and bad input.
    expect((await justice(OTHER).get(`/api/qa/feedback/${id}`)).status).toBe(404);
    expect((await justice(OTHER).get('/api/qa/feedback')).status).toBe(404);
    expect((await justice(PROVINCE).post(`/api/qa/feedback/${id}/register`, {})).status).toBe(404);
    expect((await as('x', [IDEAS], JUSTICE).get(`/api/qa/feedback/${id}`)).status).toBe(403);
    expect((await as('x', [IDEAS], JUSTICE).post(`/api/qa/feedback/${id}/register`, {})).status).toBe(403);
    expect(ok(await justice().post(`/api/qa/feedback/${id}/classify`, { outcome: 'outside-competence', reason: 'Thuộc thẩm quyền của Bộ Xây dựng' }), 409).code).toBe('QA_ERR_FEEDBACK_STATE');

    const registered = ok(await justice().post(`/api/qa/feedback/${id}/register`, {}));
    expect(registered).toMatchObject({ status: 'registered', registerNumber: '0001/2027' });
    expect(ok(await justice().post(`/api/qa/feedback/${id}/classify`, { outcome: 'khac', reason: 'x' }), 400).errors[0].pointer).toBe('/outcome');
    expect(ok(await justice().post(`/api/qa/feedback/${id}/classify`, { outcome: 'outside-competence', reason: '   ' }), 400).errors[0].pointer).toBe('/reason');
    expect((await justice().post(`/api/qa/feedback/${id}/classify`, { outcome: 'outside-competence', reason: 'x', extra: 1 })).status).toBe(400);
    const classified = ok(await justice().post(`/api/qa/feedback/${id}/classify`, { outcome: 'outside-competence', reason: 'Thuộc thẩm quyền của Bộ Xây dựng' }));
    expect(classified).toMatchObject({ status: 'forwarding', classification: 'outside-competence', forwardDueOn: '2027-02-17' });
    expect(classified.forwardRuleVersion).toEqual(expect.any(String));
    const waiting = await lookup(outside.code, outside.email);
    expect(waiting.status).toBe(200);
    expect(waiting.text).toContain('17/2/2027');
    expect(waiting.text).not.toContain('Nguyễn Thị Lan');
    for (const raw of RAW_MARKUP.slice(0, 2)) expect(waiting.text).not.toContain(raw);
    expect(ok(await justice().post(`/api/qa/feedback/${id}/forward`, { to: '' }), 400).errors[0].pointer).toBe('/to');
    at('2027-02-16');
    const forwarded = ok(await justice().post(`/api/qa/feedback/${id}/forward`, { to: 'Bộ Xây dựng', note: 'Công văn số 12/STP' }));
    expect(forwarded).toMatchObject({ status: 'forwarded', forwardedTo: 'Bộ Xây dựng', forwardedOnTime: true });
    expect(forwarded.timeline.map((e: { action: string }) => e.action)).toEqual(['received', 'registered', 'classified', 'forwarded']);
    await outcomeMailed(outside.email);
    expect((await lookup(outside.code, outside.email)).text).toContain('Bộ Xây dựng');
    expect((await lookup(outside.code, 'khac@example.vn')).status).toBe(404);
    expect(ok(await justice().post(`/api/qa/feedback/${id}/archive`)).status).toBe('archived');

    // ─── A complaint about an official: forwarded to a unit of the province, named.
    const complaint = await submit('regulation', feedbackFields({ contentType: 'other', title: 'Cán bộ một cửa yêu cầu giấy tờ ngoài quy định' }), 'dong-ha');
    const complaintId = await idOf(complaint.code, justice(), '/api/qa/feedback');
    ok(await justice().post(`/api/qa/feedback/${complaintId}/register`, { number: '15/STP-2027' }));
    expect(ok(await justice().post(`/api/qa/feedback/${complaintId}/classify`, { outcome: 'official-complaint', reason: 'Phản ánh hành vi của công chức' })).forwardDueOn).toBe('2027-02-23');
    expect(ok(await justice().post(`/api/qa/feedback/${complaintId}/forward`, { to: 'so-noi-vu' }))).toMatchObject({ forwardedTo: 'Sở Nội vụ', forwardedOnTime: true, registerNumber: '15/STP-2027' });
    await outcomeMailed(complaint.email);

    // ─── Not accepted: closed with the reason the sender reads.
    const rejected = await submit('regulation', feedbackFields({ title: 'Nội dung không rõ ràng về quy định' }));
    const rejectedId = await idOf(rejected.code, justice(), '/api/qa/feedback');
    expect(ok(await justice().post(`/api/qa/feedback/${rejectedId}/register`, {})).registerNumber).toBe('0003/2027');
    expect(ok(await justice().post(`/api/qa/feedback/${rejectedId}/classify`, { outcome: 'not-accepted', reason: 'Nội dung đã được xem xét, trả lời trước đây' }))).toMatchObject({ status: 'not-accepted', forwardDueOn: null });
    await outcomeMailed(rejected.email);
    expect((await lookup(rejected.code, rejected.email)).text).toContain('Nội dung đã được xem xét, trả lời trước đây');

    // ─── Within competence: clarify, assess, review (required before deciding), decide, publish, archive.
    const within = await submit('regulation', feedbackFields({ contentType: 'unsuitable', title: 'Đề nghị giảm số bản sao trong hồ sơ cấp phép xây dựng' }));
    const withinId = await idOf(within.code, justice(), '/api/qa/feedback');
    ok(await justice().post(`/api/qa/feedback/${withinId}/register`, {}));
    expect(ok(await justice().post(`/api/qa/feedback/${withinId}/classify`, { outcome: 'within-competence', reason: 'Quy định do UBND tỉnh ban hành' }))).toMatchObject({ status: 'processing', forwardDueOn: null });
    ok(await justice().post(`/api/qa/feedback/${withinId}/clarify`, { note: 'Đã gọi điện hỏi số bản sao đã nộp' }));
    ok(await justice().post(`/api/qa/feedback/${withinId}/assess`, { sufficientBasis: true, note: 'Đủ căn cứ xem xét' }));
    expect(ok(await justice().post(`/api/qa/feedback/${withinId}/decide`, { decision: 'amend', note: 'Sửa đổi' }), 409).code).toBe('QA_ERR_FEEDBACK_NOT_REVIEWED');
    const partial = { ...criteria(false) } as Record<string, unknown>;
    delete partial.simplicity;
    expect(ok(await justice().put(`/api/qa/feedback/${withinId}/review`, { criteria: partial }), 400).errors[0].pointer).toContain('/criteria');
    expect(ok(await justice().put(`/api/qa/feedback/${withinId}/review`, { criteria: criteria(false) })).review.simplicity).toEqual({ met: false, note: 'Hồ sơ yêu cầu 3 bản sao chứng thực' });
    expect(ok(await justice().post(`/api/qa/feedback/${withinId}/decide`, { decision: 'amend', note: 'Trình UBND tỉnh sửa đổi Điều 5' })).status).toBe('decided');
    expect(ok(await justice().post(`/api/qa/feedback/${withinId}/publish`, { title: 'Giảm bản sao — Nguyễn Thị Lan', summary: 'Tóm tắt', result: 'Kết quả' }), 400).errors[0].pointer).toBe('/title');
    expect(ok(await justice().post(`/api/qa/feedback/${withinId}/publish`, { title: 'Giảm bản sao hồ sơ', summary: 'Liên hệ lan-1@example.vn', result: 'Kết quả' }), 400).errors[0].pointer).toBe('/summary');
    const published = ok(await justice().post(`/api/qa/feedback/${withinId}/publish`, { title: 'Giảm số bản sao trong hồ sơ cấp phép xây dựng', summary: `Người dân phản ánh hồ sơ phải nộp nhiều bản sao. ${XSS_TEXT}`, result: 'UBND tỉnh đã sửa đổi Điều 5 Quyết định 41/2019/QĐ-UBND: chỉ nộp 1 bản sao.' }));
    expect(published).toMatchObject({ status: 'published', publication: { title: 'Giảm số bản sao trong hồ sơ cấp phép xây dựng' } });
    await outcomeMailed(within.email);
    const archived = ok(await justice().post(`/api/qa/feedback/${withinId}/archive`));
    expect(archived.timeline.map((e: { action: string }) => e.action)).toEqual(['received', 'registered', 'classified', 'clarified', 'assessed', 'reviewed', 'decided', 'published', 'archived']);

    // The public results: the texts written for publication, escaped, no personal data; on every site of the province.
    const results = await t.client.get(`/t/dong-ha/phan-anh-kien-nghi/ket-qua`);
    expect(results.status).toBe(200);
    for (const text of ['Giảm số bản sao trong hồ sơ cấp phép xây dựng', 'chỉ nộp 1 bản sao', 'Quyết định 41/2019/QĐ-UBND về cấp giấy phép xây dựng', 'Sửa đổi, bổ sung quy định']) expect(results.text).toContain(text);
    for (const secret of ['Nguyễn Thị Lan', '0912 345 678', '@example.vn', 'Hùng Vương', 'Bất cập']) expect(results.text).not.toContain(secret);
    for (const raw of RAW_MARKUP) expect(results.text).not.toContain(raw);
    expect((await lookup(within.code, within.email)).text).toContain('ket-qua#');

    // Every step is audited in the receiving unit.
    const audit = ok(await as('auditor', ['core.audit.read'], JUSTICE).get(`/api/core/audit?objectId=${withinId}`));
    const actions = (audit.items as { action: string }[]).map((a) => a.action);
    for (const action of ['qa.feedback.register', 'qa.feedback.classify', 'qa.feedback.review', 'qa.feedback.decide', 'qa.feedback.publish', 'qa.feedback.archive']) expect(actions).toContain(action);
  });

  it('takes ideas: accepted to the public list, one support per verified e-mail, acknowledgement shown', async () => {
    at('2027-03-01');
    const idea = await submit('idea', { name: 'Lê Thị Hoa', email: 'hoa@example.vn', phone: '', address: '', title: XSS_TITLE, content: `Xây dựng tuyến đường đi bộ ven sông Hiếu. ${XSS_TEXT}`, consentProcessing: 'on', consentPublish: 'on', website: '' });
    const id = await idOf(idea.code, board(), '/api/qa/ideas');
    expect((await board(JUSTICE).get(`/api/qa/ideas/${id}`)).status).toBe(404);
    expect((await justice().get(`/api/qa/ideas/${id}`)).status).toBe(403);
    expect((await justice(PROVINCE).get(`/api/qa/feedback/${id}`)).status).toBe(404);
    expect(ok(await board().post(`/api/qa/ideas/${id}/acknowledge`, { level: 'adopted', note: 'x' }), 409).code).toBe('QA_ERR_FEEDBACK_STATE');
    expect(ok(await board().post(`/api/qa/ideas/${id}/accept`, { title: 'Đường đi bộ ven sông Hiếu', summary: '' }), 400).errors[0].pointer).toBe('/summary');
    const accepted = ok(await board().post(`/api/qa/ideas/${id}/accept`, { title: 'Đường đi bộ ven sông Hiếu', summary: `Xây dựng tuyến đường đi bộ ven sông Hiếu. ${XSS_TEXT}` }));
    const slug = accepted.publication.slug as string;
    await outcomeMailed(idea.email);

    const listPage = await t.client.get(`/t/${PROVINCE}/gop-y-hien-ke`);
    expect(listPage.text).toContain('Đường đi bộ ven sông Hiếu');
    expect(listPage.text).toContain('Bạn Hoa');
    expect(listPage.text).not.toContain('hoa@example.vn');
    const pagePath = `/t/${PROVINCE}/gop-y-hien-ke/${slug}`;
    const ideaPage = await t.client.get(pagePath);
    for (const raw of RAW_MARKUP) expect(ideaPage.text).not.toContain(raw);
    expect(ideaPage.text).toContain('0 lượt ủng hộ');

    const vote = async (email: string) => form(`${pagePath}/ung-ho`, { email, website: '', formToken: await tokenOf(pagePath) });
    const confirmVote = async () => {
      const mails = await deliver();
      expect(mails).toHaveLength(1);
      const token = VOTE_LINK.exec(mails[0]!.text)![1]!;
      expect((await t.client.get(`/t/${PROVINCE}/gop-y-hien-ke/ung-ho/${token}`)).text).toContain('Xác nhận');
      expect((await t.client.post(`/t/${PROVINCE}/gop-y-hien-ke/ung-ho/${token}`)).status).toBe(200);
      expect((await t.client.post(`/t/${PROVINCE}/gop-y-hien-ke/ung-ho/${token}`)).status).toBe(404);
    };
    expect((await vote('ung-ho-1@example.vn')).status).toBe(200);
    await confirmVote();
    expect((await vote('Ung-Ho-1@example.vn')).status).toBe(409);
    expect(await deliver()).toEqual([]);
    expect((await vote('khong-hop-le')).status).toBe(400);
    expect((await vote('ung-ho-2@example.vn')).status).toBe(200);
    await confirmVote();
    expect((await t.client.get(pagePath)).text).toContain('2 lượt ủng hộ');
    expect(ok(await board().get(`/api/qa/ideas/${id}`)).supportCount).toBe(2);

    const acknowledged = ok(await board().post(`/api/qa/ideas/${id}/acknowledge`, { level: 'adopted', note: 'UBND tỉnh đưa vào kế hoạch đầu tư công năm 2028.' }));
    expect(acknowledged.acknowledgement).toEqual({ level: 'adopted', note: 'UBND tỉnh đưa vào kế hoạch đầu tư công năm 2028.' });
    const shown = await t.client.get(pagePath);
    expect(shown.text).toContain('Đã tiếp thu, áp dụng');
    expect(shown.text).toContain('kế hoạch đầu tư công năm 2028');
    expect((await t.client.get(`/t/${PROVINCE}/gop-y-hien-ke`)).text).toContain('Đã tiếp thu, áp dụng');

    // A rejected idea is not public; its sender reads the reason.
    const other = await submit('idea', { name: 'Trần Văn Nam', email: 'nam@example.vn', title: 'Quảng cáo dịch vụ', content: 'Nội dung quảng cáo không liên quan đến phát triển tỉnh.', consentProcessing: 'on', website: '' });
    const otherId = await idOf(other.code, board(), '/api/qa/ideas');
    ok(await board().post(`/api/qa/ideas/${otherId}/reject`, { reason: 'Không phải góp ý, hiến kế' }));
    await outcomeMailed(other.email);
    expect((await lookup(other.code, other.email)).text).toContain('Không phải góp ý, hiến kế');
    expect((await t.client.get(`/t/${PROVINCE}/gop-y-hien-ke`)).text).not.toContain('Quảng cáo dịch vụ');
  });

  it('passes axe on the form, the results and the ideas pages', async () => {
    vi.useRealTimers();
    const browser = await launchChromium();
    try {
      const tab = await (await browser.newContext()).newPage();
      for (const path of ['phan-anh-kien-nghi', 'phan-anh-kien-nghi/ket-qua', 'gop-y-hien-ke', 'gop-y-hien-ke/gui', 'phan-anh-kien-nghi/tra-cuu']) {
        await tab.goto(new URL(`/t/${PROVINCE}/${path}`, t.url).href);
        expect(await seriousViolations(tab), path).toEqual([]);
      }
    } finally {
      await browser.close();
    }
  });
});
