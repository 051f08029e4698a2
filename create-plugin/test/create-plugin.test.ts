import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { validateManifest } from '@cong/sdk';
import {
  createPlugin,
  PLUGIN_ID_PATTERN,
  SCAFFOLD_ERR_ID_INVALID,
  SCAFFOLD_ERR_ID_REQUIRED,
  SCAFFOLD_ERR_ID_RESERVED,
  SCAFFOLD_ERR_ID_TAKEN,
  SCAFFOLD_ERR_OPTION_INVALID,
  SCAFFOLD_ERR_TARGET_EXISTS,
  SDK_VERSION,
  TOOL_VERSIONS,
} from '@cong/create-plugin';
import { fakeCheckout, removeTempDirs, REPO, tempDir, writeTree } from './test-support.js';

afterAll(removeTempDirs);

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const now = new Date('2026-11-29T06:30:00Z');
const repoJson = (path: string) => readJson(fileURLToPath(new URL(path, REPO)));

/** Runs a CLI with stdin that is not a terminal and no CI variable: the scaffolder must not wait for answers. */
function run(args: string[], cwd: string) {
  const env = { ...process.env };
  delete env.CI;
  const result = spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8', input: '', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('plugin ids', () => {
  it('follows the manifest schema the sdk ships', () => {
    const schema = repoJson('sdk/schemas/manifest.schema.json');
    expect(PLUGIN_ID_PATTERN.source).toBe(schema.properties.id.pattern);
  });

  it.each([
    ['Notices', 'must start with a lowercase letter'],
    ['1notices', 'must start with a lowercase letter'],
    ['thông-báo', 'only lowercase letters'],
    ['my_notes', 'only lowercase letters'],
    ['n', 'at least 2 characters'],
    ['a'.repeat(32), 'longer than 31'],
    ['notes-', 'may not end with "-"'],
    ['my--notes', 'may not end with "-" or contain "--"'],
  ])('refuses %j with a reason in Vietnamese and English', async (id, reason) => {
    const error = await createPlugin({ id, cwd: tempDir() }).catch((e: unknown) => e);
    expect(SCAFFOLD_ERR_ID_INVALID.is(error)).toBe(true);
    expect((error as Error).message).toContain(`"${id}" không hợp lệ`);
    expect((error as Error).message).toContain(reason);
  });

  it('refuses reserved ids and a missing id', async () => {
    for (const id of ['core', 'api', 'plugins', 'portal']) {
      await expect(createPlugin({ id, cwd: tempDir() })).rejects.toSatisfy((e: unknown) => SCAFFOLD_ERR_ID_RESERVED.is(e));
    }
    await expect(createPlugin({ cwd: tempDir() })).rejects.toSatisfy((e: unknown) => SCAFFOLD_ERR_ID_REQUIRED.is(e));
  });

  it('refuses an id another plugin of the checkout, the project or cong.config.json already has', async () => {
    const checkout = fakeCheckout();
    const taken = await createPlugin({ id: 'notes', cwd: checkout }).catch((e: unknown) => e);
    expect(SCAFFOLD_ERR_ID_TAKEN.is(taken)).toBe(true);
    expect((taken as Error).message).toContain('@cong/plugin-notes (plugins/notes)');
    expect(existsSync(join(checkout, '.changeset', 'plugin-notes.md'))).toBe(false);

    const project = tempDir();
    writeTree(project, {
      'package.json': { name: 'province', dependencies: { 'acme-cong-news': '1.0.0' } },
      'node_modules/acme-cong-news/package.json': { name: 'acme-cong-news', cong: { id: 'news', pluginApi: '^1.0.0' } },
      'cong.config.json': { plugins: ['./local/events'] },
      'local/events/package.json': { name: 'acme-events', cong: { id: 'events', pluginApi: '^1.0.0' } },
    });
    await expect(createPlugin({ id: 'news', cwd: project })).rejects.toThrow(/"news" đã được dùng bởi acme-cong-news/);
    await expect(createPlugin({ id: 'events', cwd: project })).rejects.toThrow(/already used by acme-events/);
  });

  it('never writes into a folder that has files', async () => {
    const cwd = tempDir();
    writeTree(cwd, { 'notices/keep.txt': 'mine' });
    await expect(createPlugin({ id: 'notices', cwd })).rejects.toSatisfy((e: unknown) => SCAFFOLD_ERR_TARGET_EXISTS.is(e));
    expect(readFileSync(join(cwd, 'notices', 'keep.txt'), 'utf8')).toBe('mine');
    mkdirSync(join(cwd, 'empty'));
    await expect(createPlugin({ id: 'notices', dir: 'empty', cwd, now })).resolves.toMatchObject({ mode: 'standalone' });
  });

  it('refuses names on several lines and a bad package name', async () => {
    await expect(createPlugin({ id: 'notices', nameVi: 'Thông\nbáo', cwd: tempDir() })).rejects.toSatisfy((e: unknown) => SCAFFOLD_ERR_OPTION_INVALID.is(e));
    await expect(createPlugin({ id: 'notices', packageName: 'Bad Name', cwd: tempDir() })).rejects.toThrow(/--package-name/);
  });
});

describe('a standalone plugin', () => {
  it('has the whole layout, a manifest the core accepts, and published versions', async () => {
    const cwd = tempDir();
    const created = await createPlugin({ id: 'thong-bao', nameVi: 'Thông báo "mới"', nameEn: 'Notices', cwd, now });
    expect(created).toMatchObject({ id: 'thong-bao', packageName: 'cong-plugin-thong-bao', mode: 'standalone', dir: join(cwd, 'thong-bao'), addedTo: undefined });
    expect(created.files).toEqual(
      expect.arrayContaining([
        '.changeset/config.json',
        '.changeset/initial-release.md',
        '.gitignore',
        'README.md',
        'package.json',
        'pnpm-workspace.yaml',
        'src/index.ts',
        'src/errors.ts',
        'src/migrations/2026_11_29_0630_create_thong_bao_items.ts',
        'src/server/item-routes.ts',
        'src/server/public-item-routes.ts',
        'src/admin/item-list/item-list.element.ts',
        'src/admin/item-count/item-count.ts',
        'src/admin/item-list/item-list.browser.test.ts',
        'src/widgets/latest-items/latest-items.ts',
        'test/thong-bao.integration.test.ts',
        'tsconfig.json',
        'tsup.config.ts',
        'vite.admin.config.ts',
        'vite.widgets.config.ts',
        'vitest.config.ts',
      ]),
    );
    for (const file of created.files) expect(readFileSync(join(created.dir, file), 'utf8'), file).not.toMatch(/\{\{|__\w+__/);

    const pkg = readJson(join(created.dir, 'package.json'));
    expect(validateManifest(pkg.cong)).toMatchObject({ valid: true });
    expect(pkg.cong).toMatchObject({
      id: 'thong-bao',
      pluginApi: `^${SDK_VERSION}`,
      name: { vi: 'Thông báo "mới"', en: 'Notices' },
      permissions: [{ id: 'thong-bao.manage' }],
      admin: { module: './dist/admin/index.js', nav: [{ route: '/thong-bao', element: 'thong-bao-item-list', permission: 'thong-bao.manage' }], slots: [{ zone: 'dashboard.widgets@1', element: 'thong-bao-item-count' }] },
      widgets: { module: './dist/widgets/thong-bao.js', elements: ['cong-thong-bao-latest'] },
    });
    expect(pkg.peerDependencies).toEqual({ '@cong/sdk': `^${SDK_VERSION}`, kysely: TOOL_VERSIONS.kysely, lit: `^${TOOL_VERSIONS.lit}` });
    expect(pkg.devDependencies).toMatchObject({ '@cong/sdk': `^${SDK_VERSION}`, tsup: TOOL_VERSIONS.tsup, vitest: TOOL_VERSIONS.vitest });
    // The name is a TypeScript string literal, escaped; the error code prefix has no hyphen.
    expect(readFileSync(join(created.dir, 'src/admin/messages.ts'), 'utf8')).toContain('title: "Thông báo \\"mới\\"",');
    expect(readFileSync(join(created.dir, 'src/errors.ts'), 'utf8')).toContain("createErrorCode('THONGBAO_ERR_ITEM_NOT_FOUND'");
    expect(created.nextSteps).toEqual(expect.arrayContaining(['cd thong-bao', 'npx -y pnpm@12.4.2 install', 'npx -y pnpm@12.4.2 build']));
  });

  it('leaves out the admin and widget code when asked, and links a local checkout', async () => {
    const checkout = fakeCheckout();
    const created = await createPlugin({ id: 'bare', admin: false, widgets: false, link: checkout, cwd: tempDir(), now });
    expect(created.files.filter((f) => /admin|widgets|vite\./.test(f))).toEqual([]);
    const pkg = readJson(join(created.dir, 'package.json'));
    expect(pkg.cong.admin).toBeUndefined();
    expect(pkg.cong.widgets).toBeUndefined();
    expect(pkg.scripts.build).toBe('tsup');
    expect(pkg.devDependencies).toMatchObject({ '@cong/sdk': `link:${checkout}/sdk`, '@cong/core': `link:${checkout}/core` });
    expect(pkg.devDependencies.lit).toBeUndefined();
    expect(readFileSync(join(created.dir, 'src/index.ts'), 'utf8')).not.toContain('publicItemRoutes');
    expect(readFileSync(join(created.dir, 'test/bare.integration.test.ts'), 'utf8')).not.toMatch(/admin\/manifest|widgets\//);
  });
});

describe('a plugin inside a Cổng checkout', () => {
  it('goes to plugins/<id>, links the workspace, joins the demo and writes a changeset at the root', async () => {
    const checkout = fakeCheckout();
    const created = await createPlugin({ id: 'notices', nameVi: 'Thông báo', nameEn: 'Notices', cwd: join(checkout, 'plugins'), now });
    expect(created).toMatchObject({ mode: 'workspace', dir: join(checkout, 'plugins', 'notices'), packageName: '@cong/plugin-notices', addedTo: join(checkout, 'package.json') });
    const pkg = readJson(join(created.dir, 'package.json'));
    expect(pkg.peerDependencies['@cong/sdk']).toBe('workspace:^');
    expect(pkg.devDependencies).toEqual({ '@cong/core': 'workspace:*', '@cong/sdk': 'workspace:*', kysely: TOOL_VERSIONS.kysely, lit: TOOL_VERSIONS.lit, vite: TOOL_VERSIONS.vite });
    expect(created.files).not.toContain('pnpm-workspace.yaml');
    // The root package.json keeps its order; the new plugin sorts into it.
    expect(Object.keys(readJson(join(checkout, 'package.json')).devDependencies)).toEqual(['@cong/core', '@cong/plugin-notices', '@cong/plugin-zeta', '@cong/sdk']);
    expect(readFileSync(join(checkout, '.changeset', 'plugin-notices.md'), 'utf8')).toContain("'@cong/plugin-notices': minor");
    expect(created.nextSteps.join('\n')).toContain('node core/dist/cli/main.js plugins enable notices --tenant so-tai-chinh');

    const second = await createPlugin({ id: 'events', addToWorkspace: false, cwd: checkout, now });
    expect(second.addedTo).toBeUndefined();
    expect(readJson(join(checkout, 'package.json')).devDependencies['@cong/plugin-events']).toBeUndefined();
    await expect(createPlugin({ id: 'other', link: checkout, cwd: checkout })).rejects.toThrow(/--link/);
  });
});

describe('the command line, without a terminal', () => {
  const cli = fileURLToPath(new URL('create-plugin/dist/cli.js', REPO));
  const cong = fileURLToPath(new URL('core/dist/cli/main.js', REPO));

  it('create-cong-plugin takes flags, asks nothing, and prints the next steps', () => {
    const cwd = tempDir();
    const result = run([cli, 'notices', '--name-vi', 'Thông báo', '--no-widgets'], cwd);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Created cong-plugin-notices (plugin "notices") in notices');
    expect(result.stdout).toContain('Next steps:');
    expect(readJson(join(cwd, 'notices', 'package.json')).cong.name).toEqual({ vi: 'Thông báo', en: 'Notices' });
    expect(existsSync(join(cwd, 'notices', 'src', 'widgets'))).toBe(false);
  });

  it('cong create-plugin refuses like the other commands: one line with the code, exit 1', () => {
    const cwd = tempDir();
    const missing = run([cong, 'create-plugin'], cwd);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^cong: SCAFFOLD_ERR_ID_REQUIRED: Thiếu mã plugin.* \/ The plugin id is missing/);
    const invalid = run([cong, 'create-plugin', 'Thông-báo'], cwd);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toMatch(/^cong: SCAFFOLD_ERR_ID_INVALID: Mã plugin "Thông-báo" không hợp lệ: .* \/ Plugin id "Thông-báo" is invalid: /);
    writeFileSync(join(cwd, 'keep'), '');
    const made = run([cong, 'create-plugin', 'lich-tiep-dan', '--yes', '--name-vi', 'Lịch tiếp dân', '--name-en', 'Citizen reception'], cwd);
    expect(made.status).toBe(0);
    expect(readJson(join(cwd, 'lich-tiep-dan', 'package.json')).cong.admin.nav[0].label).toEqual({ vi: 'Lịch tiếp dân', en: 'Citizen reception' });
  });
});

describe('pins', () => {
  it('match the monorepo\'s, so a standalone plugin builds with what the platform was tested with', () => {
    const root = repoJson('package.json').devDependencies;
    const sdk = repoJson('sdk/package.json');
    expect(SDK_VERSION).toBe(sdk.version);
    for (const tool of ['tsup', 'typescript', 'vitest', 'vite', '@types/node', 'lit', '@vitest/browser-playwright', 'playwright'] as const) expect(TOOL_VERSIONS[tool], tool).toBe(root[tool]);
    expect(TOOL_VERSIONS.kysely).toBe(sdk.peerDependencies.kysely);
  });
});
