import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '@cong/sdk/testing';
import { describeEachDialect } from '../src/testing/describe-each-dialect.js';
import { inlinePlugin } from './inline-plugin.js';

// The rule versions API: a plugin ships a pack, an administrator sets a later version, both are listed
// with their provenance.

const qa = inlinePlugin(
  { id: 'qa' },
  { register: (reg) => reg.rules([{ name: 'qa.answerDeadlineWorkingDays', value: 15, effectiveFrom: '2025-07-01', citation: 'Luật Tiếp công dân 2013 Điều 28' }]) },
);

describeEachDialect('rule versions API', (dialect) => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [qa], database: dialect });
  });
  afterAll(async () => t?.stop());

  it('sets a new version and lists every version with its source, owner and author', async () => {
    const admin = t.client.as({ id: 'quan-tri', permissions: ['core.rules.manage'] });
    const created = await admin.post('/api/core/rules', { name: 'qa.answerDeadlineWorkingDays', value: 10, effectiveFrom: '2027-01-01', citation: 'Quyết định 12/2026/QĐ-UBND' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ name: 'qa.answerDeadlineWorkingDays', value: 10, effectiveFrom: '2027-01-01', effectiveTo: null, source: 'admin', owner: 'qa', createdBy: 'quan-tri' });
    expect(Date.parse(created.body.createdAt)).toBeGreaterThan(Date.now() - 60_000);

    const history = await admin.get('/api/core/rules/qa.answerDeadlineWorkingDays');
    expect(history.status).toBe(200);
    expect(history.body.items.map((v: { value: number; source: string; effectiveTo: string | null; createdBy: string }) => [v.value, v.source, v.effectiveTo, v.createdBy])).toEqual([
      [15, 'pack', '2026-12-31', 'pack:qa'],
      [10, 'admin', null, 'quan-tri'],
    ]);
    expect((await admin.get('/api/core/rules/qa.unknown')).status).toBe(404);
    expect((await t.client.as({ id: 'x', permissions: [] }).get('/api/core/rules/qa.answerDeadlineWorkingDays')).status).toBe(403);
  });
});
