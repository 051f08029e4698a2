import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPlatform, type TestClient, type TestPlatform } from '@cong/sdk/testing';
import { createDatabase, parseDatabaseUrl } from '@cong/core/testing';
import { inTenant } from './support/unit-client.js';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { vietnamDate } from '../src/time/vietnam-time.js';

const portal = fileURLToPath(new URL('..', import.meta.url));
const PROVINCE = 'quang-tri';
const A = 'so-tai-chinh'; // sends to the province
const B = 'so-y-te'; // A's sibling
const A_OFFICE = 'phong-ngan-sach'; // below A
const B_OFFICE = 'trung-tam-y-te'; // below B: unrelated to A
const SUBMIT = 'portal.submissions.submit';
const HANDLE = 'portal.submissions.handle';
const WRITE = 'portal.content.write';

/** Today in Vietnam (UTC+7), as the reminders count days. */

describeEachDialect('portal submissions and information requests', (dialect) => {
  let t: TestPlatform;
  const ids: Record<string, string> = {};
  const inUnit = (user: string, permissions: string[], unit: string): TestClient => inTenant(t.client.as({ id: user, permissions }), unit);
  let senderA: TestClient; // a reporter of A
  let board: TestClient; // the province's editorial board (ban biên tập)
  let siblingB: TestClient; // everything, in B
  let officeB: TestClient; // everything, below B
  let officeA: TestClient; // sends from below A

  const draft = (extra: Record<string, unknown> = {}) => ({
    title: 'Sở Tài chính công khai dự toán ngân sách 2027',
    summary: 'Dự toán được công khai theo quy định.',
    body: '<p>Nội dung<script>alert(1)</script> chi tiết</p>',
    byline: 'Nguyễn Văn An',
    contact: { name: 'Trần Thị Bình', phone: '0233 3852 123', email: 'binh@stc.quangtri.gov.vn' },
    attachments: [
      { url: '/files/du-toan-2027.pdf', title: 'Dự toán 2027' },
      { url: 'https://stc.quangtri.gov.vn/bang-bieu.xlsx', title: 'Bảng biểu' },
    ],
    ...extra,
  });
  const send = async (client: TestClient, extra: Record<string, unknown> = {}) => {
    const res = await client.post('/api/portal/submissions', draft(extra));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; status: string; receiver: { id: string; slug: string }; revision: number };
  };

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [portal], database: dialect, config: { demo: true } });
    const admin = t.client.as({ id: 'quan-tri', permissions: ['core.tenants.manage'] });
    const list = (await admin.get('/api/core/tenants', { query: { limit: 500 } })).body.items as { id: string; slug: string }[];
    for (const u of list) ids[u.slug] = u.id;
    for (const [slug, nameVi, parent] of [
      [A_OFFICE, 'Phòng Ngân sách', A],
      [B_OFFICE, 'Trung tâm Y tế', B],
    ] as const) {
      const created = await admin.post('/api/core/tenants', { slug, nameVi, kind: 'department', parentId: ids[parent] });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      ids[slug] = created.body.id;
    }
    senderA = inUnit('phong-vien-stc', [SUBMIT], A);
    board = inUnit('ban-bien-tap', [HANDLE, WRITE], PROVINCE);
    siblingB = inUnit('can-bo-syt', [SUBMIT, HANDLE, WRITE], B);
    officeB = inUnit('can-bo-ttyt', [SUBMIT, HANDLE, WRITE], B_OFFICE);
    officeA = inUnit('can-bo-pns', [SUBMIT], A_OFFICE);
  });
  afterAll(async () => t?.stop());

  it('submits to the province, which accepts it as a draft article carrying the attribution', async () => {
    const category = await board.post('/api/portal/categories', { slug: 'tai-chinh-ngan-sach', name: { vi: 'Tài chính - Ngân sách' } });
    expect(category.status).toBe(201);
    const sent = await send(senderA, { categorySlug: 'tai-chinh-ngan-sach' });
    expect(sent).toMatchObject({ status: 'submitted', revision: 1, receiver: { id: ids[PROVINCE], slug: PROVINCE }, sender: { id: ids[A], name: 'Sở Tài chính' } });
    expect((sent as unknown as { body: string }).body).toBe('<p>Nội dung chi tiết</p>');

    for (const [field, bad] of [['/body', { body: '<p><script>alert(1)</script></p>' }], ['/title', { title: '   ' }], ['/contact/name', { contact: { name: ' ' } }], ['/attachments/0/url', { attachments: [{ url: 'javascript:alert(1)', title: 'x' }] }]] as const) {
      const refused = await senderA.post('/api/portal/submissions', draft(bad));
      expect(refused.status, field).toBe(400);
      expect(refused.body.errors, field).toEqual([expect.objectContaining({ in: 'body', pointer: field })]);
    }

    const inbox = await board.get('/api/portal/inbox', { query: { status: 'submitted', senderId: ids[A]! } });
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((s: { id: string }) => s.id)).toContain(sent.id);
    const seen = await board.get(`/api/portal/inbox/${sent.id}`);
    expect(seen.body).toMatchObject({ title: draft().title, contact: { name: 'Trần Thị Bình' }, attachments: draft().attachments });

    const accepted = await board.post(`/api/portal/inbox/${sent.id}/accept`, { remark: 'Đăng mục Tài chính' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', handledBy: 'ban-bien-tap', remarks: 'Đăng mục Tài chính' });
    expect(accepted.body.articleId).toMatch(/^[0-9a-f-]{36}$/);
    expect(accepted.body.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'accept']);

    const article = await board.get(`/api/portal/articles/${accepted.body.articleId}`);
    expect(article.status).toBe(200);
    expect(article.body).toMatchObject({ status: 'draft', title: draft().title, categoryId: category.body.id, authorId: 'ban-bien-tap' });
    expect(article.body.body).toContain('<p>Nội dung chi tiết</p>');
    expect(article.body.body).toContain('Nguồn: Sở Tài chính (Nguyễn Văn An)');
    // The article lives in the province only: the sender does not get it.
    expect((await inUnit('phong-vien-stc', [WRITE], A).get(`/api/portal/articles/${accepted.body.articleId}`)).status).toBe(404);

    // Each unit's audit log holds its own steps: the sender's submit, the receiver's accept.
    const auditOf = async (unit: string) => (await inUnit('kiem-toan', ['core.audit.read'], unit).get('/api/core/audit', { query: { objectId: sent.id, limit: 50 } })).body.items.map((e: { action: string }) => e.action);
    expect(await auditOf(PROVINCE)).toEqual(['portal.submission.accept']);
    expect(await auditOf(A)).toEqual(['portal.submission.submit']);

    const mine = await senderA.get(`/api/portal/submissions/${sent.id}`);
    expect(mine.body).toMatchObject({ status: 'accepted', articleId: accepted.body.articleId });
    expect((await board.post(`/api/portal/inbox/${sent.id}/accept`, {})).body.code).toBe('PORTAL_ERR_SUBMISSION_TRANSITION');
  });

  it('undoes an acceptance whose article cannot be made: the submission waits again, with no trace of the attempt', async () => {
    const existing = await board.post('/api/portal/articles', { title: 'Bài đã có', slug: 'bai-da-co' });
    expect(existing.status).toBe(201);
    const sent = await send(senderA);
    const clash = await board.post(`/api/portal/inbox/${sent.id}/accept`, { slug: 'bai-da-co' });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('PORTAL_ERR_SLUG_TAKEN');
    const after = await board.get(`/api/portal/inbox/${sent.id}`);
    expect(after.body).toMatchObject({ status: 'submitted', articleId: null, handledBy: null });
    expect(after.body.history.map((h: { action: string }) => h.action)).toEqual(['submit']);
    const audit = await inUnit('kiem-toan', ['core.audit.read'], PROVINCE).get('/api/core/audit', { query: { objectId: sent.id, limit: 50 } });
    expect(audit.body.items).toEqual([]); // no acceptance was recorded in the receiver's log
    expect((await board.post(`/api/portal/inbox/${sent.id}/accept`, {})).body.status).toBe('accepted');
  });

  it('returns with a reason; the sender edits and resubmits, and the history keeps every step', async () => {
    const sent = await send(senderA);
    const early = await senderA.patch(`/api/portal/submissions/${sent.id}`, { title: 'Sửa khi chưa bị trả' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('PORTAL_ERR_SUBMISSION_TRANSITION');

    expect((await board.post(`/api/portal/inbox/${sent.id}/return`, {})).status).toBe(400); // a reason is required
    const returned = await board.post(`/api/portal/inbox/${sent.id}/return`, { reason: 'Bổ sung số liệu quý IV' });
    expect(returned.body).toMatchObject({ status: 'returned', remarks: 'Bổ sung số liệu quý IV' });
    expect((await senderA.get(`/api/portal/submissions/${sent.id}`)).body).toMatchObject({ status: 'returned', remarks: 'Bổ sung số liệu quý IV' });
    expect((await board.post(`/api/portal/inbox/${sent.id}/accept`, {})).status).toBe(409);

    const edited = await senderA.patch(`/api/portal/submissions/${sent.id}`, { title: 'Dự toán ngân sách 2027 (bổ sung quý IV)', body: '<p onclick="x()">Số liệu quý IV</p>' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ status: 'returned', revision: 2, title: 'Dự toán ngân sách 2027 (bổ sung quý IV)', body: '<p>Số liệu quý IV</p>' });

    const again = await senderA.post(`/api/portal/submissions/${sent.id}/resubmit`, { remark: 'Đã bổ sung' });
    expect(again.body).toMatchObject({ status: 'submitted', revision: 3, remarks: null, handledBy: null });
    expect(again.body.history.map((h: { action: string; remark: string | null }) => [h.action, h.remark])).toEqual([
      ['submit', null],
      ['return', 'Bổ sung số liệu quý IV'],
      ['edit', null],
      ['resubmit', 'Đã bổ sung'],
    ]);
    expect((await board.get(`/api/portal/inbox/${sent.id}`)).body.title).toBe('Dự toán ngân sách 2027 (bổ sung quý IV)');
  });

  it('lets the sender withdraw before handling, and then nobody can accept it', async () => {
    const sent = await send(senderA);
    const withdrawn = await senderA.post(`/api/portal/submissions/${sent.id}/withdraw`, { remark: 'Gửi nhầm' });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn' });
    const late = await board.post(`/api/portal/inbox/${sent.id}/accept`, {});
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('PORTAL_ERR_SUBMISSION_TRANSITION');
    expect((await senderA.post(`/api/portal/submissions/${sent.id}/withdraw`, {})).status).toBe(409);
    expect((await board.get('/api/portal/inbox', { query: { status: 'withdrawn' } })).body.items.map((s: { id: string }) => s.id)).toContain(sent.id);
  });

  it('keeps submissions between sender and receiver: a sibling and an unrelated office get 404 everywhere', async () => {
    const sent = await send(senderA);
    for (const client of [siblingB, officeB]) {
      for (const [method, path, body] of [
        ['GET', `/api/portal/inbox/${sent.id}`],
        ['POST', `/api/portal/inbox/${sent.id}/accept`, {}],
        ['POST', `/api/portal/inbox/${sent.id}/return`, { reason: 'x' }],
        ['GET', `/api/portal/submissions/${sent.id}`],
        ['PATCH', `/api/portal/submissions/${sent.id}`, { title: 'x' }],
        ['POST', `/api/portal/submissions/${sent.id}/withdraw`, {}],
      ] as const) {
        const res = await client.request(method, path, body === undefined ? {} : { body });
        expect(res.status, `${method} ${path}`).toBe(404);
      }
      expect((await client.get('/api/portal/inbox')).body.items.map((s: { id: string }) => s.id)).not.toContain(sent.id);
      expect((await client.get('/api/portal/submissions')).body.items.map((s: { id: string }) => s.id)).not.toContain(sent.id);
    }
    // Each side reaches it only from its own side.
    expect((await inUnit('y', [SUBMIT, HANDLE], PROVINCE).get(`/api/portal/submissions/${sent.id}`)).status).toBe(404);
    expect((await inUnit('x', [HANDLE], A).get(`/api/portal/inbox/${sent.id}`)).status).toBe(404);
    expect((await board.get(`/api/portal/inbox/${sent.id}`)).status).toBe(200);
  });

  it('checks permissions: 403 without submit, handle, or content write for accepting', async () => {
    const sent = await send(senderA);
    expect((await inUnit('doc-gia', [WRITE], A).post('/api/portal/submissions', draft())).status).toBe(403);
    expect((await inUnit('doc-gia', [WRITE], A).get('/api/portal/submissions')).status).toBe(403);
    expect((await inUnit('phong-vien', [SUBMIT, WRITE], PROVINCE).get('/api/portal/inbox')).status).toBe(403);
    expect((await inUnit('tiep-nhan', [HANDLE], PROVINCE).post(`/api/portal/inbox/${sent.id}/accept`, {})).status).toBe(403);
    expect((await inUnit('phong-vien', [SUBMIT], PROVINCE).post('/api/portal/information-requests', { title: 'x', message: 'y', units: [{ id: ids[A] }], deadline: { workingDays: 3 } })).status).toBe(403);
    expect((await inUnit('phong-vien', [HANDLE], A).get('/api/portal/information-requests/assigned')).status).toBe(403);
  });

  it('sends only to an ancestor with the portal enabled; the default is the nearest such unit', async () => {
    for (const target of [ids[B]!, ids[A_OFFICE]!, ids[A]!]) {
      const res = await senderA.post('/api/portal/submissions', draft({ receiverId: target }));
      expect(res.status, target).toBe(400);
      expect(res.body.code).toBe('PORTAL_ERR_SUBMISSION_RECEIVER');
      expect(res.body.errors).toEqual([expect.objectContaining({ in: 'body', pointer: '/receiverId' })]);
    }
    expect((await send(officeA)).receiver.id).toBe(ids[A]); // the nearest portal above
    expect((await send(officeA, { receiverId: PROVINCE })).receiver.id).toBe(ids[PROVINCE]); // or any ancestor it names

    // A turns its portal off: the office's submissions go to the province, and A cannot be named.
    const modules = inUnit('quan-tri', ['core.modules.manage'], A);
    expect((await modules.put('/api/core/modules/portal', { enabled: false })).status).toBe(200);
    try {
      expect((await send(officeA)).receiver.id).toBe(ids[PROVINCE]);
      const refused = await officeA.post('/api/portal/submissions', draft({ receiverId: ids[A] }));
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('PORTAL_ERR_SUBMISSION_RECEIVER');
    } finally {
      expect((await modules.put('/api/core/modules/portal', { enabled: true })).status).toBe(200);
    }
  });

  it('computes deadlines in working days across weekends, holidays and compensatory days', async () => {
    const deadline = (workingDays: number, from?: string) => board.get('/api/portal/information-requests/deadline', { query: { workingDays, ...(from ? { from } : {}) } });
    // Friday 24 April 2026 → Hùng Kings Day falls on Sunday 26, its compensatory day off is Monday 27.
    expect((await deadline(2, '2026-04-24')).body).toEqual({ from: '2026-04-24', workingDays: 2, deadline: '2026-04-29' });
    // Friday 28 August 2026 → Monday 31 (swapped day off), 1 and 2 September (National Day).
    expect((await deadline(1, '2026-08-28')).body.deadline).toBe('2026-09-03');

    // Creating with working days counts from today with the calendar as the admins keep it.
    const next = (await deadline(1)).body.deadline as string;
    const calendar = inUnit('quan-tri', ['core.calendar.manage'], PROVINCE);
    expect((await calendar.put(`/api/core/calendar/days/${next}`, { kind: 'holiday', name: { vi: 'Nghỉ thử' } })).status).toBe(204);
    const later = (await deadline(1)).body.deadline as string;
    expect(later > next).toBe(true);
    const created = await board.post('/api/portal/information-requests', { title: 'Báo cáo nhanh', message: 'Gửi số liệu', units: [{ id: ids[A] }], deadline: { workingDays: 1 } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ deadline: later, workingDays: 1, status: 'open' });

    const past = await board.post('/api/portal/information-requests', { title: 'x', message: 'y', units: [{ id: ids[A] }], deadline: { date: '2020-01-01' } });
    expect(past.status).toBe(400);
    expect(past.body.errors).toEqual([expect.objectContaining({ pointer: '/deadline/date' })]);
  });

  it('asks units below for information; each addressed unit sees its own request and answers with a submission', async () => {
    const notBelow = await siblingB.post('/api/portal/information-requests', { title: 'x', message: 'y', units: [{ id: ids[A] }], deadline: { workingDays: 3 } });
    expect(notBelow.status).toBe(400);
    expect(notBelow.body.code).toBe('PORTAL_ERR_REQUEST_UNIT');

    const created = await board.post('/api/portal/information-requests', {
      title: 'Cung cấp thông tin về\ngiải ngân vốn đầu tư công',
      message: 'Đề nghị các đơn vị gửi tin bài về tiến độ giải ngân.',
      units: [{ id: ids[A], notifyEmails: ['VanPhong@stc.quangtri.gov.vn'] }],
      subtrees: [ids[B]],
      deadline: { workingDays: 5 },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.title).toBe('Cung cấp thông tin về giải ngân vốn đầu tư công'); // one line: it goes into mail subjects
    const request = created.body as { id: string; units: { unit: { id: string }; state: string; notifyEmails: string[] }[] };
    expect(request.units.map((u) => u.unit.id).sort()).toEqual([ids[A], ids[B], ids[B_OFFICE]].sort());
    expect(request.units.every((u) => u.state === 'pending')).toBe(true);
    expect(request.units.find((u) => u.unit.id === ids[A])!.notifyEmails).toEqual(['vanphong@stc.quangtri.gov.vn']);

    // The addressed side: A sees it, the office below B sees it, A's own office does not.
    expect((await senderA.get('/api/portal/information-requests/assigned')).body.items.map((r: { id: string }) => r.id)).toContain(request.id);
    expect((await officeB.get(`/api/portal/information-requests/assigned/${request.id}`)).body).toMatchObject({ state: 'pending', requester: { slug: PROVINCE } });
    expect((await officeA.get(`/api/portal/information-requests/assigned/${request.id}`)).status).toBe(404);
    // Only the requester reads the per-unit view; an addressed unit does not.
    expect((await siblingB.get(`/api/portal/information-requests/${request.id}`)).status).toBe(404);

    const answer = await send(senderA, { requestId: request.id });
    expect(answer.receiver.id).toBe(ids[PROVINCE]);
    expect((await officeA.post('/api/portal/submissions', draft({ requestId: request.id }))).status).toBe(400); // not addressed to it

    const view = await board.get(`/api/portal/information-requests/${request.id}`);
    const stateOf = (unit: string) => view.body.units.find((u: { unit: { id: string } }) => u.unit.id === ids[unit]);
    expect(stateOf(A)).toMatchObject({ state: 'answered', submissionIds: [answer.id] });
    expect(stateOf(B).state).toBe('pending');
    expect(view.body.counts).toEqual({ answered: 1, pending: 2, overdue: 0 });
    expect((await senderA.get(`/api/portal/information-requests/assigned/${request.id}`)).body.state).toBe('answered');

    const closed = await board.post(`/api/portal/information-requests/${request.id}/close`);
    expect(closed.body.status).toBe('closed');
    const late = await siblingB.post('/api/portal/submissions', draft({ requestId: request.id }));
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('PORTAL_ERR_REQUEST_CLOSED');
  });

  it('reminds unanswered units by mail before the deadline and every working day after it, never twice a day', async () => {
    const today = vietnamDate();
    // Reminders are due on working days: a suite run on a Saturday or Sunday (Vietnam time) makes the
    // day a make-up working day; the calendar refuses that for a weekday, which is one already.
    const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) {
      const calendar = inUnit('quan-tri', ['core.calendar.manage'], PROVINCE);
      expect((await calendar.put(`/api/core/calendar/days/${today}`, { kind: 'working-day', name: { vi: 'Làm bù (kiểm thử)' } })).status).toBe(204);
    }

    const ask = async (title: string, deadline: Record<string, unknown>) => {
      const res = await board.post('/api/portal/information-requests', {
        title,
        message: 'Đề nghị cung cấp thông tin.',
        units: [
          { id: ids[A], notifyEmails: ['vanphong@stc.quangtri.gov.vn', 'lanhdao@stc.quangtri.gov.vn'] },
          { id: ids[B], notifyEmails: ['vanphong@syt.quangtri.gov.vn'] },
          { id: ids[B_OFFICE] }, // no address yet
        ],
        deadline,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const dueToday = await ask('Hạn hôm nay', { date: today });
    const overdue = await ask('Đã quá hạn', { date: today });
    const farAway = await ask('Còn lâu', { workingDays: 30 });
    // Time passes for one of them: its deadline moves into the past (as if asked weeks ago).
    const db = await createDatabase(parseDatabaseUrl(t.databaseUrl, process.cwd()));
    try {
      await db.kysely.updateTable('portal_information_requests').set({ deadline: '2026-01-05' }).where('id', '=', overdue).execute();
    } finally {
      await db.destroy();
    }
    // A answers the one due today; the office below B names its contact.
    await send(senderA, { requestId: dueToday });
    expect((await officeB.put(`/api/portal/information-requests/assigned/${dueToday}/contacts`, { notifyEmails: ['ttyt@syt.quangtri.gov.vn'] })).status).toBe(200);

    const run = await board.post('/api/portal/information-requests/reminders');
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    expect(run.body.on).toBe(today);
    const sent = (run.body.sent as { requestId: string; unitId: string; kind: string }[]).map((s) => `${s.requestId === dueToday ? 'due' : s.requestId === overdue ? 'overdue' : 'far'}:${s.unitId}:${s.kind}`).sort();
    expect(sent).toEqual(
      [`due:${ids[B]}:before`, `due:${ids[B_OFFICE]}:before`, `overdue:${ids[A]}:overdue`, `overdue:${ids[B]}:overdue`].sort(),
    );
    expect(run.body.sent.some((s: { requestId: string }) => s.requestId === farAway)).toBe(false);

    const mails = await outbox();
    const toB = mails.filter((m) => m.to.includes('vanphong@syt.quangtri.gov.vn'));
    expect(toB.map((m) => m.subject).sort()).toEqual(['[Nhắc hạn / Reminder] Hạn hôm nay — hạn ' + today.split('-').reverse().join('/'), '[Đôn đốc / Overdue] Đã quá hạn — quá hạn 05/01/2026'].sort());
    expect(toB.every((m) => m.tenantId === ids[B])).toBe(true);
    expect(mails.find((m) => m.subject.startsWith('[Đôn đốc') && m.to.includes('lanhdao@stc.quangtri.gov.vn'))!.text).toContain('Tỉnh Quảng Trị đề nghị Sở Tài chính khẩn trương cung cấp thông tin');
    expect(mails.some((m) => m.subject.includes('Hạn hôm nay') && m.to.includes('vanphong@stc.quangtri.gov.vn'))).toBe(false); // A answered

    // A second run the same day sends nothing; the requester sees the reminder day.
    const again = await board.post('/api/portal/information-requests/reminders');
    expect(again.body.sent).toEqual([]);
    expect((await outbox()).length).toBe(mails.length);
    const view = await board.get(`/api/portal/information-requests/${overdue}`);
    expect(view.body.units.find((u: { unit: { id: string } }) => u.unit.id === ids[A])).toMatchObject({ state: 'overdue', lastReminderOn: today });
    // Another requester's run does not touch the province's requests.
    expect((await siblingB.post('/api/portal/information-requests/reminders')).body.sent).toEqual([]);

    // The next day (today's reminders moved to yesterday): the overdue one is reminded again, the
    // one-time reminder before the deadline is not.
    const db2 = await createDatabase(parseDatabaseUrl(t.databaseUrl, process.cwd()));
    try {
      await db2.kysely.updateTable('portal_information_request_reminders').set({ sent_on: '2026-01-06' }).where('sent_on', '=', today).execute();
    } finally {
      await db2.destroy();
    }
    const nextDay = await board.post('/api/portal/information-requests/reminders');
    expect((nextDay.body.sent as { requestId: string; unitId: string }[]).map((s) => `${s.requestId === overdue ? 'overdue' : 'other'}:${s.unitId}`).sort()).toEqual(
      [`overdue:${ids[A]}`, `overdue:${ids[B]}`].sort(),
    );

    // The lead time is a rule: with 40 working days, the far request is due for its first reminder.
    const rules = inUnit('quan-tri', ['core.rules.manage'], PROVINCE);
    const override = await rules.post('/api/core/rules', { name: 'portal.informationRequest.reminderWorkingDays', value: 40, effectiveFrom: today, citation: 'Quyết định thử nghiệm' });
    // The version is stored either way; the core route's response schema still lacks owner, createdAt
    // and createdBy (a core bug, reported), so it may answer 500 after saving.
    expect(override.status === 201 || override.body.code === 'CONG_ERR_ROUTE_RESPONSE_INVALID', JSON.stringify(override.body)).toBe(true);
    const db3 = await createDatabase(parseDatabaseUrl(t.databaseUrl, process.cwd()));
    try {
      const versions = await db3.kysely.selectFrom('core_rules' as never).selectAll().where('name' as never, '=', 'portal.informationRequest.reminderWorkingDays' as never).orderBy('effective_from' as never).execute() as { value_json: string; citation: string; source: string }[];
      expect(versions.map((v) => [JSON.parse(v.value_json), v.source])).toEqual([[2, 'pack'], [40, 'admin']]);
      expect(versions[0]!.citation).toBe('FD Đ2.1.k');
    } finally {
      await db3.destroy();
    }
    // This time the daily job runs it (queued as its schedule would queue it), for every unit.
    const jobs = await createDatabase(parseDatabaseUrl(t.databaseUrl, process.cwd()));
    try {
      const now = Date.now();
      await jobs.kysely
        .insertInto('core_jobs' as never)
        .values({
          id: randomUUID(), name: 'portal.information-request-reminders', owner: 'portal', tenant_id: null, payload: '{}', status: 'queued', attempts: 0, max_attempts: 3,
          run_at: now, locked_by: null, locked_until: null, last_error: null, dedupe_key: null, created_at: now, updated_at: now, finished_at: null,
        } as never)
        .execute();
    } finally {
      await jobs.destroy();
    }
    expect(await t.drainJobs()).toBeGreaterThanOrEqual(1);
    const far = await board.get(`/api/portal/information-requests/${farAway}`);
    const reminded = (unit: string) => far.body.units.find((u: { unit: { id: string } }) => u.unit.id === ids[unit]).lastReminderOn;
    expect([reminded(A), reminded(B), reminded(B_OFFICE)]).toEqual([today, today, null]); // the office below B named no address
    expect((await outbox()).filter((m) => m.subject.includes('Còn lâu')).map((m) => m.to).sort()).toEqual([
      ['vanphong@stc.quangtri.gov.vn', 'lanhdao@stc.quangtri.gov.vn'],
      ['vanphong@syt.quangtri.gov.vn'],
    ]);
  });

  /** The messages the core mail service queued (no SMTP in tests: they stay in the outbox). */
  async function outbox(): Promise<{ to: string[]; subject: string; text: string; tenantId: string | null }[]> {
    const db = await createDatabase(parseDatabaseUrl(t.databaseUrl, process.cwd()));
    try {
      const rows = await db.kysely.selectFrom('core_mail_outbox' as never).selectAll().execute() as { to_addresses: string; subject: string; text_body: string; tenant_id: string | null }[];
      return rows.map((r) => ({ to: JSON.parse(r.to_addresses) as string[], subject: r.subject, text: r.text_body, tenantId: r.tenant_id }));
    } finally {
      await db.destroy();
    }
  }
});
