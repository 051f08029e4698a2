import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import * as sdk from '@cong/sdk';
import * as core from '../../core/src/errors.js';
import * as gazette from '../../plugins/gazette/src/errors.js';
import * as portal from '../../plugins/portal/src/errors.js';
import * as qa from '../../plugins/qa/src/errors.js';
import * as sites from '../../plugins/sites/src/errors.js';
import * as scaffold from '../../create-plugin/src/errors.js';

// Every error code (CONG_ERR_* of the sdk and core, <PLUGIN>_ERR_* of first-party plugins) exists in
// docs/reference/errors.md and every documented code exists in a registry, in both directions
// (Fastify's errors.test.js, STYLE.md §3.5.6).
const REGISTRIES = [sdk, core, portal, sites, gazette, qa, scaffold] as Record<string, unknown>[];
const CODE = /^[A-Z]+_ERR_[A-Z0-9_]+$/;
const doc = readFileSync(new URL('../../docs/reference/errors.md', import.meta.url), 'utf8');

function codesIn(module: Record<string, unknown>): Map<string, { status: number; template: string }> {
  const out = new Map<string, { status: number; template: string }>();
  for (const [name, value] of Object.entries(module)) {
    if (!CODE.test(name)) continue;
    const code = value as { code: string; status: number; template: string };
    expect(code.code, `export ${name}`).toBe(name);
    out.set(code.code, code);
  }
  return out;
}

it('documents every error code, with its status, and nothing that no longer exists', () => {
  const registries = new Map(REGISTRIES.flatMap((registry) => [...codesIn(registry)]));
  const documented = new Map([...doc.matchAll(/^### `([A-Z]+_ERR_[A-Z0-9_]+)`\s*\n+\*\*HTTP (\d{3})\*\*/gm)].map((m) => [m[1]!, Number(m[2])]));
  expect([...documented.keys()].sort()).toEqual([...registries.keys()].sort());
  for (const [code, { status }] of registries) expect(documented.get(code), code).toBe(status);
});

it('never reuses a retired code', () => {
  const retired = [...doc.matchAll(/^- `([A-Z]+_ERR_[A-Z0-9_]+)` \(retired/gm)].map((m) => m[1]);
  const live = REGISTRIES.flatMap((registry) => Object.keys(registry)).filter((k) => CODE.test(k));
  for (const code of retired) expect(live).not.toContain(code);
});
