import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_PRINCIPAL_HEADER } from '@cong/sdk/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { ANSWER, linkToken, ok, PROVINCE, question, sleep, startQaPlatform, TRIAGE, type Harness } from './qa-support.js';

const APPROVE = 'qa.answers.approve';
const PUBLISH = 'qa.answers.publish';
const RATING = /\/hoi-dap\/danh-gia\/([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/;
/** A question with personal data in its text, for the redaction step. */
const PERSONAL_CONTENT =
  'Tôi là Nguyễn Thị Lan, điện thoại 0912 345 678, CCCD 045190001234. Gia đình tôi sử dụng đất ổn định từ năm 1990 ' +
  'theo Quyết định số 41/2019/QĐ-UBND, lệ phí đã nộp 1.500.000 đồng. Xin hỏi thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu?';

describeEachDialect('answers: drafting, approval, waiting, sending, rating, redaction and publication', (dialect) => {
  let h: Harness;
  let formToken = '';
  let asked = 0;
  const board = () => h.as('board-1', [TRIAGE], PROVINCE);
  const publisher = () => h.as('bien-tap', [PUBLISH, TRIAGE], PROVINCE);
  const clerk = (unit = 'so-xay-dung', id = `clerk-${unit}`) => h.as(id, [ANSWER], unit);
  const leader = (unit = 'so-xay-dung') => h.as(`leader-${unit}`, [APPROVE], unit);
  const form = (path: string, fields: Record<string, string>) =>
    h.t.client.request('POST', `/t/${PROVINCE}${path}`, { rawBody: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

  /** A verified question forwarded to `agency`: its id, tracking code and the asker's address. */
  async function forwarded(agency = 'so-xay-dung', overrides: Record<string, unknown> = {}): Promise<{ id: string; code: string; email: string }> {
    const email = `asker-${++asked}@example.vn`;
    const sent = ok(await h.anon(PROVINCE).post('/api/qa/public/questions', question(formToken, { email, ...overrides })), 202);
    const [mail] = await h.deliver();
    const code = ok(await h.anon(PROVINCE).post('/api/qa/public/verify', { token: linkToken(mail!.text) })).trackingCode as string;
    await h.deliver();
    ok(await board().post(`/api/qa/questions/${sent.id}/forward`, { agency }));
    return { id: sent.id, code, email };
  }

  beforeAll(async () => {
    h = await startQaPlatform(dialect, { submitPerAddress: { points: 500, durationSeconds: 3600 }, statusPerAddress: { points: 500, durationSeconds: 600 } });
    formToken = ok(await h.anon(PROVINCE).get('/api/qa/public/form')).formToken;
    await sleep(1100); // the form's minimum fill time (1 s in these tests)
  });
  afterAll(async () => h?.stop());

  it('drafts with revisions and internal notes, needs the leader’s approval, sends, mails the asker, and takes one rating', async () => {
    const q = await forwarded('so-xay-dung', { content: PERSONAL_CONTENT });
    const empty = ok(await clerk().get(`/api/qa/inbox/${q.id}/answer`));
    expect(empty).toMatchObject({ questionId: q.id, questionStatus: 'forwarded', requiresApproval: true, answer: null, notes: [] });

    ok(await clerk().put(`/api/qa/inbox/${q.id}/answer`, { body: 'Dự thảo lần 1.' }));
    const second = ok(await h.as('clerk-2', [ANSWER], 'so-xay-dung').put(`/api/qa/inbox/${q.id}/answer`, { body: 'Hồ sơ gồm: đơn đăng ký; giấy tờ về quyền sử dụng đất. Thời hạn giải quyết 20 ngày làm việc.' }));
    expect(second.answer).toMatchObject({ status: 'draft', revision: 2, createdBy: 'clerk-so-xay-dung' });
    expect(second.answer.revisions.map((r: { number: number; author: string }) => [r.number, r.author])).toEqual([[1, 'clerk-so-xay-dung'], [2, 'clerk-2']]);
    const noted = ok(await clerk().post(`/api/qa/inbox/${q.id}/notes`, { body: 'Nội bộ: kiểm tra lại với Phòng Quản lý đất đai.' }));
    expect(noted.notes).toHaveLength(1);

    // The unit requires approval (the config's default): sending directly is refused.
    expect(ok(await clerk().post(`/api/qa/inbox/${q.id}/answer/send`), 409).code).toBe('QA_ERR_APPROVAL_REQUIRED');
    expect(ok(await clerk().post(`/api/qa/inbox/${q.id}/answer/submit`)).answer).toMatchObject({ status: 'pending', submittedBy: 'clerk-so-xay-dung' });
    expect(ok(await clerk().put(`/api/qa/inbox/${q.id}/answer`, { body: 'Sửa khi đang trình' }), 409).code).toBe('QA_ERR_ANSWER_STATE');
    // Approval needs the permission; an author (even holding it) cannot approve.
    expect((await clerk().post(`/api/qa/inbox/${q.id}/answer/approve`)).status).toBe(403);
    expect(ok(await h.as('clerk-2', [ANSWER, APPROVE], 'so-xay-dung').post(`/api/qa/inbox/${q.id}/answer/approve`), 403).code).toBe('QA_ERR_APPROVER_IS_AUTHOR');
    // The leader sends it back with remarks; it is edited and submitted again, then approved.
    expect(ok(await leader().post(`/api/qa/inbox/${q.id}/answer/send-back`, { remarks: 'Bổ sung căn cứ pháp lý' })).answer).toMatchObject({ status: 'draft', remarks: 'Bổ sung căn cứ pháp lý', decidedBy: 'leader-so-xay-dung' });
    const answerText = 'Căn cứ Luật Đất đai 2024, hồ sơ gồm: đơn đăng ký; giấy tờ về quyền sử dụng đất. Thời hạn giải quyết 20 ngày làm việc.';
    ok(await clerk().put(`/api/qa/inbox/${q.id}/answer`, { body: answerText }));
    ok(await clerk().post(`/api/qa/inbox/${q.id}/answer/submit`));
    expect(await h.deliver()).toHaveLength(0);
    const approved = ok(await leader().post(`/api/qa/inbox/${q.id}/answer/approve`));
    expect(approved).toMatchObject({ questionStatus: 'answered', answer: { status: 'sent', revision: 3, decidedBy: 'leader-so-xay-dung' } });
    expect(ok(await leader().post(`/api/qa/inbox/${q.id}/answer/approve`), 409).code).toBe('QA_ERR_ANSWER_STATE');

    // One e-mail to the asker: the answer, the status page, the rating link.
    const mails = await h.deliver();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual([q.email]);
    expect(mails[0]!.subject).toContain(q.code);
    expect(mails[0]!.text).toContain('20 ngày làm việc');
    expect(mails[0]!.text).toContain('https://localhost/hoi-dap/tra-cuu'); // the site's own host
    expect(mails[0]!.text).not.toContain('Nội bộ');
    const token = RATING.exec(mails[0]!.text)![1]!;

    // The timeline has every step with its time; the board sees the question answered.
    const detail = ok(await board().get(`/api/qa/questions/${q.id}`));
    expect(detail.status).toBe('answered');
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(['submitted', 'verified', 'forwarded', 'drafted', 'drafted', 'approval-asked', 'sent-back', 'drafted', 'approval-asked', 'approved', 'answered']);
    expect(detail.timeline.every((e: { at: string }) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    // The agency still reads it (answered), and its answer; audited without text or personal data.
    expect(ok(await clerk().get(`/api/qa/inbox/${q.id}`)).status).toBe('answered');
    const audit = ok(await h.as('kiem-tra', ['core.audit.read'], PROVINCE).get('/api/core/audit', { query: { objectId: q.id, limit: 50 } }));
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['qa.answer.draft', 'qa.answer.note', 'qa.answer.submit', 'qa.answer.send-back', 'qa.answer.approve']));
    expect(JSON.stringify(audit.items)).not.toMatch(/asker-|0912|Nguyễn Thị Lan|Nội bộ|Luật Đất đai/);

    // The status page shows the answer (not the notes) and the rating link.
    const status = ok(await h.anon(PROVINCE).post('/api/qa/public/status', { trackingCode: q.code, email: q.email }));
    expect(status).toMatchObject({ status: 'answered', agency: 'Sở Xây dựng', answer: { text: answerText, agency: 'Sở Xây dựng' }, rating: { token, rated: false } });
    const statusPage = await form('/hoi-dap/tra-cuu', { trackingCode: q.code, email: q.email });
    expect(statusPage.status).toBe(200);
    expect(statusPage.text).toContain('Đã có câu trả lời');
    expect(statusPage.text).toContain('20 ngày làm việc');
    expect(statusPage.text).toContain(`/hoi-dap/danh-gia/${token}`);
    expect(statusPage.text).not.toContain('Nội bộ');

    // Rating: the link's page (a GET changes nothing), the form, once.
    const ratingPage = await h.t.client.get(`/t/${PROVINCE}/hoi-dap/danh-gia/${token}`);
    expect(ratingPage.status).toBe(200);
    expect(ratingPage.text).toContain('name="score"');
    expect((await form(`/hoi-dap/danh-gia/${token}`, { comment: 'thiếu điểm' })).status).toBe(400);
    const rated = await form(`/hoi-dap/danh-gia/${token}`, { score: '4', comment: 'Trả lời rõ ràng' });
    expect(rated.status, rated.text).toBe(200);
    expect(rated.text).toContain('Cảm ơn bạn');
    expect((await form(`/hoi-dap/danh-gia/${token}`, { score: '5' })).status).toBe(409);
    expect(ok(await h.anon(PROVINCE).post('/api/qa/public/rating', { token, score: 5 }), 409).code).toBe('QA_ERR_ALREADY_RATED');
    const forged = `${q.id}.${'A'.repeat(43)}`;
    expect(ok(await h.anon(PROVINCE).post('/api/qa/public/rating', { token: forged, score: 5 }), 404).code).toBe('QA_ERR_RATING_INVALID');
    expect(ok(await h.anon(PROVINCE).post('/api/qa/public/status', { trackingCode: q.code, email: q.email })).rating).toEqual({ token: null, rated: true });
    expect(ok(await board().get(`/api/qa/questions/${q.id}`)).timeline.at(-1)).toMatchObject({ action: 'rated', note: '4/5', actor: 'public' });

    // The figures: the agency's own, and the board's per agency; no rater named.
    expect(ok(await clerk().get('/api/qa/rating-summary'))).toMatchObject({ agency: { slug: 'so-xay-dung' }, answered: 1, rated: 1, average: 4, scores: { '4': 1, '5': 0 } });
    const perAgency = ok(await board().get('/api/qa/rating-summary/agencies'));
    expect(perAgency.items.find((i: { agency: { slug: string } }) => i.agency.slug === 'so-xay-dung')).toMatchObject({ answered: 1, rated: 1, average: 4 });
    expect(JSON.stringify(perAgency)).not.toMatch(/asker-|Trả lời rõ ràng/);
  });

  it('waits for the citizen: the agency asks, the asker is mailed and replies on the status page, the question is back with the agency', async () => {
    const q = await forwarded('so-tai-chinh');
    const waiting = ok(await clerk('so-tai-chinh').post(`/api/qa/inbox/${q.id}/request-information`, { message: 'Đề nghị cho biết số thửa và tờ bản đồ.' }));
    expect(waiting).toEqual({ id: q.id, status: 'waiting' });
    const [mail] = await h.deliver();
    expect(mail!.to).toEqual([q.email]);
    expect(mail!.text).toContain('Đề nghị cho biết số thửa và tờ bản đồ.');
    expect(mail!.text).toContain('https://localhost/hoi-dap/tra-cuu');
    // Asking twice is refused; the agency still sees it (waiting) and may draft meanwhile.
    expect(ok(await clerk('so-tai-chinh').post(`/api/qa/inbox/${q.id}/request-information`, { message: 'Lần nữa' }), 409).code).toBe('QA_ERR_QUESTION_TRANSITION');
    expect(ok(await clerk('so-tai-chinh').get('/api/qa/inbox', { query: { status: 'waiting' } })).items.map((i: { id: string }) => i.id)).toEqual([q.id]);
    ok(await clerk('so-tai-chinh').put(`/api/qa/inbox/${q.id}/answer`, { body: 'Dự thảo trong khi chờ.' }));

    const status = ok(await h.anon(PROVINCE).post('/api/qa/public/status', { trackingCode: q.code, email: q.email }));
    expect(status).toMatchObject({ status: 'waiting', informationRequest: 'Đề nghị cho biết số thửa và tờ bản đồ.', answer: null, rating: null });
    const page = await form('/hoi-dap/tra-cuu', { trackingCode: q.code, email: q.email });
    expect(page.text).toContain('action="/t/quang-tri/hoi-dap/tra-cuu/bo-sung"');

    // A wrong address is not the asker; an empty reply is refused; the reply through the page's form.
    expect(ok(await h.anon(PROVINCE).post('/api/qa/public/reply', { trackingCode: q.code, email: 'other@example.vn', message: 'x' }), 404).status).toBe(404);
    expect((await form('/hoi-dap/tra-cuu/bo-sung', { trackingCode: q.code, email: q.email, message: '  ' })).status).toBe(400);
    const replied = await form('/hoi-dap/tra-cuu/bo-sung', { trackingCode: q.code, email: q.email, message: 'Thửa số 125, tờ bản đồ số 7.' });
    expect(replied.status, replied.text).toBe(200);
    expect(ok(await h.anon(PROVINCE).post('/api/qa/public/reply', { trackingCode: q.code, email: q.email, message: 'Lần hai' }), 409).code).toBe('QA_ERR_QUESTION_TRANSITION');

    const detail = ok(await clerk('so-tai-chinh').get(`/api/qa/inbox/${q.id}`));
    expect(detail.status).toBe('forwarded');
    const steps = detail.timeline.map((e: { action: string; note: string | null; at: string }) => [e.action, e.note]);
    expect(steps.slice(-3)).toEqual([
      ['info-requested', 'Đề nghị cho biết số thửa và tờ bản đồ.'],
      ['drafted', 'revision 1'],
      ['citizen-replied', 'Thửa số 125, tờ bản đồ số 7.'],
    ]);
    // The pause is measurable from the timeline: both ends carry their time.
    const [askedAt, repliedAt] = [detail.timeline.at(-3).at, detail.timeline.at(-1).at].map((t: string) => Date.parse(t));
    expect(repliedAt).toBeGreaterThanOrEqual(askedAt!);

    // This unit does not require approval: the leader turns it off, the author sends directly.
    expect((await clerk('so-tai-chinh').put('/api/qa/answer-settings', { requireApproval: false })).status).toBe(403);
    expect(ok(await leader('so-tai-chinh').put('/api/qa/answer-settings', { requireApproval: false }))).toEqual({ requireApproval: false });
    expect(ok(await leader('so-tai-chinh').get('/api/qa/answer-settings'))).toEqual({ requireApproval: false });
    expect(ok(await leader('so-xay-dung').get('/api/qa/answer-settings'))).toEqual({ requireApproval: true });
    const sent = ok(await clerk('so-tai-chinh').post(`/api/qa/inbox/${q.id}/answer/send`));
    expect(sent).toMatchObject({ questionStatus: 'answered', answer: { status: 'sent', decidedBy: null } });
    expect((await h.deliver())[0]!.text).toContain('Dự thảo trong khi chờ.');
    expect(ok(await clerk('so-tai-chinh').post(`/api/qa/inbox/${q.id}/return`, { reason: 'x' }), 409).code).toBe('QA_ERR_QUESTION_TRANSITION');
  });

  it('attaches files to the draft, sends them with the answer by signed links, and never to another agency', async () => {
    const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const q = await forwarded('so-tu-phap');
    const upload = async (unit: string, id: string, bytes: Buffer, name: string, permissions = [ANSWER]) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), name);
      const res = await fetch(`${h.t.url}/api/qa/inbox/${id}/answer/attachments`, {
        method: 'POST',
        body: form,
        headers: { 'x-cong-tenant': unit, [TEST_PRINCIPAL_HEADER]: JSON.stringify({ id: `clerk-${unit}`, permissions }) },
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    };
    // No draft yet: nothing to attach to.
    expect((await upload('so-tu-phap', q.id, PDF, 'mau-don.pdf')).body.code).toBe('QA_ERR_ANSWER_STATE');
    ok(await clerk('so-tu-phap').put(`/api/qa/inbox/${q.id}/answer`, { body: 'Xin gửi kèm mẫu đơn.' }));
    const attached = await upload('so-tu-phap', q.id, PDF, 'Mẫu đơn đăng ký.pdf');
    expect(attached.status, JSON.stringify(attached.body)).toBe(200);
    expect(attached.body.answer.attachments).toMatchObject([{ name: 'Mẫu đơn đăng ký.pdf', contentType: 'application/pdf', size: PDF.length, author: 'clerk-so-tu-phap' }]);
    const fileId = attached.body.answer.attachments[0].id as string;
    // A type that is not a document, another agency, no permission: refused.
    expect((await upload('so-tu-phap', q.id, Buffer.from('#!/bin/sh\necho hi\n'), 'x.sh')).status).toBe(415);
    expect((await upload('so-y-te', q.id, PDF, 'x.pdf')).status).toBe(404);
    expect((await upload('so-tu-phap', q.id, PDF, 'x.pdf', [APPROVE])).status).toBe(403);
    // A second file, removed again.
    const second = await upload('so-tu-phap', q.id, PDF, 'nham.pdf');
    const left = ok(await clerk('so-tu-phap').delete(`/api/qa/inbox/${q.id}/answer/attachments/${second.body.answer.attachments[1].id}`));
    expect(left.answer.attachments.map((a: { id: string }) => a.id)).toEqual([fileId]);
    // Staff download it; another agency cannot.
    const download = await clerk('so-tu-phap').get(`/api/qa/inbox/${q.id}/answer/attachments/${fileId}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('Mẫu đơn đăng ký.pdf')}`);
    expect(download.text).toBe(PDF.toString());
    expect((await clerk('so-y-te').get(`/api/qa/inbox/${q.id}/answer/attachments/${fileId}`)).status).toBe(404);

    // Sent: the e-mail and the status page carry a signed link; the rating link does not open files.
    ok(await leader('so-tu-phap').put('/api/qa/answer-settings', { requireApproval: false }));
    ok(await clerk('so-tu-phap').post(`/api/qa/inbox/${q.id}/answer/send`));
    expect((await upload('so-tu-phap', q.id, PDF, 'muon.pdf')).body.code).toBe('QA_ERR_ANSWER_STATE');
    const [mail] = await h.deliver();
    expect(mail!.text).toContain('Mẫu đơn đăng ký.pdf: https://localhost/hoi-dap/tep/');
    const status = ok(await h.anon(PROVINCE).post('/api/qa/public/status', { trackingCode: q.code, email: q.email }));
    const path = status.answer.attachments[0].path as string;
    expect(mail!.text).toContain(path);
    const asker = await h.t.client.get(`/t/${PROVINCE}${path}`);
    expect(asker.status).toBe(200);
    expect(asker.text).toBe(PDF.toString());
    expect((await h.t.client.get(`/t/${PROVINCE}${path.replace(fileId, 'khong-co')}`)).status).toBe(404);
    expect((await h.t.client.get(`/t/${PROVINCE}/hoi-dap/tep/${status.rating.token}/${fileId}`)).status).toBe(404);
    const page = await form('/hoi-dap/tra-cuu', { trackingCode: q.code, email: q.email });
    expect(page.text).toContain(`href="/t/${PROVINCE}${path}"`);
  });

  it('refuses other agencies and provinces (404), missing permissions (403) and bad input (400 naming the field)', async () => {
    const q = await forwarded('so-y-te');
    ok(await clerk('so-y-te').put(`/api/qa/inbox/${q.id}/answer`, { body: 'Dự thảo.' }));
    // Another agency: the question does not exist for it.
    for (const [method, path, body] of [
      ['GET', `/api/qa/inbox/${q.id}/answer`, undefined],
      ['PUT', `/api/qa/inbox/${q.id}/answer`, { body: 'x' }],
      ['POST', `/api/qa/inbox/${q.id}/notes`, { body: 'x' }],
      ['POST', `/api/qa/inbox/${q.id}/request-information`, { message: 'x' }],
      ['POST', `/api/qa/inbox/${q.id}/answer/submit`, undefined],
    ] as const) {
      const res = await clerk('so-xay-dung').request(method, path, body === undefined ? {} : { body });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect((await leader('so-xay-dung').post(`/api/qa/inbox/${q.id}/answer/send-back`, { remarks: 'x' })).status).toBe(404);
    // Another province (a second root): nothing of this one exists there.
    const root = h.as('quan-tri', ['core.tenants.manage'], PROVINCE);
    expect((await root.post('/api/core/tenants', { slug: 'tinh-thu-hai', nameVi: 'Tỉnh Thử Hai', kind: 'province' })).status).toBe(201);
    expect((await h.as('bien-tap-khac', [PUBLISH, TRIAGE], 'tinh-thu-hai').get(`/api/qa/publications/${q.id}`)).status).toBe(404);
    expect((await h.as('clerk-khac', [ANSWER], 'tinh-thu-hai').get(`/api/qa/inbox/${q.id}/answer`)).status).toBe(404);
    // The board's publication routes in an agency (even with the permission there): 404.
    expect((await h.as('x', [PUBLISH], 'so-y-te').get(`/api/qa/publications/${q.id}`)).status).toBe(404);
    // Missing permissions.
    expect((await h.as('no-perm', [], 'so-y-te').get(`/api/qa/inbox/${q.id}/answer`)).status).toBe(403);
    expect((await leader('so-y-te').put(`/api/qa/inbox/${q.id}/answer`, { body: 'x' })).status).toBe(403);
    expect((await board().get(`/api/qa/publications/${q.id}`)).status).toBe(403);
    expect((await clerk('so-y-te').get('/api/qa/rating-summary/agencies')).status).toBe(403);

    // Bad input: problem+json naming the field.
    const cases: [ReturnType<typeof clerk>, 'PUT' | 'POST', string, unknown, string][] = [
      [clerk('so-y-te'), 'PUT', `/api/qa/inbox/${q.id}/answer`, { body: '' }, '/body'],
      [clerk('so-y-te'), 'PUT', `/api/qa/inbox/${q.id}/answer`, { body: '   ' }, '/body'],
      [clerk('so-y-te'), 'PUT', `/api/qa/inbox/${q.id}/answer`, { body: 'x'.repeat(20001) }, '/body'],
      [clerk('so-y-te'), 'PUT', `/api/qa/inbox/${q.id}/answer`, { body: 'x', extra: 1 }, '/extra'],
      [clerk('so-y-te'), 'POST', `/api/qa/inbox/${q.id}/notes`, {}, '/body'],
      [clerk('so-y-te'), 'POST', `/api/qa/inbox/${q.id}/request-information`, { message: 7 }, '/message'],
      [leader('so-y-te'), 'POST', `/api/qa/inbox/${q.id}/answer/send-back`, { remarks: '' }, '/remarks'],
      [leader('so-y-te'), 'PUT', '/api/qa/answer-settings', { requireApproval: 'yes' }, '/requireApproval'],
      [h.anon(PROVINCE), 'POST', '/api/qa/public/rating', { token: 'x', score: 3 }, '/token'],
      [h.anon(PROVINCE), 'POST', '/api/qa/public/rating', { token: `${q.id}.${'A'.repeat(43)}`, score: 6 }, '/score'],
      [h.anon(PROVINCE), 'POST', '/api/qa/public/reply', { trackingCode: q.code, email: q.email }, '/message'],
      [publisher(), 'PUT', `/api/qa/publications/${q.id}`, { title: 'a', question: 'b' }, '/answer'],
    ];
    for (const [client, method, path, body, pointer] of cases) {
      const res = await client.request(method, path, { body });
      expect(res.status, `${method} ${path} ${JSON.stringify(body).slice(0, 60)} → ${res.text.slice(0, 200)}`).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
    // Action routes take no body.
    expect((await clerk('so-y-te').post(`/api/qa/inbox/${q.id}/answer/submit`, { any: 1 })).status).toBe(400);
  });

  it('proposes masked text, publishes only the reviewed version with consent, finds it folded, and unpublishes', async () => {
    // The asker agreed; a second asker did not.
    const q = await forwarded('so-xay-dung', { content: PERSONAL_CONTENT, title: 'Hỏi về cấp Giấy chứng nhận quyền sử dụng đất lần đầu', field: 'dat-dai' });
    const noConsent = await forwarded('so-xay-dung', { consentPublish: false });
    await leader('so-xay-dung').put('/api/qa/answer-settings', { requireApproval: false });
    for (const id of [q.id, noConsent.id]) {
      ok(await clerk().put(`/api/qa/inbox/${id}/answer`, { body: 'Kính gửi bà Nguyễn Thị Lan. Hồ sơ nộp tại Trung tâm Phục vụ hành chính công; liên hệ 0233 3852 123.' }));
      ok(await clerk().post(`/api/qa/inbox/${id}/answer/send`));
    }
    await h.deliver();
    // Not answered yet → nothing to publish.
    const open = await forwarded('so-xay-dung');
    expect(ok(await publisher().get(`/api/qa/publications/${open.id}`), 409).code).toBe('QA_ERR_QUESTION_TRANSITION');

    const review = ok(await publisher().get(`/api/qa/publications/${q.id}`));
    expect(review).toMatchObject({ consentPublish: true, status: null, reviewed: null, slug: null });
    expect(review.proposal.question).toBe(
      'Tôi là [đã ẩn], điện thoại [đã ẩn], CCCD [đã ẩn]. Gia đình tôi sử dụng đất ổn định từ năm 1990 theo Quyết định số 41/2019/QĐ-UBND, lệ phí đã nộp 1.500.000 đồng. Xin hỏi thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu?',
    );
    expect(review.proposal.answer).toBe('Kính gửi bà [đã ẩn]. Hồ sơ nộp tại Trung tâm Phục vụ hành chính công; liên hệ [đã ẩn].');
    expect(review.findings.map((f: { part: string; kind: string }) => `${f.part}:${f.kind}`)).toEqual(['question:name', 'question:phone', 'question:id-number', 'answer:name', 'answer:phone']);

    // Publishing before a review, or without consent, is refused.
    expect(ok(await publisher().post(`/api/qa/publications/${q.id}/publish`), 409).code).toBe('QA_ERR_NOT_REVIEWED');
    expect(ok(await publisher().put(`/api/qa/publications/${noConsent.id}`, { title: 't', question: 'q', answer: 'a' }), 409).code).toBe('QA_ERR_NO_CONSENT');
    expect(ok(await publisher().post(`/api/qa/publications/${noConsent.id}/publish`), 409).code).toBe('QA_ERR_NO_CONSENT');

    // The reviewer edits the proposal (drops the agency's phone line too) and saves it; then publishes.
    const publicAnswer = 'Hồ sơ nộp tại Trung tâm Phục vụ hành chính công. Thời hạn giải quyết 20 ngày làm việc.';
    const saved = ok(await publisher().put(`/api/qa/publications/${q.id}`, { title: review.proposal.title, question: review.proposal.question, answer: publicAnswer }));
    expect(saved).toMatchObject({ status: 'reviewed', reviewed: { answer: publicAnswer, reviewedBy: 'bien-tap', remaining: [] } });
    expect(ok(await h.anon(PROVINCE).get('/api/qa/public/answers')).items.map((a: { slug: string }) => a.slug)).not.toContain(saved.slug);
    const published = ok(await publisher().post(`/api/qa/publications/${q.id}/publish`));
    expect(published.status).toBe('published');
    const slug = published.slug as string;
    expect(slug).toMatch(/^hoi-ve-cap-giay-chung-nhan-quyen-su-dung-dat-lan-dau-[0-9a-f]{8}$/);

    // The public JSON: searchable without diacritics (đ→d), by field, paged; nothing personal.
    const api = h.anon('so-y-te'); // any site of the province
    const search = async (query: Record<string, string | number>) => ok(await api.get('/api/qa/public/answers', { query })).items.map((a: { slug: string }) => a.slug);
    expect(await search({ q: 'giay chung nhan dat' })).toEqual([slug]);
    expect(await search({ q: 'GIẤY CHỨNG NHẬN Đất' })).toEqual([slug]);
    expect(await search({ q: 'trung tam phuc vu' })).toEqual([slug]);
    expect(await search({ field: 'dat-dai' })).toEqual([slug]);
    expect(await search({ field: 'y-te' })).toEqual([]);
    expect(await search({ q: 'nguyen thi lan' })).toEqual([]);
    expect(await search({ q: '100% _ \\' })).toEqual([]);
    expect(ok(await api.get('/api/qa/public/answers', { query: { limit: 1, offset: 1 } })).total).toBe(1);
    const one = ok(await api.get(`/api/qa/public/answers/${slug}`));
    expect(one).toMatchObject({ slug, answer: publicAnswer, field: { code: 'dat-dai', name: 'Đất đai' }, agency: 'Sở Xây dựng' });
    expect(JSON.stringify(one)).not.toMatch(/Nguyễn Thị Lan|0912|045190001234|asker-|0233/);
    expect((await api.get(`/api/qa/public/answers/${noConsent.id}`)).status).toBe(404);
    expect(ok(await api.get('/api/qa/public/answers', { query: { limit: 101 } }), 400).errors[0].pointer).toBe('/limit');

    // The pages: the list with its filter, and the answer's page with QAPage JSON-LD, indexable, accessible landmarks.
    const list = await h.t.client.get(`/t/${PROVINCE}/hoi-dap`, { query: { q: 'dat lan dau', 'linh-vuc': 'dat-dai' } });
    expect(list.status).toBe(200);
    expect(list.text).toContain(`href="/t/${PROVINCE}/hoi-dap/${slug}"`);
    expect(list.text).toContain('<label for="s-q">');
    expect(list.text).toContain('<option value="dat-dai" selected>');
    const detail = await h.t.client.get(`/t/${PROVINCE}/hoi-dap/${slug}`);
    expect(detail.status).toBe(200);
    expect(detail.headers.get('content-type')).toMatch(/^text\/html/);
    expect(detail.text).toContain('<html lang="vi">');
    expect(detail.text).toContain('<main');
    expect(detail.text).not.toContain('noindex');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(detail.text)![1]!);
    expect(jsonLd).toMatchObject({ '@type': 'QAPage', mainEntity: { '@type': 'Question', answerCount: 1, acceptedAnswer: { '@type': 'Answer', text: publicAnswer, author: { name: 'Sở Xây dựng' } } } });
    expect(detail.text).not.toMatch(/Nguyễn Thị Lan|0912|045190001234|asker-/);
    // The other pages still answer (fixed paths first).
    expect((await h.t.client.get(`/t/${PROVINCE}/hoi-dap/tra-cuu`)).text).toContain('Tra cứu câu hỏi');

    // Unpublish: gone from the list, the JSON and the page.
    expect(ok(await publisher().post(`/api/qa/publications/${q.id}/unpublish`, { reason: 'Người hỏi đề nghị gỡ' })).status).toBe('unpublished');
    expect(await search({})).not.toContain(slug);
    expect((await api.get(`/api/qa/public/answers/${slug}`)).status).toBe(404);
    expect((await h.t.client.get(`/t/${PROVINCE}/hoi-dap/${slug}`)).status).toBe(404);
    expect(ok(await board().get(`/api/qa/questions/${q.id}`)).timeline.slice(-3).map((e: { action: string }) => e.action)).toEqual(['redacted', 'published', 'unpublished']);
    const audit = ok(await h.as('kiem-tra', ['core.audit.read'], PROVINCE).get('/api/core/audit', { query: { objectId: q.id, limit: 50 } }));
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['qa.publication.review', 'qa.publication.publish', 'qa.publication.unpublish']));
  });
});
