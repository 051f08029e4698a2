// The admin pages' requests, against the real platform: what the browser tests answer by hand
// (admin-test-support.ts) is what the routes accept and give. The lists the pickers read (the fields
// and communes of the public form, the core's unit list) work for a staff member naming a unit; the
// filters the queue sends pass the route's schema; the feedback, ideas, templates and personal data
// pages' calls are what those routes accept; the manifest offers the pages and serves the bundle.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../core/src/testing/describe-each-dialect.js';
import { ANSWER, ok, PROVINCE, startQaPlatform, TRIAGE, type Harness } from '../../../test/qa-support.js';
import type { UnitNode } from '../shared/qa-api.js';
import { agencyChoices, provinceOf } from '../shared/unit-tree.js';

describeEachDialect('the Q&A admin pages’ requests', (dialect) => {
  let h: Harness;
  const board = () => h.as('board-1', [TRIAGE, 'qa.answers.publish'], PROVINCE);

  beforeAll(async () => {
    h = await startQaPlatform(dialect);
  });
  afterAll(async () => h?.stop());

  it('reads the fields, communes and units the pickers offer, for the board and for an agency', async () => {
    for (const caller of [board(), h.as('clerk-1', [ANSWER], 'so-y-te')]) {
      const form = ok(await caller.get('/api/qa/public/form'));
      expect(form.fields.map((f: { code: string }) => f.code)).toContain('dat-dai');
      expect(form.communes.map((c: { slug: string }) => c.slug)).toContain('dong-ha');
    }
    const { items } = ok<{ items: UnitNode[] }>(await h.as('clerk-1', [ANSWER], 'so-y-te').get('/api/core/tenants?status=active&limit=500'));
    const agency = items.find((u) => u.slug === 'so-y-te')!;
    const province = provinceOf(items, agency.id)!;
    expect(province.slug).toBe(PROVINCE);
    const choices = agencyChoices(items, province.id, agency.id).map((c) => c.unit.slug);
    expect(choices).toEqual(expect.arrayContaining(['dong-ha']));
    expect(choices).not.toContain('so-y-te');
    expect(choices).not.toContain(PROVINCE);
  });

  it('accepts the queue’s and the inbox’s filters as the pages send them', async () => {
    const query = 'status=received&field=dat-dai&commune=dong-ha&from=2026-11-01&to=2026-11-30&limit=20&offset=0';
    expect(ok(await board().get(`/api/qa/questions?${query}`))).toMatchObject({ items: [], total: 0, limit: 20, offset: 0 });
    expect(ok(await h.as('clerk-1', [ANSWER], 'so-y-te').get('/api/qa/inbox?status=waiting&limit=20&offset=0'))).toMatchObject({ items: [], total: 0 });
    expect(ok(await board().get('/api/qa/routing-rules'))).toEqual({ items: [] });
  });

  it('accepts the consultation, dialogue and statistics pages’ requests as they send them', async () => {
    const drafting = h.as('drafting-1', ['qa.consultations.manage', 'qa.dialogues.manage', 'qa.statistics.read'], 'so-y-te');
    expect(ok(await drafting.get('/api/qa/consultations?limit=100&offset=0'))).toMatchObject({ items: [], total: 0, limit: 100 });
    const periods = ok(await drafting.get('/api/qa/consultation-periods'));
    expect(periods.documentTypes.length).toBeGreaterThan(0);
    expect(periods.builtInConsultees.map((b: { flag: string }) => b.flag)).toEqual(['finance', 'home-affairs', 'justice', 'science-technology']);
    expect(ok(await drafting.post('/api/qa/consultations/split', { text: 'Điều 1. Phạm vi\nNội dung.' })).articles).toHaveLength(1);
    expect(ok(await drafting.get('/api/qa/dialogues?limit=100&offset=0'))).toMatchObject({ items: [], total: 0 });
    expect(ok(await h.as('reply-1', ['qa.consultations.reply'], 'so-y-te').get('/api/qa/consultation-requests'))).toEqual({ items: [] });
    // The statistics: the period the page sends; a reversed one is refused naming the query's field.
    expect(ok(await drafting.get('/api/qa/statistics?from=2026-01-01&to=2026-11-29')).period).toEqual({ from: '2026-01-01', to: '2026-11-29' });
    const reversed = ok(await drafting.get('/api/qa/statistics?from=2026-11-29&to=2026-01-01'), 400);
    expect(reversed.errors[0]).toMatchObject({ in: 'query', pointer: '/to' });
    expect(ok(await h.as('board-2', [TRIAGE, 'qa.statistics.read'], PROVINCE).post('/api/qa/deadlines/sweep'))).toMatchObject({ computed: expect.any(Number) });
  });

  it('accepts the feedback, ideas, mail template and personal data pages’ requests as they send them', async () => {
    const justice = h.as('tp-1', ['qa.feedback.process'], 'so-tu-phap');
    expect(ok(await justice.get('/api/qa/feedback?limit=20&offset=0'))).toMatchObject({ items: [], total: 0, limit: 20, offset: 0 });
    expect(ok(await justice.get('/api/qa/feedback?status=processing&limit=20&offset=0'))).toMatchObject({ items: [], total: 0 });
    const board = h.as('bbt-1', ['qa.ideas.manage', 'qa.templates.manage', 'qa.privacy.manage', 'core.audit.read'], PROVINCE);
    expect(ok(await board.get('/api/qa/ideas?status=accepted&limit=20&offset=0'))).toMatchObject({ items: [], total: 0 });
    // The templates: the list, one, a draft's preview, and an undeclared key refused naming the field.
    const { items } = ok<{ items: { name: string; keys: string[] }[] }>(await board.get('/api/qa/templates'));
    expect(items.map((i) => i.name)).toContain('question-verification');
    const one = ok(await board.get('/api/qa/templates/question-verification'));
    const draft = { subject: `${one.subject} {{title}}`, bodyVi: one.bodyVi, bodyEn: one.bodyEn };
    expect(ok(await board.post('/api/qa/templates/question-verification/preview', draft)).subject).toContain('Thủ tục cấp giấy chứng nhận quyền sử dụng đất');
    const refused = ok(await board.put('/api/qa/templates/question-verification', { ...draft, bodyVi: 'Chào {{name}}' }), 400);
    expect(refused.errors[0]).toMatchObject({ in: 'body', pointer: '/bodyVi' });
    expect(ok(await board.put('/api/qa/templates/question-verification', draft)).overridden).toBe(true);
    expect(ok(await board.delete('/api/qa/templates/question-verification')).overridden).toBe(false);
    // Personal data: the retention run, and the erasure record as the page reads it from the audit log.
    expect(ok(await board.post('/api/qa/privacy/retention/run'))).toEqual({ erased: 0, retentionYears: 5 });
    expect(ok(await board.get('/api/core/audit?action=qa.question.erase-personal-data&limit=50'))).toEqual({ items: [], nextCursor: null });
  });

  it('offers the pages in the manifest by permission, with the bundle’s address', async () => {
    const manifest = ok(await board().get('/api/core/admin/manifest'));
    const qa = manifest.plugins.find((p: { id: string }) => p.id === 'qa');
    expect(qa.nav.map((n: { element: string }) => n.element)).toEqual(['qa-board-queue', 'qa-routing-rules']);
    const agencyManifest = ok(await h.as('leader-1', [ANSWER, 'qa.answers.approve'], 'so-y-te').get('/api/core/admin/manifest'));
    expect(agencyManifest.plugins.find((p: { id: string }) => p.id === 'qa').nav.map((n: { element: string }) => n.element)).toEqual(['qa-agency-inbox', 'qa-answer-settings']);
    const all = ['qa.consultations.manage', 'qa.consultations.reply', 'qa.dialogues.manage', 'qa.statistics.read'];
    const unitManifest = ok(await h.as('unit-1', all, 'so-y-te').get('/api/core/admin/manifest'));
    expect(unitManifest.plugins.find((p: { id: string }) => p.id === 'qa').nav.map((n: { element: string }) => n.element)).toEqual(['qa-consultations', 'qa-consultation-requests', 'qa-dialogues', 'qa-statistics']);
    const feedbackManifest = ok(await h.as('tp-2', ['qa.feedback.process'], 'so-tu-phap').get('/api/core/admin/manifest'));
    expect(feedbackManifest.plugins.find((p: { id: string }) => p.id === 'qa').nav.map((n: { element: string }) => n.element)).toEqual(['qa-feedback']);
    const provinceManifest = ok(await h.as('bbt-2', ['qa.ideas.manage', 'qa.templates.manage', 'qa.privacy.manage'], PROVINCE).get('/api/core/admin/manifest'));
    expect(provinceManifest.plugins.find((p: { id: string }) => p.id === 'qa').nav.map((n: { element: string }) => n.element)).toEqual(['qa-ideas', 'qa-mail-templates', 'qa-personal-data']);
    // The shell loads the bundle from there (the admin build checks that it defines every nav element).
    expect(qa.module).toBe('/admin/plugins/qa/index.js');
  });
});
