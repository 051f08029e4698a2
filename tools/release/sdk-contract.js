#!/usr/bin/env node
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { releasedPackages } from './workspace-packages.js';

/**
 * The contract test across sdk versions: a plugin declares the sdk versions it works with
 * (`cong.pluginApi`); it must compile against the LOWEST released sdk in that range — a plugin that
 * uses an API added later would load on a core built with that older sdk and fail — and run against
 * the HIGHEST, the current sdk, which the normal test suite already does. Released sdk versions are the
 * `@cong/sdk@x.y.z` tags `changeset tag` makes, plus the version in the checkout.
 */

/** @param {string} root @returns {string[]} released sdk versions, ascending */
export function sdkVersions(root, currentVersion) {
  const tags = execFileSync('git', ['tag', '--list', '@cong/sdk@*'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .map((t) => t.trim().slice('@cong/sdk@'.length))
    .filter((v) => semver.valid(v));
  return [...new Set([...tags, currentVersion])].sort(semver.compare);
}

/**
 * For each plugin, the lowest and highest sdk version its range admits; `compile` is the lowest when
 * it differs from the current one (the check to run), else null (the normal suite covers it).
 * @param {{ name: string, pluginApi: string }[]} plugins
 * @param {string[]} versions ascending
 * @param {string} current
 */
export function contractPlan(plugins, versions, current) {
  return plugins.map((p) => {
    const inRange = versions.filter((v) => semver.satisfies(v, p.pluginApi, { includePrerelease: true }));
    const lowest = inRange[0] ?? null;
    const highest = inRange.at(-1) ?? null;
    return { name: p.name, pluginApi: p.pluginApi, lowest, highest, compile: lowest && lowest !== current ? lowest : null };
  });
}

/**
 * Type-checks `pluginDir` against the sdk of tag `@cong/sdk@<version>`: a detached worktree of the tag,
 * its sdk's declarations emitted there with this checkout's TypeScript, and the plugin's own tsconfig
 * with `@cong/sdk` mapped to them. Returns tsc's output; throws when it fails.
 */
export function compileAgainst(root, pluginDir, version) {
  const work = mkdtempSync(join(tmpdir(), 'cong-sdk-contract-'));
  const tree = join(work, 'tree');
  try {
    execFileSync('git', ['worktree', 'add', '--detach', tree, `@cong/sdk@${version}`], { cwd: root, stdio: 'pipe' });
    symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'));
    symlinkSync(join(root, 'sdk', 'node_modules'), join(tree, 'sdk', 'node_modules'));
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    execFileSync(process.execPath, [tsc, '-p', join(tree, 'sdk'), '--outDir', join(tree, 'sdk', 'contract-types'), '--composite', 'false', '--declarationMap', 'false'], { stdio: 'pipe' });
    // Inside the worktree, so the declarations resolve `lit` and `kysely` through its node_modules link.
    const types = join(tree, 'sdk', 'contract-types', 'src');
    const config = join(work, 'tsconfig.json');
    writeFileSync(
      config,
      JSON.stringify({
        extends: join(root, pluginDir, 'tsconfig.json'),
        compilerOptions: {
          noEmit: true,
          composite: false,
          declaration: false,
          emitDeclarationOnly: false,
          declarationMap: false,
          rootDir: join(root, pluginDir, 'src'),
          // The generated config lives in a temp dir: find `@types/node` where the checkout installed it.
          typeRoots: [join(root, 'node_modules', '@types'), join(root, pluginDir, 'node_modules', '@types')],
          paths: { '@cong/sdk': [join(types, 'index.d.ts')], '@cong/sdk/*': [join(types, '*', 'index.d.ts')] },
        },
        include: [join(root, pluginDir, 'src')],
        exclude: [join(root, pluginDir, 'src', '**', '*.test.ts')],
      }),
    );
    return execFileSync(process.execPath, [tsc, '-p', config], { encoding: 'utf8', stdio: 'pipe' });
  } finally {
    try {
      execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: root, stdio: 'pipe' });
    } catch {
      // the worktree was never made
    }
    rmSync(work, { recursive: true, force: true });
  }
}

function main() {
  const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  const packages = releasedPackages(root);
  const sdk = packages.find((p) => p.name === '@cong/sdk');
  if (!sdk) throw new Error('@cong/sdk is missing from the workspace');
  const plugins = packages.filter((p) => p.pkg.cong?.pluginApi).map((p) => ({ name: p.name, dir: p.dir, pluginApi: p.pkg.cong.pluginApi }));
  const versions = sdkVersions(root, sdk.version);
  const plan = contractPlan(plugins, versions, sdk.version);
  process.stdout.write(`sdk: ${versions.join(', ')} (hiện tại / current ${sdk.version})\n`);
  let failed = 0;
  for (const row of plan) {
    if (!row.compile) {
      process.stdout.write(`  ${row.name} ${row.pluginApi}: chỉ có bản hiện tại trong khoảng / only the current sdk is in range — the test suite covers it\n`);
      continue;
    }
    try {
      compileAgainst(root, plugins.find((p) => p.name === row.name).dir, row.compile);
      process.stdout.write(`  ${row.name} ${row.pluginApi}: biên dịch được với / compiles against sdk ${row.compile} ✔ (and runs on ${row.highest} in the suite)\n`);
    } catch (error) {
      failed++;
      process.stderr.write(`  ${row.name} ${row.pluginApi}: KHÔNG biên dịch được với / does NOT compile against sdk ${row.compile} ✘\n${error.stdout ?? ''}${error.stderr ?? error.message}\n`);
    }
  }
  return failed === 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main();
}
