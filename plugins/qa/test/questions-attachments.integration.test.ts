import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDatabase, parseDatabaseUrl, type Database } from '@cong/core/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { ANSWER, linkToken, ok, PROVINCE, question, sleep, startQaPlatform, TRIAGE, type Harness } from './qa-support.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
/** An HTML page named like a PDF: the type is judged by the content, so it is refused. */
const HTML_AS_PDF = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>\n');
const DELETION_LINK = /\/hoi-dap\/xoa-du-lieu\/([A-Za-z0-9_-]{43})/;
/** Small limits, so the size and count refusals are cheap to reach. */
const MAX_BYTES = 4096;
const MAX_COUNT = 2;

describeEachDialect('questions: files the asker attaches before confirming, read by the board and the agency', (dialect) => {
  let h: Harness;
  let database: Database;
  let formToken = '';
  let asked = 0;
  const board = () => h.as('board-1', [TRIAGE], PROVINCE);

  /** A multipart POST, as a browser or the widget sends it. */
  async function upload(path: string, fields: Record<string, string>, file: { bytes: Buffer; name: string } | null, accept = 'application/json') {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    if (file) form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
    const res = await fetch(`${h.t.url}${path}`, { method: 'POST', body: form, headers: { 'x-cong-tenant': PROVINCE, accept } });
    const text = await res.text();
    return { status: res.status, text, body: res.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : undefined };
  }
  const attach = (attachToken: string, bytes: Buffer, name: string) => upload('/api/qa/public/questions/attachments', { attachToken }, { bytes, name });

  /** A question sent through the widget's JSON: its id, the attach token and the mailed verification token. */
  async function sent() {
    const body = ok(await h.anon(PROVINCE).post('/api/qa/public/questions', question(formToken, { email: `tep-${++asked}@example.vn` })), 202);
    const [mail] = await h.deliver();
    return { id: body.id as string, attachToken: body.attachToken as string, verifyToken: linkToken(mail!.text), email: `tep-${asked}@example.vn` };
  }
  async function verify(verifyToken: string): Promise<string> {
    const code = ok(await h.anon(PROVINCE).post('/api/qa/public/verify', { token: verifyToken })).trackingCode as string;
    await h.deliver();
    return code;
  }

  beforeAll(async () => {
    h = await startQaPlatform(dialect, {
      submitPerAddress: { points: 500, durationSeconds: 3600 },
      submitPerEmail: { points: 50, durationSeconds: 3600 },
      attachmentMaxBytes: MAX_BYTES,
      attachmentsMaxCount: MAX_COUNT,
    });
    database = await createDatabase(parseDatabaseUrl(h.t.databaseUrl, process.cwd()));
    formToken = ok(await h.anon(PROVINCE).get('/api/qa/public/form')).formToken;
    await sleep(1100);
  });
  afterAll(async () => {
    await database?.destroy();
    await h?.stop();
  });

  it('tells the widget the limits, takes files one by one until confirmed, and refuses type, size and count', async () => {
    const form = ok(await h.anon(PROVINCE).get('/api/qa/public/form'));
    expect(form.limits).toMatchObject({ attachmentsMaxCount: MAX_COUNT, attachmentMaxBytes: MAX_BYTES, attachmentTypes: expect.arrayContaining(['application/pdf', 'image/png']) });
    const q = await sent();
    expect(q.attachToken).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);

    const first = await attach(q.attachToken, PDF, 'Giấy chứng nhận.pdf');
    expect(first.status, first.text).toBe(200);
    expect(first.body).toEqual({ attachments: [{ id: expect.any(String), name: 'Giấy chứng nhận.pdf', contentType: 'application/pdf', size: PDF.length }], remaining: 1 });

    // Refused by the content, not the name: an HTML page called .pdf.
    const html = await attach(q.attachToken, HTML_AS_PDF, 'don.pdf');
    expect(html.status).toBe(415);
    expect(html.body).toMatchObject({ code: 'CONG_ERR_FILE_TYPE', errors: [{ pointer: '/file' }] });
    // Too large.
    const large = await attach(q.attachToken, Buffer.concat([PDF, Buffer.alloc(MAX_BYTES)]), 'lon.pdf');
    expect(large.status).toBe(413);
    expect(large.body.errors[0].pointer).toBe('/file');
    // A forged token.
    const forged = await attach(`${q.id}.${'A'.repeat(43)}`, PDF, 'x.pdf');
    expect(forged.status).toBe(404);
    expect(forged.body.code).toBe('QA_ERR_ATTACHMENT_TOKEN_INVALID');
    // A missing token names the field.
    const missing = await upload('/api/qa/public/questions/attachments', {}, { bytes: PDF, name: 'x.pdf' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/attachToken');

    expect((await attach(q.attachToken, PNG, 'anh.png')).status).toBe(200);
    // One more than the count.
    const third = await attach(q.attachToken, PDF, 'thua.pdf');
    expect(third.status).toBe(409);
    expect(third.body).toMatchObject({ code: 'QA_ERR_ATTACHMENT_LIMIT', errors: [{ pointer: '/file' }] });
    // The refused files were not kept.
    const kept = await database.kysely.selectFrom('qa_question_attachments').select('name').where('question_id', '=', q.id).execute();
    expect(kept.map((r) => r.name).sort()).toEqual(['Giấy chứng nhận.pdf', 'anh.png'].sort());

    // Confirmed: the set is fixed.
    await verify(q.verifyToken);
    const late = await attach(q.attachToken, PDF, 'muon.pdf');
    expect(late.status).toBe(404);
    expect(late.body.code).toBe('QA_ERR_ATTACHMENT_TOKEN_INVALID');
  });

  it('lets the board and the agency with the question download the files; other units 404, no permission 403, anonymous 401', async () => {
    const q = await sent();
    const fileId = (await attach(q.attachToken, PDF, 'Mẫu đơn.pdf')).body.attachments[0].id as string;
    await verify(q.verifyToken);

    const detail = ok(await board().get(`/api/qa/questions/${q.id}`));
    expect(detail.attachments).toEqual([{ id: fileId, name: 'Mẫu đơn.pdf', contentType: 'application/pdf', size: PDF.length }]);
    const download = await board().get(`/api/qa/questions/${q.id}/attachments/${fileId}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('Mẫu đơn.pdf')}`);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.text).toBe(PDF.toString());

    // Not yet forwarded: no agency sees it.
    expect((await h.as('clerk-sxd', [ANSWER], 'so-xay-dung').get(`/api/qa/inbox/${q.id}/attachments/${fileId}`)).status).toBe(404);
    ok(await board().post(`/api/qa/questions/${q.id}/forward`, { agency: 'so-xay-dung' }));
    const agencyView = ok(await h.as('clerk-sxd', [ANSWER], 'so-xay-dung').get(`/api/qa/inbox/${q.id}`));
    expect(agencyView.attachments.map((a: { id: string }) => a.id)).toEqual([fileId]);
    const byAgency = await h.as('clerk-sxd', [ANSWER], 'so-xay-dung').get(`/api/qa/inbox/${q.id}/attachments/${fileId}`);
    expect(byAgency.status).toBe(200);
    expect(byAgency.text).toBe(PDF.toString());

    // Another agency, the board's route from a department, an unknown file: 404.
    expect((await h.as('clerk-syt', [ANSWER], 'so-y-te').get(`/api/qa/inbox/${q.id}/attachments/${fileId}`)).status).toBe(404);
    expect((await h.as('board-x', [TRIAGE], 'so-y-te').get(`/api/qa/questions/${q.id}/attachments/${fileId}`)).status).toBe(404);
    expect((await board().get(`/api/qa/questions/${q.id}/attachments/khong-co`)).status).toBe(404);
    // Without the permission: 403; anonymous: 401.
    expect((await h.as('reader', [ANSWER], PROVINCE).get(`/api/qa/questions/${q.id}/attachments/${fileId}`)).status).toBe(403);
    expect((await h.as('clerk-sxd', [TRIAGE], 'so-xay-dung').get(`/api/qa/inbox/${q.id}/attachments/${fileId}`)).status).toBe(403);
    expect((await h.anon(PROVINCE).get(`/api/qa/questions/${q.id}/attachments/${fileId}`)).status).toBe(401);
    expect((await h.anon('so-xay-dung').get(`/api/qa/inbox/${q.id}/attachments/${fileId}`)).status).toBe(401);
  });

  it('works without JavaScript: the page after the form and the confirm page offer one upload at a time', async () => {
    const page = await h.t.client.get(`/t/${PROVINCE}/hoi-dap/gui-cau-hoi`);
    expect(page.text).toContain(`tối đa ${MAX_COUNT} tệp`);
    const pageToken = /name="formToken" value="([^"]+)"/.exec(page.text)![1]!;
    await sleep(1100);
    const fields = { name: 'Lê Thị Hoa', email: 'hoa.le@example.vn', phone: '', address: '', field: 'thue', commune: '', title: 'Hồ sơ miễn thuế đất nông nghiệp', content: 'Tôi cần nộp những giấy tờ gì để được miễn thuế sử dụng đất nông nghiệp?', consentProcessing: 'on', website: '', formToken: pageToken };
    const done = await h.t.client.request('POST', `/t/${PROVINCE}/hoi-dap/gui-cau-hoi`, { rawBody: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(done.status, done.text).toBe(200);
    expect(done.text).toContain(`action="/t/${PROVINCE}/hoi-dap/gui-cau-hoi/tep" enctype="multipart/form-data"`);
    const attachToken = /name="attachToken" value="([^"]+)"/.exec(done.text)![1]!;
    const [mail] = await h.deliver();

    const uploaded = await upload(`/t/${PROVINCE}/hoi-dap/gui-cau-hoi/tep`, { attachToken }, { bytes: PDF, name: 'Tờ khai <1>.pdf' }, 'text/html');
    expect(uploaded.status, uploaded.text).toBe(200);
    // The name is the core's sanitised one, escaped on the page.
    expect(uploaded.text).toMatch(/<li>Tờ khai [^<]*\.pdf \(1 KB\)<\/li>/);
    expect(uploaded.text).toContain('tối đa 4 KB; còn 1 tệp');
    // A refusal comes back as the page, with the problem told and the form again.
    const refused = await upload(`/t/${PROVINCE}/hoi-dap/gui-cau-hoi/tep`, { attachToken }, { bytes: HTML_AS_PDF, name: 'x.pdf' }, 'text/html');
    expect(refused.status).toBe(415);
    expect(refused.text).toContain('role="alert"');
    expect(refused.text).toContain('name="attachToken"');

    // The e-mailed link's page lists the file and still takes one more before the button is pressed.
    const confirm = await h.t.client.get(`/t/${PROVINCE}/hoi-dap/xac-nhan/${linkToken(mail!.text)}`);
    expect(confirm.text).toMatch(/<li>Tờ khai [^<]*\.pdf/);
    expect(confirm.text).toContain('name="attachToken"');
    ok(await h.t.client.post(`/t/${PROVINCE}/hoi-dap/xac-nhan/${linkToken(mail!.text)}`));
    await h.deliver();
    const after = await upload(`/t/${PROVINCE}/hoi-dap/gui-cau-hoi/tep`, { attachToken }, { bytes: PDF, name: 'muon.pdf' }, 'text/html');
    expect(after.status).toBe(404);
  });

  it('erases the files with the asker’s personal data: unreachable at once, recorded for the purge job', async () => {
    const q = await sent();
    const fileId = (await attach(q.attachToken, PDF, 'Căn cước.pdf')).body.attachments[0].id as string;
    const code = await verify(q.verifyToken);
    ok(await board().post(`/api/qa/questions/${q.id}/decline`, { reason: 'Không thuộc thẩm quyền của tỉnh.' }));
    ok(await h.anon(PROVINCE).post('/api/qa/public/privacy/deletion-requests', { trackingCode: code, email: q.email }), 202);
    const [mail] = await h.deliver();
    ok(await h.anon(PROVINCE).post('/api/qa/public/privacy/confirm', { token: DELETION_LINK.exec(mail!.text)![1]! }));

    expect(ok(await board().get(`/api/qa/questions/${q.id}`)).attachments).toEqual([]);
    expect((await board().get(`/api/qa/questions/${q.id}/attachments/${fileId}`)).status).toBe(404);
    const row = await database.kysely.selectFrom('qa_question_attachments').select('erased_at').where('file_id', '=', fileId).executeTakeFirstOrThrow();
    expect(row.erased_at).not.toBeNull();
  });
});
