import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDatabase, parseDatabaseUrl, type Database } from '@cong/core/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { ANSWER, linkToken, ok, PROVINCE, question, sleep, startQaPlatform, TRIAGE, type Harness } from './qa-support.js';

const APPROVE = 'qa.answers.approve';
const PRIVACY = 'qa.privacy.manage';
const DELETION_LINK = /\/hoi-dap\/xoa-du-lieu\/([A-Za-z0-9_-]{43})/;
const RATING = /\/hoi-dap\/danh-gia\/([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/;
const ERASED = '[đã xoá / erased]';

describeEachDialect('personal data: deletion on a verified request, and the retention period', (dialect) => {
  let h: Harness;
  let database: Database;
  let formToken = '';
  let asked = 0;
  const board = () => h.as('board-1', [TRIAGE], PROVINCE);
  const clerk = () => h.as('clerk-sxd', [ANSWER], 'so-xay-dung');
  const leader = () => h.as('leader-sxd', [APPROVE], 'so-xay-dung');
  const form = (path: string, fields: Record<string, string> = {}) =>
    h.t.client.request('POST', `/t/${PROVINCE}${path}`, { rawBody: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

  /** A verified question with its own asker: name, address, phone and e-mail unique to it. */
  async function received(tag: string) {
    const person = { name: `Trần Văn ${tag}`, email: `${tag.toLowerCase()}-${++asked}@example.vn`, phone: `0905 000 ${String(100 + asked)}`, address: `Số ${asked} đường Lê Duẩn, phường ${tag}` };
    const sent = ok(await h.anon(PROVINCE).post('/api/qa/public/questions', question(formToken, person)), 202);
    const [mail] = await h.deliver();
    const code = ok(await h.anon(PROVINCE).post('/api/qa/public/verify', { token: linkToken(mail!.text) })).trackingCode as string;
    await h.deliver();
    return { id: sent.id as string, code, ...person };
  }

  /** Every row of the question's own tables, as one string to search for personal data. */
  async function rowsOf(id: string): Promise<string> {
    const db = database.kysely;
    const answers = await db.selectFrom('qa_answers').selectAll().where('question_id', '=', id).execute();
    return JSON.stringify([
      await db.selectFrom('qa_questions').selectAll().where('id', '=', id).execute(),
      await db.selectFrom('qa_question_events').selectAll().where('question_id', '=', id).execute(),
      answers,
      answers.length === 0 ? [] : await db.selectFrom('qa_answer_revisions').selectAll().where('answer_id', 'in', answers.map((a) => a.id)).execute(),
      await db.selectFrom('qa_answer_notes').selectAll().where('question_id', '=', id).execute(),
      await db.selectFrom('qa_ratings').selectAll().where('question_id', '=', id).execute(),
      await db.selectFrom('qa_erasure_requests').selectAll().where('question_id', '=', id).execute(),
    ]);
  }

  beforeAll(async () => {
    h = await startQaPlatform(dialect, { submitPerAddress: { points: 500, durationSeconds: 3600 }, statusPerAddress: { points: 500, durationSeconds: 600 } });
    database = await createDatabase(parseDatabaseUrl(h.t.databaseUrl, process.cwd()));
    formToken = ok(await h.anon(PROVINCE).get('/api/qa/public/form')).formToken;
    await sleep(1100);
  });
  afterAll(async () => {
    await database?.destroy();
    await h?.stop();
  });

  it('erases an answered question’s personal data after the e-mailed confirmation, keeps the record, and leaves other questions alone', async () => {
    const a = await received('An');
    const other = await received('Binh');
    const before = await rowsOf(other.id);

    // The agency asks for information (quoting the asker), the citizen replies, the answer is sent and rated.
    ok(await board().post(`/api/qa/questions/${a.id}/forward`, { agency: 'so-xay-dung' }));
    ok(await clerk().post(`/api/qa/inbox/${a.id}/request-information`, { message: `Đề nghị ông ${a.name} cho biết số thửa.` }));
    await h.deliver();
    const reply = `Thửa số 12, liên hệ ${a.phone}, địa chỉ ${a.address}.`;
    ok(await h.anon(PROVINCE).post('/api/qa/public/reply', { trackingCode: a.code, email: a.email, message: reply }));
    ok(await clerk().post(`/api/qa/inbox/${a.id}/notes`, { body: `Đã gọi ${a.phone} để xác minh.` }));
    ok(await clerk().put(`/api/qa/inbox/${a.id}/answer`, { body: `Kính gửi ông ${a.name}: hồ sơ gồm đơn đăng ký và giấy tờ về đất.` }));
    ok(await clerk().post(`/api/qa/inbox/${a.id}/answer/submit`));
    ok(await leader().post(`/api/qa/inbox/${a.id}/answer/approve`));
    const [answerMail] = await h.deliver();
    const ratingToken = RATING.exec(answerMail!.text)![1]!;
    ok(await h.anon(PROVINCE).post('/api/qa/public/rating', { token: ratingToken, score: 4, comment: `Tôi là ${a.name}, cảm ơn.` }));
    expect(await rowsOf(a.id)).toContain(a.phone);

    // A wrong address or code: the same 404, and no mail.
    expect((await h.anon(PROVINCE).post('/api/qa/public/privacy/deletion-requests', { trackingCode: a.code, email: other.email })).status).toBe(404);
    expect((await h.anon(PROVINCE).post('/api/qa/public/privacy/deletion-requests', { trackingCode: 'HD-2026-ZZZZZZ', email: a.email })).status).toBe(404);
    expect(ok(await h.anon(PROVINCE).post('/api/qa/public/privacy/deletion-requests', { trackingCode: a.code, email: 'x' }), 400).errors[0].pointer).toBe('/email');
    expect(await h.deliver()).toHaveLength(0);

    // The request: exactly one confirmation message, to the question's address.
    expect(ok(await h.anon(PROVINCE).post('/api/qa/public/privacy/deletion-requests', { trackingCode: a.code, email: a.email.toUpperCase() }), 202)).toEqual({ linkHours: 48 });
    const mails = await h.deliver();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual([a.email]);
    expect(mails[0]!.subject).toContain(a.code);
    const token = DELETION_LINK.exec(mails[0]!.text)![1]!;
    // Nothing happens before the confirmation (the GET page only asks).
    const page = await h.t.client.get(`/t/${PROVINCE}/hoi-dap/xoa-du-lieu/${token}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`/hoi-dap/xoa-du-lieu/${token}`);
    expect(ok(await h.anon(PROVINCE).post('/api/qa/public/status', { trackingCode: a.code, email: a.email })).status).toBe('answered');

    const done = await form(`/hoi-dap/xoa-du-lieu/${token}`);
    expect(done.status, done.text).toBe(200);
    expect(done.text).toContain('Đã xoá dữ liệu cá nhân');
    expect((await form(`/hoi-dap/xoa-du-lieu/${token}`)).status).toBe(404);
    expect(ok(await h.anon(PROVINCE).post('/api/qa/public/privacy/confirm', { token }), 404).code).toBe('QA_ERR_ERASURE_LINK_INVALID');

    // Nothing personal remains in the rows or the timeline notes; the record stays.
    const after = await rowsOf(a.id);
    for (const value of [a.name, a.email, a.phone, a.address, reply, 'cảm ơn']) expect(after).not.toContain(value);
    const row = await database.kysely.selectFrom('qa_questions').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ asker_name: ERASED, asker_email: '', asker_phone: null, asker_address: null, status: 'answered', tracking_code: a.code });
    expect(await database.kysely.selectFrom('qa_erasures').select(['question_id', 'reason']).execute()).toEqual([{ question_id: a.id, reason: 'request' }]);
    const rating = await database.kysely.selectFrom('qa_ratings').select(['score', 'comment']).where('question_id', '=', a.id).executeTakeFirstOrThrow();
    expect(rating).toEqual({ score: 4, comment: null });
    const detail = ok(await board().get(`/api/qa/questions/${a.id}`));
    expect(detail.timeline.map((e: { action: string }) => e.action)).toContain('answered');
    expect(ok(await clerk().get(`/api/qa/inbox/${a.id}/answer`)).answer.body).toContain('hồ sơ gồm đơn đăng ký');
    // The status can no longer be looked up with the old address.
    expect((await h.anon(PROVINCE).post('/api/qa/public/status', { trackingCode: a.code, email: a.email })).status).toBe(404);

    // The other question is untouched.
    expect(await rowsOf(other.id)).toBe(before);
    // Audited without the personal data.
    const audit = ok(await h.as('kiem-tra', ['core.audit.read'], PROVINCE).get('/api/core/audit', { query: { objectId: a.id, limit: 50 } }));
    expect(audit.items.map((e: { action: string }) => e.action)).toContain('qa.question.erase-personal-data');
    const text = JSON.stringify(audit.items);
    for (const value of [a.name, a.email, a.phone, a.address]) expect(text).not.toContain(value);
  });

  it('waits for an open question to finish; a new request supersedes the pending link; the status page and the form work without JavaScript', async () => {
    const q = await received('Cuong');
    // While the question is handled its address is needed: the request waits until it is answered or closed.
    expect(ok(await h.anon(PROVINCE).post('/api/qa/public/privacy/deletion-requests', { trackingCode: q.code, email: q.email }), 409).code).toBe('QA_ERR_ERASURE_OPEN_QUESTION');
    expect((await form('/hoi-dap/xoa-du-lieu', { trackingCode: q.code, email: q.email })).status).toBe(409);
    expect((await form('/hoi-dap/tra-cuu', { trackingCode: q.code, email: q.email })).text).not.toContain('/hoi-dap/xoa-du-lieu');
    expect(await h.deliver()).toHaveLength(0);
    ok(await board().post(`/api/qa/questions/${q.id}/decline`, { reason: 'Không thuộc thẩm quyền của tỉnh' }));
    // The status page offers the request, carrying the code and address the asker just gave.
    const status = await form('/hoi-dap/tra-cuu', { trackingCode: q.code, email: q.email });
    expect(status.text).toContain('action="/t/quang-tri/hoi-dap/xoa-du-lieu"');
    expect(status.text).toContain(`name="trackingCode" value="${q.code}"`);
    expect(status.text).not.toContain(q.email); // typed again: the page never shows the address
    const fromStatus = await form('/hoi-dap/xoa-du-lieu', { trackingCode: q.code, email: q.email });
    expect(fromStatus.status, fromStatus.text).toBe(200);
    const first = DELETION_LINK.exec((await h.deliver())[0]!.text)![1]!;
    expect((await h.t.client.get(`/t/${PROVINCE}/hoi-dap/xoa-du-lieu`)).status).toBe(200);
    const requested = await form('/hoi-dap/xoa-du-lieu', { trackingCode: q.code, email: q.email });
    expect(requested.status, requested.text).toBe(200);
    const mails = await h.deliver();
    expect(mails).toHaveLength(1);
    const second = DELETION_LINK.exec(mails[0]!.text)![1]!;
    expect((await h.t.client.get(`/t/${PROVINCE}/hoi-dap/xoa-du-lieu/${first}`)).status).toBe(404);
    expect((await form('/hoi-dap/xoa-du-lieu', { trackingCode: q.code, email: 'someone@example.vn' })).status).toBe(404);
    expect(ok(await h.anon(PROVINCE).post('/api/qa/public/privacy/confirm', { token: second }))).toEqual({ erased: true, trackingCode: q.code });
    expect(await rowsOf(q.id)).not.toContain(q.email);
  });

  it('applies the retention period to questions finished long ago, once, and to nothing else', async () => {
    const old = await received('Dung');
    const recent = await received('Em');
    const open = await received('Giang');
    for (const q of [old, recent]) ok(await board().post(`/api/qa/questions/${q.id}/decline`, { reason: 'Không thuộc thẩm quyền của tỉnh' }));
    // The old one was closed six years ago.
    const sixYearsAgo = Date.now() - 6 * 366 * 86_400_000;
    await database.kysely.updateTable('qa_question_events').set({ created_at: sixYearsAgo }).where('question_id', '=', old.id).execute();
    await database.kysely.updateTable('qa_question_events').set({ created_at: sixYearsAgo }).where('question_id', '=', open.id).execute();
    const untouched = [await rowsOf(recent.id), await rowsOf(open.id)];

    expect((await h.as('no-perm', [TRIAGE], PROVINCE).post('/api/qa/privacy/retention/run')).status).toBe(403);
    expect((await h.as('dept', [PRIVACY], 'so-xay-dung').post('/api/qa/privacy/retention/run')).status).toBe(404);
    const run = ok(await h.as('dpo', [PRIVACY], PROVINCE).post('/api/qa/privacy/retention/run'));
    expect(run).toEqual({ erased: 1, retentionYears: 5 });
    expect(ok(await h.as('dpo', [PRIVACY], PROVINCE).post('/api/qa/privacy/retention/run'))).toEqual({ erased: 0, retentionYears: 5 });

    const erased = await rowsOf(old.id);
    for (const value of [old.name, old.email, old.phone, old.address]) expect(erased).not.toContain(value);
    expect(await database.kysely.selectFrom('qa_erasures').select('reason').where('question_id', '=', old.id).executeTakeFirstOrThrow()).toEqual({ reason: 'retention' });
    expect([await rowsOf(recent.id), await rowsOf(open.id)]).toEqual(untouched);
    expect(await h.deliver()).toHaveLength(0);
  });
});
