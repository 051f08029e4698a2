import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { MAIL_TEMPLATES } from '../src/templates/mail-template-catalog.js';
import { ANSWER, linkToken, ok, PROVINCE, question, sleep, startQaPlatform, TRIAGE, type Harness } from './qa-support.js';

const MANAGE = 'qa.templates.manage';
const APPROVE = 'qa.answers.approve';
const CORPUS = ['{{7*7}}', '${7*7}', '<%= 7*7 %>', "{{constructor.constructor('return process')()}}"];

describeEachDialect('mail templates: defaults, province overrides, injection, permissions', (dialect) => {
  let h: Harness;
  let formToken = '';
  let asked = 0;
  const editor = (unit = PROVINCE) => h.as('bien-tap-mau', [MANAGE], unit);
  const board = () => h.as('board-1', [TRIAGE], PROVINCE);

  async function ask(overrides: Record<string, unknown> = {}) {
    const email = `tpl-${++asked}@example.vn`;
    const sent = ok(await h.anon(PROVINCE).post('/api/qa/public/questions', question(formToken, { email, ...overrides })), 202);
    return { id: sent.id as string, email, mails: await h.deliver() };
  }

  beforeAll(async () => {
    h = await startQaPlatform(dialect, { submitPerAddress: { points: 500, durationSeconds: 3600 }, statusPerAddress: { points: 500, durationSeconds: 600 } });
    formToken = ok(await h.anon(PROVINCE).get('/api/qa/public/form')).formToken;
    await sleep(1100);
  });
  afterAll(async () => h?.stop());

  it('lists every template with its keys, 403 without the permission and 404 outside the province', async () => {
    const list = ok(await editor().get('/api/qa/templates'));
    expect(list.items.map((t: { name: string }) => t.name)).toContain('answer-sent');
    expect(list.items.every((t: { overridden: boolean }) => !t.overridden)).toBe(true);
    const one = ok(await editor().get('/api/qa/templates/question-verification'));
    expect(one).toMatchObject({ overridden: false, keys: ['title', 'link', 'hours', 'province'], ...MAIL_TEMPLATES['question-verification'].defaults });

    expect((await h.as('no-perm', [TRIAGE], PROVINCE).get('/api/qa/templates')).status).toBe(403);
    expect((await h.as('no-perm', [TRIAGE], PROVINCE).put('/api/qa/templates/question-tracking', { subject: 'x', bodyVi: 'y', bodyEn: 'z' })).status).toBe(403);
    expect((await editor('so-xay-dung').get('/api/qa/templates')).status).toBe(404);
    expect((await editor('so-xay-dung').put('/api/qa/templates/question-tracking', { subject: 'x', bodyVi: 'y', bodyEn: 'z' })).status).toBe(404);
    expect((await editor('so-xay-dung').delete('/api/qa/templates/question-tracking')).status).toBe(404);
    expect((await editor().get('/api/qa/templates/no-such-template')).status).toBe(404);
    // The department's attempts changed nothing.
    expect(ok(await editor().get('/api/qa/templates/question-tracking')).overridden).toBe(false);
  });

  it('refuses a placeholder the template does not declare, naming the field', async () => {
    const base = { subject: 'Mã {{code}}', bodyVi: 'Mã theo dõi {{code}}', bodyEn: 'Code {{code}}' };
    const unknown = ok(await editor().put('/api/qa/templates/question-tracking', { ...base, bodyVi: 'Chào {{askerName}}, mã {{code}}' }), 400);
    expect(unknown.code).toBe('QA_ERR_TEMPLATE_PLACEHOLDER');
    expect(unknown.errors[0]).toMatchObject({ in: 'body', pointer: '/bodyVi' });
    expect(unknown.errors[0].message).toContain('{{askerName}}');
    for (const payload of [CORPUS[0]!, CORPUS[3]!]) {
      const refused = ok(await editor().put('/api/qa/templates/question-tracking', { ...base, subject: `Mã ${payload}` }), 400);
      expect(refused.errors[0].pointer).toBe('/subject');
    }
    expect(ok(await editor().put('/api/qa/templates/question-tracking', { ...base, extra: 1 }), 400).errors[0].pointer).toMatch(/extra|^\/?$/);
    expect((await editor().put('/api/qa/templates/question-tracking', { ...base, subject: 'a\r\nBcc: x@example.com' })).status).toBe(400);
    expect(ok(await editor().post('/api/qa/templates/question-tracking/preview', { bodyEn: '{{nope}}' }), 400).errors[0].pointer).toBe('/bodyEn');
    expect(ok(await editor().get('/api/qa/templates/question-tracking')).overridden).toBe(false);
  });

  it('sends the province’s override in the real mail, with the injection corpus literal, audits it, and restores the default', async () => {
    const override = {
      subject: 'Xác nhận câu hỏi: {{title}} ${7*7} <%= 7*7 %>',
      bodyVi: 'Kính gửi công dân,\nCâu hỏi "{{title}}" cần xác nhận trong {{hours}} giờ:\n{{link}}\n<%= 7*7 %> ${7*7}',
      bodyEn: 'Please confirm within {{hours}} hours.',
    };
    const saved = ok(await editor().put('/api/qa/templates/question-verification', override));
    expect(saved).toMatchObject({ overridden: true, updatedBy: 'bien-tap-mau', ...override });

    const preview = ok(await editor().post('/api/qa/templates/question-verification/preview', {}));
    expect(preview.subject).toBe(`Xác nhận câu hỏi: ${MAIL_TEMPLATES['question-verification'].sample.title} \${7*7} <%= 7*7 %>`);
    expect(preview.text).toContain(MAIL_TEMPLATES['question-verification'].sample.link);
    const draft = ok(await editor().post('/api/qa/templates/question-verification/preview', { subject: 'Nháp {{province}}' }));
    expect(draft.subject).toBe(`Nháp ${MAIL_TEMPLATES['question-verification'].sample.province}`);

    const title = `Hỏi ${CORPUS.join(' ')}`;
    const { mails, email } = await ask({ title });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual([email]);
    expect(mails[0]!.subject).toBe(`Xác nhận câu hỏi: ${title} \${7*7} <%= 7*7 %>`);
    expect(mails[0]!.text).toContain(`Câu hỏi "${title}" cần xác nhận trong 48 giờ:`);
    expect(mails[0]!.text).toContain('<%= 7*7 %> ${7*7}');
    expect(mails[0]!.text).toContain('Please confirm within 48 hours.');
    expect(`${mails[0]!.subject}\n${mails[0]!.text}`).not.toMatch(/\b49\b|\[object|function /);
    linkToken(mails[0]!.text);

    const audit = ok(await h.as('kiem-tra', ['core.audit.read'], PROVINCE).get('/api/core/audit', { query: { objectId: 'question-verification', limit: 10 } }));
    expect(audit.items.map((e: { action: string }) => e.action)).toContain('qa.template.update');

    const restored = ok(await editor().delete('/api/qa/templates/question-verification'));
    expect(restored).toMatchObject({ overridden: false, updatedBy: null, ...MAIL_TEMPLATES['question-verification'].defaults });
    const again = await ask();
    expect(again.mails[0]!.subject).toBe(MAIL_TEMPLATES['question-verification'].defaults.subject);
    const audit2 = ok(await h.as('kiem-tra', ['core.audit.read'], PROVINCE).get('/api/core/audit', { query: { objectId: 'question-verification', limit: 10 } }));
    expect(audit2.items.map((e: { action: string }) => e.action)).toContain('qa.template.reset');
  });

  it('keeps a value with CR/LF in the subject on one line: no header is added', async () => {
    ok(await editor().put('/api/qa/templates/answer-clarification', { subject: 'Bổ sung {{code}}: {{request}}', bodyVi: '{{agency}}: {{request}}\n{{statusLink}}', bodyEn: 'More information needed for {{code}}.' }));
    const asked1 = await ask();
    const code = ok(await h.anon(PROVINCE).post('/api/qa/public/verify', { token: linkToken(asked1.mails[0]!.text) })).trackingCode as string;
    await h.deliver();
    ok(await board().post(`/api/qa/questions/${asked1.id}/forward`, { agency: 'so-xay-dung' }));
    const message = 'Thiếu giấy tờ\r\nBcc: evil@example.com\r\nX-Injected: yes\r\n\r\nNội dung giả';
    ok(await h.as('clerk-sxd', [ANSWER, APPROVE], 'so-xay-dung').post(`/api/qa/inbox/${asked1.id}/request-information`, { message }));
    const mails = await h.deliver();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual([asked1.email]);
    expect(mails[0]!.subject).not.toMatch(/[\r\n]/);
    expect(mails[0]!.subject).toContain(`Bổ sung ${code}: Thiếu giấy tờ`);
    expect(mails[0]!.subject).toContain('Bcc: evil@example.com');
    expect(h.sink.received.some((m) => m.to.includes('evil@example.com'))).toBe(false);
    ok(await editor().delete('/api/qa/templates/answer-clarification'));
  });
});
