import { describe, expect, it } from 'vitest';
import { createTestPlatform } from '@cong/sdk/testing';
import { fileURLToPath } from 'node:url';

const portal = fileURLToPath(new URL('..', import.meta.url));

describe('portal plugin', () => {
  it('loads, migrates and starts beside the core', async () => {
    const t = await createTestPlatform({ plugins: [portal] });
    try {
      const report = (await (await fetch(new URL('/readyz', t.url))).json()) as { plugins: { id: string }[] };
      expect(report.plugins.find((p: { id: string }) => p.id === 'portal')).toMatchObject({ state: 'started', version: '0.1.0' });
    } finally {
      await t.stop();
    }
  });
});
