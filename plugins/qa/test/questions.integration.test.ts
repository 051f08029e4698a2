import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { ANSWER, linkToken, ok, PROVINCE, question, sleep, startQaPlatform, TRIAGE, type Harness } from './qa-support.js';

const BOARD = ['board-1', [TRIAGE], PROVINCE] as const;
const CODE = /HD-\d{4}-[2-9A-HJKMNP-TV-Z]{6}/;

describeEachDialect('citizens’ questions: form, verification, tracking and the board’s queue', (dialect) => {
  let h: Harness;
  /** Fill-time tokens per unit, old enough to be accepted. */
  const tokens: Record<string, string> = {};
  const board = () => h.as(...BOARD);
  const agency = (unit: string) => h.as(`clerk-${unit}`, [ANSWER], unit);

  /** Asks through the widget on `unit`, verifies through the mailed link, returns the question's id and code. */
  async function askAndVerify(overrides: Record<string, unknown> = {}, unit = PROVINCE): Promise<{ id: string; code: string }> {
    const asked = ok(await h.anon(unit).post('/api/qa/public/questions', question(tokens[unit]!, overrides)), 202);
    const [mail] = await h.deliver();
    const verified = ok(await h.anon(unit).post('/api/qa/public/verify', { token: linkToken(mail!.text) }));
    await h.deliver();
    return { id: asked.id, code: verified.trackingCode };
  }

  beforeAll(async () => {
    h = await startQaPlatform(dialect, { submitPerAddress: { points: 200, durationSeconds: 3600 }, submitPerEmail: { points: 50, durationSeconds: 3600 } });
    for (const unit of [PROVINCE, 'dong-ha', 'nam-dong-ha']) tokens[unit] = ok(await h.anon(unit).get('/api/qa/public/form')).formToken;
    await sleep(1100); // the form's minimum fill time (1 s in these tests)
  });
  afterAll(async () => h?.stop());

  it('offers the province’s fields, its communes and the purpose/consent text', async () => {
    const form = ok(await h.anon(PROVINCE).get('/api/qa/public/form'));
    expect(form.fields.map((f: { code: string }) => f.code)).toEqual(expect.arrayContaining(['dat-dai', 'xay-dung', 'thue', 'giao-duc', 'y-te', 'lao-dong-viec-lam', 'giao-thong', 'moi-truong']));
    expect(form.fields.find((f: { code: string }) => f.code === 'dat-dai').name).toBe('Đất đai');
    expect(form.communes.map((c: { slug: string }) => c.slug)).toEqual(expect.arrayContaining(['xa-minh-hoa-01', 'dong-ha', 'con-co']));
    expect(form.communes.map((c: { slug: string }) => c.slug)).not.toContain('so-y-te');
    expect(form.consent.vi).toMatch(/Thông tin cá nhân/);
    // The API document describes the widget's and the board's routes.
    const openapi = ok(await h.t.client.get('/openapi.json'));
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/qa/public/questions', '/api/qa/questions/{id}/forward', '/api/qa/inbox/{id}/transfer']));
    // A department's site collects for the same province: same fields.
    expect(ok(await h.anon('so-y-te').get('/api/qa/public/form')).fields).toEqual(form.fields);
  });

  it('runs the lifecycle: ask, one e-mail, verify by the link, code mailed, forward, return, forward, transfer, decline', async () => {
    const asked = ok(await h.anon(PROVINCE).post('/api/qa/public/questions', question(tokens[PROVINCE]!)), 202);
    expect(asked.status).toBe('unverified');
    const verificationMails = await h.deliver();
    expect(verificationMails).toHaveLength(1);
    expect(verificationMails[0]!.to).toEqual(['lan.nguyen@example.vn']);
    expect(verificationMails[0]!.subject).toMatch(/^Xác nhận câu hỏi/);
    expect(verificationMails[0]!.text.indexOf('Để câu hỏi được tiếp nhận')).toBeLessThan(verificationMails[0]!.text.indexOf('To have it received'));
    const token = linkToken(verificationMails[0]!.text);

    // Not in the queue before it is verified.
    expect(ok(await board().get('/api/qa/questions')).items.map((q: { id: string }) => q.id)).not.toContain(asked.id);

    // The link opens a page with a button: fetching it (a mail scanner) verifies nothing.
    const confirm = await h.t.client.get(`/t/${PROVINCE}/hoi-dap/xac-nhan/${token}`);
    expect(confirm.status).toBe(200);
    expect(confirm.headers.get('content-type')).toMatch(/^text\/html/);
    expect(confirm.text).toContain(`<form method="post" action="/t/${PROVINCE}/hoi-dap/xac-nhan/${token}">`);
    expect(await h.deliver()).toHaveLength(0);

    const verified = await h.t.client.post(`/t/${PROVINCE}/hoi-dap/xac-nhan/${token}`);
    expect(verified.status).toBe(200);
    const code = CODE.exec(verified.text)![0];
    const codeMails = await h.deliver();
    expect(codeMails).toHaveLength(1);
    expect(codeMails[0]!.subject).toContain(code);
    expect(codeMails[0]!.text).toContain(`Mã theo dõi: ${code}`);
    // Single use.
    expect((await h.t.client.post(`/t/${PROVINCE}/hoi-dap/xac-nhan/${token}`)).status).toBe(404);
    expect(ok(await h.anon(PROVINCE).post('/api/qa/public/verify', { token }), 404).code).toBe('QA_ERR_VERIFICATION_INVALID');

    const received = ok(await board().get(`/api/qa/questions/${asked.id}`));
    expect(received).toMatchObject({ status: 'received', trackingCode: code, field: 'dat-dai', asker: { name: 'Nguyễn Thị Lan', email: 'lan.nguyen@example.vn' } });
    expect(received.timeline.map((e: { action: string }) => e.action)).toEqual(['submitted', 'verified']);

    // The board forwards to the Department of Construction.
    ok(await board().post(`/api/qa/questions/${asked.id}/forward`, { agency: 'so-xay-dung', note: 'Đề nghị Sở Xây dựng trả lời' }));
    const inbox = ok(await agency('so-xay-dung').get('/api/qa/inbox'));
    expect(inbox.items.map((q: { id: string }) => q.id)).toEqual([asked.id]);
    // The agency answers, so it sees the asker's name and contact.
    expect(ok(await agency('so-xay-dung').get(`/api/qa/inbox/${asked.id}`)).asker).toMatchObject({ name: 'Nguyễn Thị Lan', email: 'lan.nguyen@example.vn', phone: '0912 345 678' });
    // Another agency: the question does not exist.
    expect((await agency('so-y-te').get(`/api/qa/inbox/${asked.id}`)).status).toBe(404);
    expect(ok(await agency('so-y-te').get('/api/qa/inbox')).total).toBe(0);
    expect((await agency('so-y-te').post(`/api/qa/inbox/${asked.id}/return`, { reason: 'x' })).status).toBe(404);
    // The board's routes in an agency (even with the permission there): 404.
    expect((await h.as('clerk', [TRIAGE], 'so-xay-dung').get(`/api/qa/questions/${asked.id}`)).status).toBe(404);

    // The agency returns it; the board forwards elsewhere; that agency transfers it on.
    ok(await agency('so-xay-dung').post(`/api/qa/inbox/${asked.id}/return`, { reason: 'Thuộc lĩnh vực đất đai, không phải xây dựng' }));
    expect((await agency('so-xay-dung').get(`/api/qa/inbox/${asked.id}`)).status).toBe(404);
    expect(ok(await board().get(`/api/qa/questions/${asked.id}`)).status).toBe('returned');
    ok(await board().post(`/api/qa/questions/${asked.id}/forward`, { agency: 'so-tai-chinh' }));
    const moved = ok(await agency('so-tai-chinh').post(`/api/qa/inbox/${asked.id}/transfer`, { agency: 'so-tu-phap', note: 'Chuyển Sở Tư pháp' }));
    expect(moved.agency.slug).toBe('so-tu-phap');
    expect((await agency('so-tai-chinh').get(`/api/qa/inbox/${asked.id}`)).status).toBe(404);
    ok(await agency('so-tu-phap').get(`/api/qa/inbox/${asked.id}`));
    // Transferring to itself or outside the province is refused, naming the field.
    const self = ok(await agency('so-tu-phap').post(`/api/qa/inbox/${asked.id}/transfer`, { agency: 'so-tu-phap' }), 400);
    expect(self.errors[0].pointer).toBe('/agency');
    ok(await agency('so-tu-phap').post(`/api/qa/inbox/${asked.id}/return`, { reason: 'Vượt thẩm quyền cấp tỉnh' }));

    // The board answers "outside the province's competence": closed, with the reason.
    const closed = ok(await board().post(`/api/qa/questions/${asked.id}/decline`, { reason: 'Thuộc thẩm quyền của Bộ Nông nghiệp và Môi trường' }));
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'Thuộc thẩm quyền của Bộ Nông nghiệp và Môi trường', agency: null });
    expect(closed.timeline.map((e: { action: string; unit: { slug: string } | null; target: { slug: string } | null }) => [e.action, e.unit?.slug ?? null, e.target?.slug ?? null])).toEqual([
      ['submitted', PROVINCE, null], // the unit whose site received it
      ['verified', PROVINCE, null],
      ['forwarded', PROVINCE, 'so-xay-dung'],
      ['returned', 'so-xay-dung', PROVINCE],
      ['forwarded', PROVINCE, 'so-tai-chinh'],
      ['transferred', 'so-tai-chinh', 'so-tu-phap'],
      ['returned', 'so-tu-phap', PROVINCE],
      ['declined', PROVINCE, null],
    ]);
    expect(closed.timeline[3].note).toBe('Thuộc lĩnh vực đất đai, không phải xây dựng');
    // Every staff step is in the audit log of the province, with its actor; no personal data in it.
    const audit = ok(await h.as('kiem-tra', ['core.audit.read'], PROVINCE).get('/api/core/audit', { query: { objectId: asked.id, limit: 50 } }));
    expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual(
      ['qa.question.decline', 'qa.question.forward', 'qa.question.forward', 'qa.question.return', 'qa.question.return', 'qa.question.transfer'].sort(),
    );
    expect(audit.items.find((e: { action: string }) => e.action === 'qa.question.transfer')).toMatchObject({ actorId: 'clerk-so-tai-chinh' });
    expect(JSON.stringify(audit.items)).not.toMatch(/lan\.nguyen|0912/);
    // Nothing follows a close.
    const again = ok(await board().post(`/api/qa/questions/${asked.id}/forward`, { agency: 'so-y-te' }), 409);
    expect(again.code).toBe('QA_ERR_QUESTION_TRANSITION');

    // The public status: no contact details.
    const status = ok(await h.anon(PROVINCE).post('/api/qa/public/status', { trackingCode: code.toLowerCase(), email: 'LAN.Nguyen@example.vn' }));
    expect(status).toMatchObject({ trackingCode: code, status: 'closed', field: 'Đất đai', closeReason: 'Thuộc thẩm quyền của Bộ Nông nghiệp và Môi trường' });
    expect(JSON.stringify(status)).not.toMatch(/lan\.nguyen|0912|Hùng Vương|Nguyễn Thị Lan/);
  });

  it('lists the board’s queue with filters by status, field, commune and date', async () => {
    const a = await askAndVerify({ field: 'giao-duc', commune: 'xa-minh-hoa-02', title: 'Tuyển sinh lớp 10 năm học tới' });
    await askAndVerify({ field: 'y-te', title: 'Thẻ bảo hiểm y tế cho trẻ em' });
    const byField = ok(await board().get('/api/qa/questions', { query: { field: 'giao-duc' } }));
    expect(byField.items.map((q: { id: string }) => q.id)).toEqual([a.id]);
    expect(ok(await board().get('/api/qa/questions', { query: { commune: 'xa-minh-hoa-02' } })).items.map((q: { id: string }) => q.id)).toEqual([a.id]);
    expect(ok(await board().get('/api/qa/questions', { query: { status: 'received', field: 'y-te' } })).total).toBe(1);
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    expect(ok(await board().get('/api/qa/questions', { query: { from: today, to: today, field: 'giao-duc' } })).total).toBe(1);
    expect(ok(await board().get('/api/qa/questions', { query: { to: '2020-01-01' } })).total).toBe(0);
    // Classify: the field changes and the step is in the timeline.
    const classified = ok(await board().post(`/api/qa/questions/${a.id}/classify`, { field: 'lao-dong-viec-lam' }));
    expect(classified.field).toBe('lao-dong-viec-lam');
    expect(classified.timeline.at(-1)).toMatchObject({ action: 'classified', actor: 'board-1', unit: { slug: PROVINCE } });
    expect(ok(await board().post(`/api/qa/questions/${a.id}/classify`, { field: 'khong-co' }), 400).errors[0].pointer).toBe('/field');
  });

  it('suggests a target from the province’s routing rules (commune first, then field), which the board edits', async () => {
    const fieldRule = ok(await board().post('/api/qa/routing-rules', { kind: 'field', field: 'moi-truong', agency: 'so-nong-nghiep-va-moi-truong' }), 201);
    const communeRule = ok(await board().post('/api/qa/routing-rules', { kind: 'commune', commune: 'xa-minh-hoa-03', agency: 'xa-minh-hoa-03', note: 'Việc của xã' }), 201);
    expect(communeRule).toMatchObject({ kind: 'commune', commune: { slug: 'xa-minh-hoa-03' }, agency: { slug: 'xa-minh-hoa-03' }, note: 'Việc của xã' });
    const q = await askAndVerify({ field: 'moi-truong', commune: 'xa-minh-hoa-03', title: 'Ô nhiễm nguồn nước tại thôn 3' });
    const detail = ok(await board().get(`/api/qa/questions/${q.id}`));
    expect(detail.suggestions.map((s: { agency: { slug: string } }) => s.agency.slug)).toEqual(['xa-minh-hoa-03', 'so-nong-nghiep-va-moi-truong']);
    // Agencies do not see the board's suggestions.
    ok(await board().post(`/api/qa/questions/${q.id}/forward`, { agency: detail.suggestions[0].agency.slug }));
    expect(ok(await agency('xa-minh-hoa-03').get(`/api/qa/inbox/${q.id}`)).suggestions).toBeUndefined();

    ok(await board().put(`/api/qa/routing-rules/${fieldRule.id}`, { kind: 'field', field: 'moi-truong', agency: 'so-xay-dung' }));
    expect(ok(await board().get('/api/qa/routing-rules')).items.find((r: { id: string }) => r.id === fieldRule.id).agency.slug).toBe('so-xay-dung');
    expect((await board().delete(`/api/qa/routing-rules/${communeRule.id}`)).status).toBe(204);
    expect(ok(await board().get('/api/qa/routing-rules')).items.map((r: { id: string }) => r.id)).toEqual([fieldRule.id]);
    // Rules name units of the province and fields of its list.
    expect(ok(await board().post('/api/qa/routing-rules', { kind: 'field', field: 'moi-truong', agency: 'khong-ton-tai' }), 400).errors[0].pointer).toBe('/agency');
    expect(ok(await board().post('/api/qa/routing-rules', { kind: 'commune', commune: 'so-y-te', agency: 'so-y-te' }), 400).errors[0].pointer).toBe('/commune');
    expect((await h.as('clerk', [ANSWER], PROVINCE).get('/api/qa/routing-rules')).status).toBe(403);
  });

  it('checks each permission: the board’s and an agency’s', async () => {
    const q = await askAndVerify({ title: 'Câu hỏi về quyền' });
    expect((await h.as('x', [], PROVINCE).get('/api/qa/questions')).status).toBe(403);
    expect((await h.as('x', [ANSWER], PROVINCE).post(`/api/qa/questions/${q.id}/forward`, { agency: 'so-y-te' })).status).toBe(403);
    expect((await h.as('x', [ANSWER], PROVINCE).post(`/api/qa/questions/${q.id}/decline`, { reason: 'x' })).status).toBe(403);
    expect((await h.as('x', [ANSWER], PROVINCE).post(`/api/qa/questions/${q.id}/classify`, { field: 'thue' })).status).toBe(403);
    expect((await h.anon(PROVINCE).get('/api/qa/questions')).status).toBe(401);
    ok(await board().post(`/api/qa/questions/${q.id}/forward`, { agency: 'so-y-te' }));
    expect((await h.as('x', [TRIAGE], 'so-y-te').get('/api/qa/inbox')).status).toBe(403);
    expect((await h.as('x', [TRIAGE], 'so-y-te').post(`/api/qa/inbox/${q.id}/return`, { reason: 'x' })).status).toBe(403);
    expect((await h.as('x', [TRIAGE], 'so-y-te').post(`/api/qa/inbox/${q.id}/transfer`, { agency: 'so-xay-dung' })).status).toBe(403);
    // The board cannot forward what is with an agency; only the agency returns or transfers it.
    expect(ok(await board().post(`/api/qa/questions/${q.id}/forward`, { agency: 'so-xay-dung' }), 409).code).toBe('QA_ERR_QUESTION_TRANSITION');
  });

  it('answers the status page the same for an unknown code and a wrong e-mail', async () => {
    const q = await askAndVerify({ title: '<img src=x onerror=alert(1)> Giờ làm việc của bộ phận một cửa' });
    const wrongEmail = await h.anon(PROVINCE).post('/api/qa/public/status', { trackingCode: q.code, email: 'someone@example.vn' });
    const unknownCode = await h.anon(PROVINCE).post('/api/qa/public/status', { trackingCode: 'HD-2026-ZZZZZZ', email: 'lan.nguyen@example.vn' });
    expect(wrongEmail.status).toBe(404);
    expect(unknownCode.status).toBe(404);
    expect({ ...wrongEmail.body, reqId: undefined }).toEqual({ ...unknownCode.body, reqId: undefined });
    // Both fields are required.
    expect(ok(await h.anon(PROVINCE).post('/api/qa/public/status', { trackingCode: q.code }), 400).errors[0].pointer).toBe('/email');

    // The HTML page: the same for both, and the citizen's markup shown as text.
    const pageWrong = await h.t.client.post(`/t/${PROVINCE}/hoi-dap/tra-cuu`, { trackingCode: q.code, email: 'someone@example.vn' });
    const pageUnknown = await h.t.client.post(`/t/${PROVINCE}/hoi-dap/tra-cuu`, { trackingCode: 'HD-2026-ZZZZZZ', email: 'lan.nguyen@example.vn' });
    expect(pageWrong.status).toBe(404);
    expect(pageWrong.text).toBe(pageUnknown.text);
    const found = await h.t.client.post(`/t/${PROVINCE}/hoi-dap/tra-cuu`, { trackingCode: q.code, email: 'lan.nguyen@example.vn' });
    expect(found.status).toBe(200);
    expect(found.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(found.text).not.toContain('<img src=x');
    expect(found.text).not.toMatch(/lan\.nguyen|0912 345 678/);
    expect(found.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('takes the form without JavaScript: the page, its form fields posted back, a page in answer', async () => {
    const form = await h.t.client.get(`/t/${PROVINCE}/hoi-dap/gui-cau-hoi`);
    expect(form.status).toBe(200);
    expect(form.text).toContain(`<form method="post" action="/t/${PROVINCE}/hoi-dap/gui-cau-hoi"`);
    expect(form.text).toContain('name="website"'); // the honeypot
    expect(form.text).toMatch(/Thông tin cá nhân/);
    const formToken = /name="formToken" value="([^"]+)"/.exec(form.text)![1]!;
    await sleep(1100);
    // What a browser sends: text fields, a ticked checkbox as "on", the empty honeypot.
    const fields = { name: 'Trần Văn Bình', email: 'binh.tran@example.vn', phone: '', address: '', field: 'thue', commune: '', title: 'Miễn thuế sử dụng đất nông nghiệp', content: 'Hộ gia đình tôi có được miễn thuế sử dụng đất nông nghiệp không <b>ạ</b>?', consentProcessing: 'on', website: '', formToken };

    // A missing title: the form comes back with the problem named and the values kept, escaped.
    const refused = await h.t.client.post(`/t/${PROVINCE}/hoi-dap/gui-cau-hoi`, { ...fields, title: '' });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/^text\/html/);
    expect(refused.text).toContain('href="#q-title"');
    expect(refused.text).toContain('&lt;b&gt;ạ&lt;/b&gt;');
    expect(await h.deliver()).toHaveLength(0);

    // Posted as a browser without JavaScript posts it: form-urlencoded.
    const sent = await h.t.client.request('POST', `/t/${PROVINCE}/hoi-dap/gui-cau-hoi`, {
      rawBody: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(sent.status, sent.text).toBe(200);
    expect(sent.text).toContain('Vui lòng kiểm tra e-mail');
    const mails = await h.deliver();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(['binh.tran@example.vn']);
    const verified = await h.t.client.post(`/t/${PROVINCE}/hoi-dap/xac-nhan/${linkToken(mails[0]!.text)}`);
    expect(CODE.test(verified.text)).toBe(true);
    await h.deliver();
  });

  it('refuses a filled honeypot and a form sent too fast, with a clear message, and a forged token', async () => {
    const honeypot = ok(await h.anon(PROVINCE).post('/api/qa/public/questions', question(tokens[PROVINCE]!, { website: 'http://spam.example' })), 400);
    expect(honeypot).toMatchObject({ code: 'QA_ERR_HONEYPOT', errors: [{ pointer: '/website' }] });

    const fresh = ok(await h.anon(PROVINCE).get('/api/qa/public/form')).formToken;
    const tooFast = ok(await h.anon(PROVINCE).post('/api/qa/public/questions', question(fresh)), 400);
    expect(tooFast.code).toBe('QA_ERR_FORM_TOO_FAST');
    expect(tooFast.detail).toMatch(/wait at least 1 s/);

    const page = await h.t.client.get(`/t/${PROVINCE}/hoi-dap/gui-cau-hoi`);
    const pageToken = /name="formToken" value="([^"]+)"/.exec(page.text)![1]!;
    const tooFastPage = await h.t.client.post(`/t/${PROVINCE}/hoi-dap/gui-cau-hoi`, { name: 'A', email: 'a@example.vn', field: 'thue', title: 'Tiêu đề đủ dài', content: 'Nội dung câu hỏi đủ dài để qua kiểm tra.', consentProcessing: 'on', formToken: pageToken });
    expect(tooFastPage.status).toBe(400);
    expect(tooFastPage.text).toContain('Biểu mẫu được gửi quá nhanh');

    const forged = ok(await h.anon(PROVINCE).post('/api/qa/public/questions', question(`${Date.now() - 60_000}.${'A'.repeat(43)}`)), 400);
    expect(forged.code).toBe('QA_ERR_FORM_EXPIRED');
    // Another unit's token is not this unit's.
    expect(ok(await h.anon('so-y-te').post('/api/qa/public/questions', question(tokens[PROVINCE]!)), 400).code).toBe('QA_ERR_FORM_EXPIRED');
    expect(await h.deliver()).toHaveLength(0);
  });

  it('refuses bad input with problem+json naming the field; accepts 4-byte emoji and NFD text, stored NFC', async () => {
    const post = (overrides: Record<string, unknown>) => h.anon(PROVINCE).post('/api/qa/public/questions', question(tokens[PROVINCE]!, overrides));
    const cases: [Record<string, unknown>, string][] = [
      [{ email: undefined }, '/email'],
      [{ email: 'not-an-address' }, '/email'],
      [{ phone: 'call me<script>' }, '/phone'],
      [{ consentProcessing: false }, '/consentProcessing'],
      [{ field: 'khong-co' }, '/field'],
      [{ commune: 'so-y-te' }, '/commune'],
      [{ content: 'ngắn' }, '/content'],
      [{ content: 'x'.repeat(5001) }, '/content'],
      [{ title: '   ' }, '/title'],
      [{ extra: 1 }, '/extra'],
    ];
    for (const [overrides, pointer] of cases) {
      const res = await post(overrides);
      expect(res.status, `${JSON.stringify(overrides).slice(0, 60)} → ${res.text}`).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
    expect(await h.deliver()).toHaveLength(0);

    const nfd = 'Hỏi về thuế đất ở 🏠'.normalize('NFD');
    const q = await askAndVerify({ title: nfd, content: `${'Nội dung có biểu tượng 👍🏽 và chữ tổ hợp. '.normalize('NFD')}<script>alert(1)</script>`, name: 'Lê Thị Hồng'.normalize('NFD') });
    const stored = ok(await board().get(`/api/qa/questions/${q.id}`));
    expect(stored.title).toBe('Hỏi về thuế đất ở 🏠'.normalize('NFC'));
    expect(stored.asker.name).toBe('Lê Thị Hồng'.normalize('NFC'));
    expect(stored.content).toContain('👍🏽');
    expect(stored.content).toContain('<script>alert(1)</script>'); // plain text, stored as sent; escaped wherever shown
  });

  it('never answers 5xx to hostile input on the public endpoints, writes nothing, and mails template syntax as text', async () => {
    const api = h.anon(PROVINCE);
    const corpus: Record<string, unknown>[] = [
      JSON.parse('{"__proto__": {"polluted": 1}}') as Record<string, unknown>,
      { constructor: { prototype: { polluted: 1 } } },
      { title: 'Tiêu đề \u202Egpj.exe' },
      { title: 'lone \ud800 surrogate' },
      { content: 'x'.repeat(5001) },
      { email: '"a@evil.com x"@tinh.gov.vn' },
      { email: 'u@good.vn(x)evil.com' },
      { email: 'a@b.vn\r\nBcc: x@y.vn' },
      { name: 'Tên\r\nBcc: x@y.vn', email: 'a@b.vn\nX: y' },
      { field: "dat-dai' OR 1=1 --" },
      { commune: '../../admin' },
      { consentProcessing: 'true' },
      { formToken: 'x'.repeat(101) },
      { phone: '0'.repeat(21) },
      { name: ['a', 'b'] },
      { content: { nested: true } },
    ];
    const accepted: string[] = [];
    for (const overrides of corpus) {
      const body = { ...question(tokens[PROVINCE]!), ...overrides };
      const res = await api.post('/api/qa/public/questions', body);
      expect(res.status, `${JSON.stringify(overrides).slice(0, 80)} → ${res.text.slice(0, 200)}`).toBeLessThan(500);
      if (res.status >= 400) expect(res.body.code).toMatch(/^[A-Z]+_ERR_/);
      else accepted.push(JSON.stringify(overrides));
    }
    for (const raw of ['{"name": "a",', '{"name": "a"}}', "{'name': 'a'}", '[]', 'null', '"text"']) {
      const res = await api.request('POST', '/api/qa/public/questions', { rawBody: raw, headers: { 'content-type': 'application/json' } });
      expect(res.status, raw).toBeGreaterThanOrEqual(400);
      expect(res.status, raw).toBeLessThan(500);
    }
    for (const body of [{ trackingCode: "HD' OR 1=1 --", email: 'a@b.vn' }, { trackingCode: 'x'.repeat(31), email: 'a@b.vn' }, { trackingCode: 'HD-2026-AAAAAA', email: '' }]) {
      const res = await api.post('/api/qa/public/status', body);
      expect([400, 404]).toContain(res.status);
    }
    for (const token of ['..%2f..%2fetc', '%00', 'a'.repeat(200), '<script>']) {
      const res = await h.t.client.get(`/t/${PROVINCE}/hoi-dap/xac-nhan/${token}`);
      expect(res.status).toBeLessThan(500);
      expect(res.text).not.toContain('<script>');
    }
    // Only harmless text may be accepted (the RTL override is a character like any other in plain
    // text); each accepted question got its one e-mail, the refused ones wrote nothing.
    expect(accepted.filter((a) => !a.includes('gpj.exe'))).toEqual([]);
    expect(await h.deliver()).toHaveLength(accepted.length);

    // Template syntax in the citizen's text reaches the e-mail literally (no template engine).
    ok(await api.post('/api/qa/public/questions', question(tokens[PROVINCE]!, { title: "{{7*7}} ${7*7} <%= 7*7 %> {{constructor.constructor('return process')()}}" })), 202);
    const [mail] = await h.deliver();
    expect(mail!.text).toContain("{{7*7}} ${7*7} <%= 7*7 %> {{constructor.constructor('return process')()}}");
    expect(mail!.text).not.toMatch(/\b49\b/);
  });

  it('limits per e-mail address (coreServices.rateLimits) and per client address on the route, path variants in one bucket', async () => {
    // dong-ha: its own route bucket; the per-e-mail bucket is the platform's (3 in the test config below).
    const limited = await startQaPlatform(dialect, { submitPerAddress: { points: 4, durationSeconds: 3600 }, submitPerEmail: { points: 2, durationSeconds: 3600 } });
    try {
      const tokenOf = async (unit: string) => ok(await limited.anon(unit).get('/api/qa/public/form')).formToken as string;
      const [dongHa, namDongHa] = [await tokenOf('dong-ha'), await tokenOf('nam-dong-ha')];
      await sleep(1100);
      const ask = (unit: string, token: string, email: string, path = '/api/qa/public/questions') => limited.anon(unit).post(path, question(token, { email }));

      // Per e-mail: two questions, the third from the same address is refused, another address is not.
      expect((await ask('dong-ha', dongHa, 'same@example.vn')).status).toBe(202);
      expect((await ask('dong-ha', dongHa, 'SAME@example.vn')).status).toBe(202);
      const third = await ask('dong-ha', dongHa, 'same@example.vn');
      expect(third.status).toBe(429);
      expect(third.body.code).toBe('CONG_ERR_RATE_LIMITED');
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await ask('dong-ha', dongHa, 'other@example.vn')).status).toBe(202);
      expect(await limited.deliver()).toHaveLength(3); // one message per accepted question, none for the refused one

      // Per address on the route: path variants count in the same bucket; the fifth is refused.
      expect((await ask('nam-dong-ha', namDongHa, 'a1@example.vn')).status).toBe(202);
      expect((await ask('nam-dong-ha', namDongHa, 'a2@example.vn', '/api/qa/public/questions/')).status).toBe(202);
      expect((await ask('nam-dong-ha', namDongHa, 'a3@example.vn', '/api/qa/public/Questions')).status).toBe(202);
      expect((await ask('nam-dong-ha', namDongHa, 'a4@example.vn', '/api/qa/PUBLIC/questions/')).status).toBe(202);
      const refused = await ask('nam-dong-ha', namDongHa, 'a5@example.vn');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another unit's bucket is its own; a bypass key lifts the limit (benchmarks).
      expect((await limited.anon('nam-dong-ha').post('/api/qa/public/questions', question(namDongHa, { email: 'a6@example.vn' }), { headers: { 'x-cong-rate-limit-bypass': 'qa-bench-key-0123456789abcdef0123456789abcdef' } })).status).toBe(202);
    } finally {
      await limited.stop();
    }
  });
});
