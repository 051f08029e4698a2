import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLUGIN_API_VERSION } from '@cong/sdk';
import type { Finding } from '../src/plugin-verify/finding.js';
import { failsVerification, verifyPlugin } from '../src/plugin-verify/verify-plugin.js';
import { runCli } from './cli-process.js';

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const fixtures = fileURLToPath(new URL('./fixtures/plugin-verify', import.meta.url));

/** `rule severity file:line message.en`, one line per finding: what a reader of the output sees. */
const lines = (findings: readonly Finding[]) => findings.map((f) => `${f.rule} ${f.severity} ${f.file}${f.line !== undefined ? `:${f.line}` : ''} ${f.message.en}`);

let root: string;
/**
 * A fixture as a built package: copied to a temporary folder (the repository ignores `dist/`, so the
 * fixture keeps its build in `built/`), with `@cong/sdk` linked beside it as an install would.
 */
function installFixture(name: string, edit?: (pkg: Record<string, any>) => void): string {
  const dir = join(root, 'packages', `${name}-${Math.random().toString(36).slice(2, 8)}`);
  cpSync(join(fixtures, name), dir, { recursive: true });
  renameSync(join(dir, 'built'), join(dir, 'dist'));
  if (edit) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, any>;
    edit(pkg);
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  }
  return dir;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'cong-verify-'));
  mkdirSync(join(root, 'node_modules', '@cong'), { recursive: true });
  symlinkSync(repo('sdk'), join(root, 'node_modules', '@cong', 'sdk'), 'dir');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('verifyPlugin on fixtures', () => {
  it('finds nothing in a good plugin', async () => {
    expect(lines(await verifyPlugin(installFixture('good')))).toEqual([]);
  });

  it('manifest: a nav entry needing an undeclared permission, a name without English', async () => {
    expect(lines(await verifyPlugin(installFixture('manifest')))).toEqual([
      'manifest error package.json:41 cong.admin.nav.0.permission needs permission "manifest.edit", which cong.permissions does not declare',
      'manifest warning package.json:18 cong.name has no English name (en)',
    ]);
  });

  it('manifest: the core validator\'s issues, each on its line, and no route check on a manifest the core refuses', async () => {
    const dir = installFixture('manifest', (pkg) => {
      pkg.cong.permissions[0].id = 'other.read';
      pkg.cong.surprise = true;
    });
    const findings = await verifyPlugin(dir);
    expect(lines(findings)).toEqual(['manifest error package.json:45 cong.surprise is not a known manifest field']);
    expect(findings[0]!.message.vi).toContain('cong');
    expect(findings[0]!.fix.en).toContain('manifest.schema.json');

    const prefixed = await verifyPlugin(installFixture('manifest', (pkg) => (pkg.cong.permissions[0].id = 'other.read')));
    expect(lines(prefixed)).toEqual(['manifest error package.json:23 cong.permissions.0.id must start with "manifest."']);
  });

  it('manifest: a package without a cong block, a folder without package.json', async () => {
    expect(lines(await verifyPlugin(installFixture('good', (pkg) => delete pkg.cong)))).toContain(
      'manifest error package.json:1 package.json has no "cong" block: this is not a plugin',
    );
    const empty = mkdtempSync(join(root, 'empty-'));
    expect((await verifyPlugin(empty)).map((f) => `${f.rule} ${f.severity}`)).toEqual(['manifest error']);
  });

  it('plugin-api-range: an open-ended range warns; a range without the current API, or no range, is an error', async () => {
    expect(lines(await verifyPlugin(installFixture('plugin-api-range')))).toEqual([
      'plugin-api-range warning package.json:17 cong.pluginApi ">=1" has no upper bound: it promises to work with sdk majors that do not exist yet',
    ]);
    expect(lines(await verifyPlugin(installFixture('plugin-api-range', (pkg) => (pkg.cong.pluginApi = '*'))))).toEqual([
      'plugin-api-range warning package.json:17 cong.pluginApi "*" has no upper bound: it promises to work with sdk majors that do not exist yet',
    ]);
    const next = `^${Number(PLUGIN_API_VERSION.split('.')[0]) + 1}.0.0`;
    expect(lines(await verifyPlugin(installFixture('plugin-api-range', (pkg) => (pkg.cong.pluginApi = next))))).toEqual([
      `plugin-api-range error package.json:17 cong.pluginApi "${next}" does not include the current plugin API ${PLUGIN_API_VERSION}: the core refuses the plugin (CONG_ERR_PLUGIN_API_MISMATCH)`,
    ]);
    expect(lines(await verifyPlugin(installFixture('plugin-api-range', (pkg) => (pkg.cong.pluginApi = 'one'))))).toEqual([
      'plugin-api-range error package.json:17 cong.pluginApi "one" is not a semver range',
    ]);
  });

  it('route-schemas: each broken route is its own finding, on the line that declares it; the core\'s refusals do not stop the check', async () => {
    expect(lines(await verifyPlugin(installFixture('route-schemas')))).toEqual([
      'route-schemas error dist/index.js:9 POST /api/route-schemas/open-body: the body schema leaves the object at # open — the core refuses the route at boot',
      'route-schemas error dist/index.js:14 GET /api/route-schemas/no-response: no response schema for a 2xx status',
      'route-schemas error dist/index.js:16 GET /api/route-schemas/no-english: the summary has no en',
      'route-schemas error dist/index.js:17 GET /api/route-schemas/foreign-tag: tag "misc" does not start with the plugin id "route-schemas"',
      'route-schemas error dist/index.js:18 The core refuses the route: Plugin route-schemas made an invalid registration: GET /api/route-schemas/undeclared-permission: permission "route-schemas.admin" is not declared in the manifest\'s permissions',
      'route-schemas warning dist/index.js:15 GET /api/route-schemas/one-language: the summary is one string, not Vietnamese and English',
      'route-schemas warning dist/index.js:24 GET /api/route-schemas/open-response: the response 200 schema leaves the object at #/properties/extra open',
    ]);
  });

  it('route-schemas: a plugin whose entry is not built cannot be read, and says so', async () => {
    const dir = installFixture('good');
    rmSync(join(dir, 'dist', 'index.js'));
    const findings = await verifyPlugin(dir);
    expect(findings.find((f) => f.rule === 'route-schemas')).toMatchObject({ severity: 'error', file: 'package.json', line: 6, fix: { en: expect.stringContaining('Build the plugin first') } });
    expect(lines(findings)).toContain('exports error package.json:7 exports points at ./dist/index.js, which does not exist');
  });

  it('migrations-down: a migration without down', async () => {
    expect(lines(await verifyPlugin(installFixture('migrations-down')))).toEqual([
      'migrations-down error dist/index.js:24 Migration 2026_01_02_0001_add_item_title has no down function: cong rollback cannot undo it',
    ]);
  });

  it('no-core-internals: the core in any form, another plugin beside its api entry, a path out of the package', async () => {
    expect(lines(await verifyPlugin(installFixture('no-core-internals')))).toEqual([
      'no-core-internals error dist/helpers.js:2 Import "@cong/core": plugins may not use the core\'s internals',
      'no-core-internals error dist/helpers.js:3 Import "@cong/core/dist/plugins/load-plugins.js": plugins may not use the core\'s internals',
      'no-core-internals error dist/helpers.js:4 Import "@cong/plugin-portal/dist/index.js": another plugin may be used through "@cong/plugin-portal/api" only',
      'no-core-internals error dist/helpers.js:7 Import "../../shared/helpers.js" reaches outside the plugin package',
    ]);
  });

  it('exports: conditions, targets, types, files, package.json, type module', async () => {
    expect(lines(await verifyPlugin(installFixture('exports')))).toEqual([
      'exports error package.json:5 "files" does not include "dist": the published package would lack the built code',
      'exports error package.json:8 exports "." has no "types" condition',
      'exports error package.json:8 exports does not publish "./package.json"',
      'exports error package.json:13 The "types" condition points at ./dist/api.js, not a .d.ts file',
      'exports error package.json:14 exports points at ./dist/api/index.js, which does not exist',
      'exports error package.json:34 ./dist/admin.js is not covered by "files": the published package would lack it',
    ]);
    expect(lines(await verifyPlugin(installFixture('good', (pkg) => delete pkg.type)))).toContain('exports error package.json:1 "type" is undefined, not "module"');
  });

  it('changeset: warns without a CHANGELOG.md or a pending changeset; a changeset naming the package, or a private package, passes', async () => {
    const dir = installFixture('changeset');
    expect(lines(await verifyPlugin(dir))).toEqual(['changeset warning package.json:2 @acme/cong-plugin-changeset has no CHANGELOG.md and no pending changeset names it']);

    const project = mkdtempSync(join(root, 'project-'));
    mkdirSync(join(project, '.changeset'));
    writeFileSync(join(project, '.changeset', 'first-release.md'), '---\n"@acme/cong-plugin-changeset": minor\n---\n\nBản đầu.\n');
    const inProject = join(project, 'changeset');
    cpSync(dir, inProject, { recursive: true });
    expect(lines(await verifyPlugin(inProject))).toEqual([]);

    expect(lines(await verifyPlugin(installFixture('changeset', (pkg) => (pkg.private = true))))).toEqual([]);
  });

  it('fails on errors, and on warnings only when strict', async () => {
    const warnings = await verifyPlugin(installFixture('changeset'));
    expect(failsVerification(warnings)).toBe(false);
    expect(failsVerification(warnings, true)).toBe(true);
    expect(failsVerification(await verifyPlugin(installFixture('migrations-down')))).toBe(true);
    expect(failsVerification([], true)).toBe(false);
  });
});

/**
 * Errors the first-party plugins have today (none: keep it so). A finding that cannot be fixed at once
 * is listed here, reported to the plugin's owner rather than hidden by the rules; a fixed finding fails
 * this test until it is removed. (Admin and widget bundles are built by vite, which `tsup` alone does not run:
 * their absence is a build state of the checkout, not a finding about the plugin.)
 */
const KNOWN_ERRORS: Readonly<Record<string, readonly string[]>> = {};

const UNBUILT_BUNDLE = /^exports error package\.json:\d+ cong\.(admin|widgets)\.module points at \S+, which does not exist$/;

describe('first-party plugins', () => {
  for (const path of ['plugins/portal', 'plugins/sites', 'plugins/qa', 'plugins/gazette', 'examples/hello-plugin']) {
    it(`${path} has no error beyond the known ones`, async () => {
      const errors = lines((await verifyPlugin(repo(path))).filter((f) => f.severity === 'error'))
        .filter((line) => !UNBUILT_BUNDLE.test(line))
        // Lines move as the plugins change; the finding and its file are what is known.
        .map((line) => line.replace(/^(\S+ \S+ [^ :]+):\d+ /, '$1 '));
      expect(errors).toEqual((KNOWN_ERRORS[path] ?? []).map((line) => line.replace(/^(\S+ \S+ [^ :]+):\d+ /, '$1 ')));
    });
  }
});

describe('cong plugins verify', () => {
  it('prints JSON findings and exits 1 on an error, 0 on a good plugin; --strict fails on warnings', async () => {
    const bad = await runCli(root, ['plugins', 'verify', installFixture('migrations-down'), '--json']);
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.stdout) as { ok: boolean; errors: number; warnings: number; findings: Finding[] };
    expect(report).toMatchObject({ ok: false, errors: 1, warnings: 0 });
    expect(report.findings).toEqual([
      expect.objectContaining({ rule: 'migrations-down', severity: 'error', file: 'dist/index.js', line: 24, message: expect.objectContaining({ vi: expect.stringContaining('không có hàm down') }) }),
    ]);

    const good = installFixture('good');
    const passed = await runCli(good, ['plugins', 'verify', '--json']);
    expect(passed.code).toBe(0);
    expect(JSON.parse(passed.stdout)).toEqual({ ok: true, errors: 0, warnings: 0, findings: [] });

    const warned = installFixture('changeset');
    expect((await runCli(root, ['plugins', 'verify', warned])).code).toBe(0);
    expect((await runCli(root, ['plugin', 'verify', warned, '--strict'])).code).toBe(1);
  });

  it('prints each finding in Vietnamese then English, with its file, line, rule and fix', async () => {
    const { code, stdout } = await runCli(root, ['plugins', 'verify', installFixture('migrations-down')]);
    expect(code).toBe(1);
    expect(stdout).toContain('dist/index.js:24  lỗi/error  [migrations-down]\n');
    expect(stdout.indexOf('Migration 2026_01_02_0001_add_item_title không có hàm down')).toBeLessThan(stdout.indexOf('Migration 2026_01_02_0001_add_item_title has no down'));
    expect(stdout).toContain('→ Cách sửa: Thêm down(db)');
    expect(stdout).toContain('→ Fix: Add down(db)');
    expect(stdout).toMatch(/1 lỗi, 0 cảnh báo \/ 1 error\(s\), 0 warning\(s\)\.\n$/);
  });
});
