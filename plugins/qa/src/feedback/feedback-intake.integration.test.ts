import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createTestPlatform, type TestClient, type TestPlatform } from '@cong/sdk/testing';
import { describeEachDialect } from '../../../../core/src/testing/describe-each-dialect.js';
import { ok, PROVINCE, QA, SmtpSink } from '../../test/qa-support.js';

const PROCESS = 'qa.feedback.process';
const IDEAS = 'qa.ideas.manage';
const JUSTICE = 'so-tu-phap';
const OTHER = 'so-y-te';
const FORM_TOKEN = /name="formToken" value="([^"]+)"/;
const FEEDBACK_LINK = /\/phan-anh-kien-nghi\/xac-nhan\/([A-Za-z0-9_-]{43})/;
const CODE = /^PA-\d{4}-[2-9A-Z]{6}$/;
const criteria = Object.fromEntries(['necessity', 'reasonableness-legality', 'simplicity', 'feasibility', 'consistency', 'treaty-compliance'].map((c) => [c, { met: c !== 'simplicity', note: '' }]));

/** 09:00 in Vietnam on a date: the platform runs in this process, so its clock is the test's. */
const at = (date: string) => vi.setSystemTime(new Date(`${date}T09:00:00+07:00`));

// Feedback received by post, telephone, questionnaire or in person, entered by the Department of
// Justice (issue 8): straight to `received` with a tracking code, the received day in the past
// starting the 5-working-day forwarding clock (across Tết 2027: Fri 5 – Thu 11 Feb off), no e-mail
// needed; and the sender's mails over a real SMTP sink, exactly one per event: the tracking code on
// receipt (staff-entered or verified on the form) and the outcome when the item is concluded.
describeEachDialect('feedback entered by staff, and the mails to its sender', (dialect) => {
  let t: TestPlatform;
  let sink: SmtpSink;
  let seen = 0;
  const as = (user: string, permissions: readonly string[], unit: string): TestClient => {
    const client = t.client.as({ id: user, permissions: [...permissions] });
    const h = { 'x-cong-tenant': unit };
    return { ...client, get: (p, o = {}) => client.get(p, { ...o, headers: { ...h, ...o.headers } }), post: (p, b, o = {}) => client.post(p, b, { ...o, headers: { ...h, ...o.headers } }), put: (p, b, o = {}) => client.put(p, b, { ...o, headers: { ...h, ...o.headers } }) };
  };
  const justice = (unit = JUSTICE) => as(`tp-${unit}`, [PROCESS], unit);
  const deliver = async () => {
    await t.drainJobs();
    const fresh = sink.received.slice(seen);
    seen = sink.received.length;
    return fresh;
  };
  const form = (path: string, fields: Record<string, string>) =>
    t.client.request('POST', path, { rawBody: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  const lookup = (code: string, email: string) => form(`/t/${PROVINCE}/phan-anh-kien-nghi/tra-cuu`, { trackingCode: code, email });
  const letter = (overrides: Record<string, unknown> = {}) => ({
    channel: 'post',
    receivedOn: '2027-02-01',
    name: 'Trần Văn Bình',
    address: 'Thôn 3, xã Cam Hiếu, huyện Cam Lộ',
    phone: '0233 3852 111',
    contentType: 'practical-obstacle',
    regulationName: 'Quyết định 41/2019/QĐ-UBND về cấp giấy phép xây dựng',
    title: 'Thư phản ánh về hồ sơ cấp phép xây dựng',
    content: 'Hồ sơ cấp giấy phép xây dựng nhà ở nông thôn yêu cầu bản vẽ do đơn vị có chứng chỉ lập, gây tốn kém.',
    ...overrides,
  });

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
        pluginConfig: { qa: { feedback: { minFillSeconds: 0, submitPerAddress: { points: 500, durationSeconds: 3600 }, submitPerEmail: { points: 50, durationSeconds: 3600 } } } },
      },
    });
    expect(t.report.plugins.find((p) => p.id === 'qa')?.state, JSON.stringify(t.report.plugins)).toBe('started');
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.close();
    vi.useRealTimers();
  });

  it('enters a letter received two days ago: received at once, the forwarding deadline counted from its day, nothing mailed without an e-mail', async () => {
    const entered = ok(await justice().post('/api/qa/feedback', letter()), 201);
    expect(entered).toMatchObject({ status: 'received', channel: 'post', kind: 'regulation', receivedAt: '2027-01-31T17:00:00.000Z', sender: { name: 'Trần Văn Bình', email: '', phone: '0233 3852 111' }, consentPublish: false });
    expect(entered.trackingCode).toMatch(CODE);
    expect(entered.timeline).toEqual([{ action: 'received', actor: `tp-${JUSTICE}`, unit: expect.any(String), note: 'post', at: '2027-01-31T17:00:00.000Z' }]);
    expect(await deliver()).toEqual([]);
    // In the list with its channel; the web's are `web`.
    const listed = (ok(await justice().get('/api/qa/feedback')).items as { id: string; channel: string }[]).find((i) => i.id === entered.id);
    expect(listed?.channel).toBe('post');

    // Received Mon 1/2: + 5 working days across Tết is Mon 15/2 (from the day it was typed in, Wed 3/2, it would be 17/2).
    ok(await justice().post(`/api/qa/feedback/${entered.id}/register`, {}));
    const classified = ok(await justice().post(`/api/qa/feedback/${entered.id}/classify`, { outcome: 'outside-competence', reason: 'Thuộc thẩm quyền của Bộ Xây dựng' }));
    expect(classified.forwardDueOn).toBe('2027-02-15');
    expect(ok(await justice().post(`/api/qa/feedback/${entered.id}/forward`, { to: 'Bộ Xây dựng' })).status).toBe('forwarded');
    expect(await deliver()).toEqual([]);
    // No e-mail: it cannot be looked up with an empty one.
    expect((await lookup(entered.trackingCode, '')).status).toBe(404);

    // A call without an e-mail runs to a published result: its empty e-mail is not "personal data" in every text.
    const call = ok(await justice().post('/api/qa/feedback', letter({ channel: 'phone', receivedOn: '2027-02-03', title: 'Gọi điện về phí trông giữ xe', contentType: 'unsuitable' })), 201);
    expect(call.channel).toBe('phone');
    expect(Date.parse(call.receivedAt)).toBeGreaterThanOrEqual(Date.parse('2027-02-03T02:00:00.000Z'));
    ok(await justice().post(`/api/qa/feedback/${call.id}/register`, {}));
    ok(await justice().post(`/api/qa/feedback/${call.id}/classify`, { outcome: 'within-competence', reason: 'Quy định của UBND tỉnh' }));
    ok(await justice().put(`/api/qa/feedback/${call.id}/review`, { criteria }));
    ok(await justice().post(`/api/qa/feedback/${call.id}/decide`, { decision: 'amend', note: 'Sửa mức phí' }));
    expect(ok(await justice().post(`/api/qa/feedback/${call.id}/publish`, { title: 'Mức phí trông giữ xe', summary: 'Người dân phản ánh mức phí cao.', result: 'Đã sửa mức phí.' })).status).toBe('published');
    expect(await deliver()).toEqual([]);

    // The staff member who entered it is in the audit log, with the channel and no personal data.
    const audit = ok(await as('auditor', ['core.audit.read'], JUSTICE).get(`/api/core/audit?objectId=${entered.id}`));
    const intake = (audit.items as { action: string; actorId: string; after: Record<string, unknown> }[]).find((a) => a.action === 'qa.feedback.intake');
    expect(intake).toMatchObject({ actorId: `tp-${JUSTICE}`, after: { channel: 'post', receivedOn: '2027-02-01', status: 'received', mailed: false } });
    expect(JSON.stringify(intake)).not.toContain('Trần Văn Bình');
  });

  it('mails a staff-entered sender with an e-mail exactly once on receipt and once on the outcome', async () => {
    const entered = ok(await justice().post('/api/qa/feedback', letter({ channel: 'questionnaire', receivedOn: '2027-02-02', email: 'Binh.Tran@Example.vn', title: 'Phiếu lấy ý kiến về thủ tục đăng ký kinh doanh' })), 201);
    expect(entered.sender.email).toBe('binh.tran@example.vn');
    const receipt = await deliver();
    expect(receipt).toHaveLength(1);
    expect(receipt[0]!.to).toEqual(['binh.tran@example.vn']);
    expect(receipt[0]!.subject).toBe(`Mã theo dõi ${entered.trackingCode} / Tracking code ${entered.trackingCode}`);
    for (const text of ['Sở Tư pháp', 'ngày 2/2/2027', '"Phiếu lấy ý kiến về thủ tục đăng ký kinh doanh"', '/phan-anh-kien-nghi/tra-cuu', '---']) expect(receipt[0]!.text).toContain(text);
    // The code and the e-mail open its status on the portal.
    const status = await lookup(entered.trackingCode, 'binh.tran@example.vn');
    expect(status.status).toBe(200);
    expect(status.text).toContain('2/2/2027');

    ok(await justice().post(`/api/qa/feedback/${entered.id}/register`, {}));
    expect(await deliver()).toEqual([]);
    ok(await justice().post(`/api/qa/feedback/${entered.id}/classify`, { outcome: 'not-accepted', reason: 'Nội dung là khiếu nại, không phải phản ánh về quy định' }));
    const outcome = await deliver();
    expect(outcome).toHaveLength(1);
    expect(outcome[0]!.subject).toBe(`Kết quả xử lý ${entered.trackingCode} / Outcome of ${entered.trackingCode}`);
    expect(outcome[0]!.text).toContain('Không thuộc phạm vi tiếp nhận. Lý do: Nội dung là khiếu nại, không phải phản ánh về quy định');
    ok(await justice().post(`/api/qa/feedback/${entered.id}/archive`));
    expect(await deliver()).toEqual([]);
  });

  it('mails the form’s sender the tracking code on verification, the result once when first published', async () => {
    const path = `/t/${PROVINCE}/phan-anh-kien-nghi`;
    const formToken = FORM_TOKEN.exec((await t.client.get(path)).text)![1]!;
    const sent = await form(path, {
      formToken,
      name: 'Nguyễn Thị Lan',
      email: 'lan@example.vn',
      phone: '0912 345 678',
      address: 'Số 12 đường Hùng Vương, phường Đông Hà',
      contentType: 'inconsistent',
      regulationName: 'Quyết định 12/2025/QĐ-UBND',
      title: 'Hai quyết định quy định khác nhau về phí',
      content: 'Quyết định 12/2025 và Quyết định 20/2025 quy định hai mức phí khác nhau cho cùng một dịch vụ.',
      consentProcessing: 'on',
      website: '',
    });
    expect(sent.status, sent.text).toBe(200);
    const verification = await deliver();
    expect(verification).toHaveLength(1);
    const token = FEEDBACK_LINK.exec(verification[0]!.text)![1]!;
    expect((await t.client.post(`${path}/xac-nhan/${token}`)).status).toBe(200);
    const receipt = await deliver();
    expect(receipt).toHaveLength(1);
    expect(receipt[0]!.to).toEqual(['lan@example.vn']);
    const code = /Mã theo dõi: ((?:PA)-\d{4}-[2-9A-Z]{6})/.exec(receipt[0]!.text)![1]!;
    expect(receipt[0]!.text).toContain('ngày 3/2/2027');
    const item = (ok(await justice().get('/api/qa/feedback')).items as { id: string; trackingCode: string; channel: string }[]).find((i) => i.trackingCode === code)!;
    expect(item.channel).toBe('web');

    ok(await justice().post(`/api/qa/feedback/${item.id}/register`, {}));
    ok(await justice().post(`/api/qa/feedback/${item.id}/classify`, { outcome: 'within-competence', reason: 'Quy định của UBND tỉnh' }));
    ok(await justice().put(`/api/qa/feedback/${item.id}/review`, { criteria }));
    ok(await justice().post(`/api/qa/feedback/${item.id}/decide`, { decision: 'amend', note: 'Thống nhất mức phí' }));
    expect(await deliver()).toEqual([]);
    const published = ok(await justice().post(`/api/qa/feedback/${item.id}/publish`, { title: 'Thống nhất mức phí dịch vụ', summary: 'Hai quyết định quy định khác nhau.', result: 'UBND tỉnh bãi bỏ mức phí tại Quyết định 20/2025.' }));
    const result = await deliver();
    expect(result).toHaveLength(1);
    expect(result[0]!.to).toEqual(['lan@example.vn']);
    for (const text of ['UBND tỉnh bãi bỏ mức phí tại Quyết định 20/2025.', `/phan-anh-kien-nghi/ket-qua#${published.publication.slug}`]) expect(result[0]!.text).toContain(text);
    // Correcting the published text sends nothing again.
    ok(await justice().post(`/api/qa/feedback/${item.id}/publish`, { title: 'Thống nhất mức phí dịch vụ', summary: 'Hai quyết định quy định khác nhau về phí.', result: 'UBND tỉnh bãi bỏ mức phí tại Quyết định 20/2025.' }));
    expect(await deliver()).toEqual([]);
  });

  it('names each refused field, keeps other units out (404) and needs the permission (403); nothing stored or mailed', async () => {
    const before = ok(await justice().get('/api/qa/feedback')).total as number;
    const pointers = async (body: Record<string, unknown>) => (ok(await justice().post('/api/qa/feedback', body), 400).errors as { pointer: string }[]).map((e) => e.pointer);
    expect(await pointers(letter({ receivedOn: '2027-02-04' }))).toEqual(['/receivedOn']);
    expect(await pointers(letter({ receivedOn: '2027-02-30' }))).toEqual(['/receivedOn']);
    expect(await pointers(letter({ receivedOn: '3/2/2027' }))).toEqual(['/receivedOn']);
    expect(await pointers(letter({ channel: 'web' }))).toEqual(['/channel']);
    expect(await pointers(letter({ name: '  ', email: 'khong-hop-le', phone: '12', address: '' })).then((p) => p.sort())).toEqual(['/address', '/email', '/name', '/phone']);
    expect(await pointers(letter({ regulationLink: 'javascript:alert(1)', content: 'Quá ngắn' })).then((p) => p.sort())).toEqual(['/content', '/regulationLink']);
    expect((await justice().post('/api/qa/feedback', letter({ verified: true }))).status).toBe(400);
    const { phone: _phone, ...withoutPhone } = letter();
    expect(await pointers(withoutPhone)).toContain('/phone');

    // Units that do not receive feedback on regulations: another department, the province itself.
    expect((await justice(OTHER).post('/api/qa/feedback', letter())).status).toBe(404);
    expect((await justice(PROVINCE).post('/api/qa/feedback', letter())).status).toBe(404);
    expect((await as('x', [IDEAS], JUSTICE).post('/api/qa/feedback', letter())).status).toBe(403);
    expect((await t.client.post('/api/qa/feedback', letter(), { headers: { 'x-cong-tenant': JUSTICE } })).status).toBe(401);

    expect(ok(await justice().get('/api/qa/feedback')).total).toBe(before);
    expect(await deliver()).toEqual([]);
  });
});
