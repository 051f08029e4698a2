import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import * as sdk from '@cong/sdk';
import * as core from '../../core/src/errors.js';

// Every CONG_ERR_* code exists in docs/reference/errors.md and every documented code exists in a
// registry (sdk or core), in both directions (Fastify's errors.test.js, STYLE.md §3.5.6).
const doc = readFileSync(new URL('../../docs/reference/errors.md', import.meta.url), 'utf8');

function codesIn(module: Record<string, unknown>): Map<string, { status: number; template: string }> {
  const out = new Map<string, { status: number; template: string }>();
  for (const [name, value] of Object.entries(module)) {
    if (!name.startsWith('CONG_ERR_')) continue;
    const code = value as { code: string; status: number; template: string };
    expect(code.code, `export ${name}`).toBe(name);
    out.set(code.code, code);
  }
  return out;
}

it('documents every error code, with its status, and nothing that no longer exists', () => {
  const registries = new Map([...codesIn(sdk as Record<string, unknown>), ...codesIn(core as Record<string, unknown>)]);
  const documented = new Map([...doc.matchAll(/^### `(CONG_ERR_[A-Z0-9_]+)`\s*\n+\*\*HTTP (\d{3})\*\*/gm)].map((m) => [m[1]!, Number(m[2])]));
  expect([...documented.keys()].sort()).toEqual([...registries.keys()].sort());
  for (const [code, { status }] of registries) expect(documented.get(code), code).toBe(status);
});

it('never reuses a retired code', () => {
  const retired = [...doc.matchAll(/^- `(CONG_ERR_[A-Z0-9_]+)` \(retired/gm)].map((m) => m[1]);
  const live = Object.keys({ ...sdk, ...core }).filter((k) => k.startsWith('CONG_ERR_'));
  for (const code of retired) expect(live).not.toContain(code);
});
