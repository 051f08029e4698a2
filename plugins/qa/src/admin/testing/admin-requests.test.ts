// The admin pages' requests, against the real platform: what the browser tests answer by hand
// (admin-test-support.ts) is what the routes accept and give. The lists the pickers read (the fields
// and communes of the public form, the core's unit list) work for a staff member naming a unit; the
// filters the queue sends pass the route's schema; the manifest offers the pages and serves the bundle.
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

  it('offers the pages in the manifest by permission, with the bundle’s address', async () => {
    const manifest = ok(await board().get('/api/core/admin/manifest'));
    const qa = manifest.plugins.find((p: { id: string }) => p.id === 'qa');
    expect(qa.nav.map((n: { element: string }) => n.element)).toEqual(['qa-board-queue', 'qa-routing-rules']);
    const agencyManifest = ok(await h.as('leader-1', [ANSWER, 'qa.answers.approve'], 'so-y-te').get('/api/core/admin/manifest'));
    expect(agencyManifest.plugins.find((p: { id: string }) => p.id === 'qa').nav.map((n: { element: string }) => n.element)).toEqual(['qa-agency-inbox', 'qa-answer-settings']);
    // The shell loads the bundle from there (the admin build checks that it defines every nav element).
    expect(qa.module).toBe('/admin/plugins/qa/index.js');
  });
});
