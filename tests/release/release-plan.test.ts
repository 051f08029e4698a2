import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compatibilityDocument, pluginCompatibility } from '../../tools/release/compatibility-table.js';
import { planProblems } from '../../tools/release/release.js';
import { releasedPackages } from '../../tools/release/workspace-packages.js';

const root = new URL('../..', import.meta.url).pathname;
const plugin = (id: string, version: string, pluginApi: string, requires?: Record<string, string>) => ({
  name: `@cong/plugin-${id}`,
  version,
  pkg: { cong: { id, pluginApi, ...(requires ? { requires } : {}) } },
});

describe('the compatibility table', () => {
  it('marks a plugin outside the plugin API range and a required plugin outside its range', () => {
    const rows = pluginCompatibility([plugin('portal', '1.0.0', '^1.0.0'), plugin('sites', '0.2.0', '^1.2.0', { portal: '>=0.1.0 <1.0.0' }), plugin('old', '0.1.0', '^0.9.0')], '1.4.0');
    expect(rows.map((r) => [r.id, r.works])).toEqual([
      ['portal', true],
      ['sites', true],
      ['old', false],
    ]);
    expect(rows[1]!.plugins).toEqual([{ id: 'portal', range: '>=0.1.0 <1.0.0', optional: false, found: '1.0.0', works: false }]);
    expect(planProblems({ rows, sdkVersion: '1.4.0', markdown: '' }).map((p) => p.en)).toEqual([
      '@cong/plugin-sites requires plugin "portal" >=0.1.0 <1.0.0, but the release has 1.0.0.',
      '@cong/plugin-old 0.1.0 declares pluginApi "^0.9.0" but the release makes @cong/sdk 1.4.0: the core would refuse it. Widen pluginApi (with a changeset) or do not bump the sdk\'s major version.',
    ]);
  });

  it('an optional plugin may be absent; a required one may not', () => {
    const rows = pluginCompatibility([{ name: '@cong/plugin-a', version: '1.0.0', pkg: { cong: { id: 'a', pluginApi: '^1.0.0', requires: { b: '^1.0.0' }, optional: { c: '^1.0.0' } } } }], '1.0.0');
    expect(rows[0]!.plugins.map((d) => [d.id, d.works])).toEqual([
      ['b', false],
      ['c', true],
    ]);
  });

  it('docs/reference/compatibility.md is the table of the packages as they are (regenerate: node tools/release/compatibility-table.js --write)', () => {
    const { markdown, rows } = compatibilityDocument(root);
    expect(readFileSync(new URL('../../docs/reference/compatibility.md', import.meta.url), 'utf8')).toBe(markdown);
    const plugins = releasedPackages(root).filter((p) => p.pkg.cong?.id);
    expect(rows.map((r) => r.name).sort()).toEqual(plugins.map((p) => p.name).sort());
    expect(rows.filter((r) => !r.works || r.plugins.some((d) => !d.works))).toEqual([]);
  });
});

describe('pnpm release --dry-run', () => {
  it('shows one version line per package with pending changesets, each with its own version, and changes nothing', () => {
    const before = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' });
    const out = execFileSync(process.execPath, ['tools/release/release.js', '--dry-run'], { cwd: root, encoding: 'utf8' });
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' })).toBe(before);
    const plan = [...out.matchAll(/^ {2}(@cong\/\S+)\s+(\d+\.\d+\.\d+\S*)\s+(\d+\.\d+\.\d+\S*)\s+(major|minor|patch)\s+(\d+)$/gm)];
    const released = new Map(releasedPackages(root).map((p) => [p.name, p.version]));
    expect(plan.length).toBeGreaterThan(0);
    for (const [, name, from, to] of plan) {
      expect(released.get(name!), name).toBe(from);
      expect(to).not.toBe(from);
    }
    expect(out).toContain('--dry-run');
  });
});
