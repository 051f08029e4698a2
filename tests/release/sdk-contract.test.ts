import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileAgainst, contractPlan } from '../../tools/release/sdk-contract.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the sdk contract plan', () => {
  it('checks a plugin against the lowest released sdk in its range, unless that is the current one', () => {
    const versions = ['0.9.0', '1.0.0', '1.1.0', '1.2.0', '2.0.0'];
    expect(contractPlan([{ name: 'a', pluginApi: '^1.0.0' }, { name: 'b', pluginApi: '^1.2.0' }, { name: 'c', pluginApi: '^3.0.0' }], versions, '1.2.0')).toEqual([
      { name: 'a', pluginApi: '^1.0.0', lowest: '1.0.0', highest: '1.2.0', compile: '1.0.0' },
      { name: 'b', pluginApi: '^1.2.0', lowest: '1.2.0', highest: '1.2.0', compile: null },
      { name: 'c', pluginApi: '^3.0.0', lowest: null, highest: null, compile: null },
    ]);
  });
});

// The runner for real: a clone of this repository where an older commit is tagged as an sdk release.
// The portal started using `publicSiteBase` after that commit, so compiling it against the tagged sdk
// must fail, naming the missing export; the sites plugin uses nothing newer and compiles.
describe('compiling a plugin against an older sdk release', () => {
  let clone: string;
  let olderSdk: string;

  beforeAll(() => {
    const introduced = execFileSync('git', ['log', '--format=%H', '-1', '--', 'sdk/src/http/public-site-base.ts'], { cwd: root, encoding: 'utf8' }).trim();
    const first = execFileSync('git', ['log', '--format=%H', '--reverse', '--', 'sdk/src/http/public-site-base.ts'], { cwd: root, encoding: 'utf8' }).split('\n')[0]!.trim();
    expect(introduced).not.toBe('');
    olderSdk = `${first}^`;
    clone = mkdtempSync(join(tmpdir(), 'cong-sdk-contract-test-'));
    execFileSync('git', ['clone', '--quiet', '--local', '--no-checkout', root, join(clone, 'repo')]);
    const repo = join(clone, 'repo');
    execFileSync('git', ['checkout', '--quiet', execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()], { cwd: repo });
    execFileSync('git', ['tag', '@cong/sdk@1.0.0-rc.1', olderSdk], { cwd: repo });
    // Dependencies come from this checkout's install.
    for (const dir of ['.', 'sdk', 'plugins/portal', 'plugins/sites']) {
      if (existsSync(join(root, dir, 'node_modules'))) symlinkSync(join(root, dir, 'node_modules'), join(repo, dir, 'node_modules'));
    }
    clone = repo;
  }, 120_000);

  afterAll(() => {
    if (clone) rmSync(join(clone, '..'), { recursive: true, force: true });
  });

  it('fails a plugin that uses an sdk export newer than the lowest version of its range', () => {
    let output = '';
    try {
      compileAgainst(clone, 'plugins/portal', '1.0.0-rc.1');
    } catch (error) {
      output = `${(error as { stdout?: string }).stdout ?? ''}`;
    }
    expect(output).toMatch(/publicSiteBase/);
  }, 180_000);

  it('passes a plugin that uses only what that version had', () => {
    expect(() => compileAgainst(clone, 'plugins/sites', '1.0.0-rc.1')).not.toThrow();
  }, 180_000);
});
