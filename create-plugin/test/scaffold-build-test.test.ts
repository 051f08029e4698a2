import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { createPlugin } from '@cong/create-plugin';
import { removeTempDirs, REPO, tempDir } from './test-support.js';

afterAll(removeTempDirs);

const checkout = fileURLToPath(REPO);
const cong = join(checkout, 'core', 'dist', 'cli', 'main.js');

/**
 * Runs a command in the new plugin's folder and fails with its output when it fails. The child gets
 * the environment without this run's vitest variables (the plugin's own vitest must not think it is
 * a worker of this one); CONG_TEST_MYSQL_URL passes through, so the plugin's test also runs on MySQL.
 */
function run(cwd: string, command: string, args: string[]): string {
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && !['NODE_OPTIONS', 'TEST', 'FORCE_COLOR'].includes(key))),
    NO_COLOR: '1',
  };
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 170_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status ?? result.signal}:\n${output}`);
  return output;
}

// The whole path of a vendor outside the monorepo: scaffold, install (linking this checkout's built
// sdk and core; pnpm's store is warm), build, run the new plugin's own tests, verify it like before
// publishing. Everything must pass on the first try, with nothing edited by hand.
it('scaffolds a plugin that installs, builds, passes its tests and cong plugins verify', { timeout: 180_000 }, async () => {
  const cwd = tempDir('cong-scaffold-e2e-');
  const created = await createPlugin({ id: 'thong-bao', nameVi: 'Thông báo', nameEn: 'Notices', link: checkout, cwd });
  const pnpm = ['-y', 'pnpm@12.4.2'];

  run(created.dir, 'npx', [...pnpm, 'install', '--prefer-offline']);
  run(created.dir, 'npx', [...pnpm, 'build']);
  expect(JSON.parse(readFileSync(join(created.dir, 'dist', 'admin', 'elements.json'), 'utf8'))).toMatchObject({ elements: expect.arrayContaining(['thong-bao-item-list', 'thong-bao-item-count']) });

  const tests = run(created.dir, 'npx', [...pnpm, 'test']);
  // 7 integration tests a dialect (SQLite, and MySQL when configured), and the admin page's 2
  // component tests when the system's Chromium is there.
  const expected = (process.env.CONG_TEST_MYSQL_URL ? 14 : 7) + (existsSync(process.env.CONG_CHROMIUM ?? '/usr/bin/chromium') ? 2 : 0);
  expect(tests).toMatch(new RegExp(`Tests\\s+${expected} passed \\(${expected}\\)`));

  const verify = JSON.parse(run(created.dir, process.execPath, [cong, 'plugins', 'verify', '.', '--json']));
  expect(verify).toMatchObject({ ok: true, errors: 0 });
  expect(verify.findings).toEqual([]);
});
