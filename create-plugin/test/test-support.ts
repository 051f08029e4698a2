import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const made: string[] = [];

/** A fresh empty folder outside the repository, removed by {@link removeTempDirs}. */
export function tempDir(prefix = 'cong-create-plugin-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder {@link tempDir} made in this test file. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes files (path → text, or an object written as JSON) under `root`. */
export function writeTree(root: string, files: Record<string, string | object>): void {
  for (const [path, content] of Object.entries(files)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  }
}

/** The smallest folder the scaffolder takes for a Cổng checkout, with one plugin `notes` in it. */
export function fakeCheckout(): string {
  const root = tempDir('cong-checkout-');
  writeTree(root, {
    'pnpm-workspace.yaml': "packages:\n  - core\n  - sdk\n  - 'plugins/*'\n",
    'package.json': { name: 'cong-monorepo', private: true, devDependencies: { '@cong/core': 'workspace:*', '@cong/plugin-zeta': 'workspace:*', '@cong/sdk': 'workspace:*' } },
    'sdk/package.json': { name: '@cong/sdk', version: '1.0.0' },
    'plugins/notes/package.json': { name: '@cong/plugin-notes', version: '0.1.0', cong: { id: 'notes', pluginApi: '^1.0.0' } },
    '.changeset/config.json': { ignore: [] },
  });
  return root;
}

/** The repository this test runs in. */
export const REPO = new URL('../../', import.meta.url);
