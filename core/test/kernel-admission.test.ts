import { describe, expect, it } from 'vitest';
import { createTestPlatform } from '@cong/sdk/testing';
import { inlinePlugin } from './inline-plugin.js';

// Admission refuses a set of plugins before any of their code runs; each refusal names the plugins.
describe('plugin admission', () => {
  it('refuses an invalid manifest and names the field', async () => {
    const bad = inlinePlugin({ id: 'Bad_Id' });
    await expect(createTestPlatform({ plugins: [bad] })).rejects.toMatchObject({
      code: 'CONG_ERR_PLUGIN_MANIFEST_INVALID',
      message: expect.stringContaining('cong.id'),
    });
    const unknownField = inlinePlugin({ id: 'ok', ...({ colour: 'red' } as object) });
    await expect(createTestPlatform({ plugins: [unknownField] })).rejects.toMatchObject({
      message: expect.stringMatching(/cong\.colour is not a known manifest field/),
    });
    const badRange = inlinePlugin({ id: 'ranges', requires: { other: 'not-a-range' } });
    await expect(createTestPlatform({ plugins: [badRange] })).rejects.toMatchObject({
      message: expect.stringContaining('cong.requires.other'),
    });
  });

  it('refuses two plugins with one id, naming both packages', async () => {
    const a = { ...inlinePlugin({ id: 'twin' }), packageName: '@a/twin' };
    const b = { ...inlinePlugin({ id: 'twin' }), packageName: '@b/twin' };
    await expect(createTestPlatform({ plugins: [a, b] })).rejects.toMatchObject({
      code: 'CONG_ERR_PLUGIN_DUPLICATE_ID',
      message: expect.stringMatching(/twin.*@a\/twin.*@b\/twin/),
    });
  });

  it('refuses a plugin built for another plugin API', async () => {
    await expect(createTestPlatform({ plugins: [inlinePlugin({ id: 'future', pluginApi: '^2.0.0' })] })).rejects.toMatchObject({
      code: 'CONG_ERR_PLUGIN_API_MISMATCH',
      message: expect.stringMatching(/future needs plugin API \^2\.0\.0, but this core implements 1\./),
    });
  });

  it('refuses a missing required plugin', async () => {
    await expect(createTestPlatform({ plugins: [inlinePlugin({ id: 'gazette', requires: { portal: '^1.0.0' } })] })).rejects.toMatchObject({
      code: 'CONG_ERR_PLUGIN_DEPENDENCY_MISSING',
      message: 'Plugin gazette requires plugin portal, which is not installed',
    });
  });

  it('refuses a dependency outside the required range, and an optional one when present in a wrong version', async () => {
    const portal = inlinePlugin({ id: 'portal' }, {}, '1.1.0');
    await expect(
      createTestPlatform({ plugins: [portal, inlinePlugin({ id: 'gazette', requires: { portal: '^1.2.0' } })] }),
    ).rejects.toMatchObject({ code: 'CONG_ERR_PLUGIN_DEPENDENCY_VERSION', message: 'Plugin gazette needs portal ^1.2.0, but portal is 1.1.0' });
    await expect(
      createTestPlatform({ plugins: [portal, inlinePlugin({ id: 'qa', optional: { portal: '>=2' } })] }),
    ).rejects.toMatchObject({ code: 'CONG_ERR_PLUGIN_DEPENDENCY_VERSION' });
  });

  it('refuses a dependency cycle and shows the whole path', async () => {
    const plugins = [
      inlinePlugin({ id: 'aa', requires: { bb: '*' } }),
      inlinePlugin({ id: 'bb', requires: { cc: '*' } }),
      inlinePlugin({ id: 'cc', optional: { aa: '*' } }),
    ];
    await expect(createTestPlatform({ plugins })).rejects.toMatchObject({
      code: 'CONG_ERR_PLUGIN_CYCLE',
      message: 'Plugins depend on each other in a cycle: aa → bb → cc → aa',
    });
  });

  it('boots dependencies first, and an absent optional dependency is fine', async () => {
    const order: string[] = [];
    const track = (id: string) => ({ start: () => void order.push(id) });
    const t = await createTestPlatform({
      plugins: [
        inlinePlugin({ id: 'gazette', requires: { portal: '^1.0.0' }, optional: { mail: '*' } }, track('gazette')),
        inlinePlugin({ id: 'portal' }, track('portal')),
      ],
    });
    try {
      expect(order).toEqual(['portal', 'gazette']);
      expect(t.report.plugins.filter((p) => p.id !== 'core').map((p) => [p.id, p.state])).toEqual([
        ['portal', 'started'],
        ['gazette', 'started'],
      ]);
    } finally {
      await t.stop();
    }
  });
});
