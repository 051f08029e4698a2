#!/usr/bin/env node
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPATIBILITY_DOC, compatibilityDocument } from './compatibility-table.js';

/**
 * `pnpm release [--dry-run]`: the version plan from the pending changesets, with the checks that
 * keep independently versioned packages working together. The dry run changes nothing. The real run
 * applies the plan (`changeset version`: versions, CHANGELOGs, changesets consumed) and refreshes the
 * compatibility table; committing, tagging and publishing stay explicit steps it prints, because
 * publishing needs the registry's credentials and a reviewed commit.
 */

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const changesetBin = join(root, 'node_modules', '@changesets', 'cli', 'bin.js');

/**
 * @typedef {{ name: string, type: string, oldVersion: string, newVersion: string, changesets: string[] }} PlannedRelease
 * @returns {PlannedRelease[]}
 */
export function versionPlan() {
  const dir = mkdtempSync(join(tmpdir(), 'cong-release-'));
  try {
    const out = join(dir, 'status.json');
    execFileSync(process.execPath, [changesetBin, 'status', `--output=${out}`], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    return JSON.parse(readFileSync(out, 'utf8')).releases.filter((r) => r.type !== 'none');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Problems a plan would ship: a plugin left outside the plugin API range the release creates (the
 * core would refuse it), or a plugin whose required plugin leaves its declared range.
 * @param {ReturnType<typeof compatibilityDocument>} after
 */
export function planProblems(after) {
  const problems = [];
  for (const row of after.rows) {
    if (!row.works) {
      problems.push({
        vi: `${row.name} ${row.version} khai báo pluginApi "${row.pluginApi}" nhưng bản phát hành đưa @cong/sdk lên ${after.sdkVersion}: lõi sẽ từ chối plugin này. Sửa pluginApi (kèm changeset) hoặc không tăng bản chính của sdk.`,
        en: `${row.name} ${row.version} declares pluginApi "${row.pluginApi}" but the release makes @cong/sdk ${after.sdkVersion}: the core would refuse it. Widen pluginApi (with a changeset) or do not bump the sdk's major version.`,
      });
    }
    for (const dep of row.plugins.filter((d) => !d.works)) {
      problems.push({
        vi: `${row.name} cần plugin "${dep.id}" ${dep.range}, nhưng bản phát hành có ${dep.found ?? 'không có'}.`,
        en: `${row.name} requires plugin "${dep.id}" ${dep.range}, but the release has ${dep.found ?? 'none'}.`,
      });
    }
  }
  return problems;
}

function printPlan(plan) {
  const width = Math.max(8, ...plan.map((r) => r.name.length));
  process.stdout.write(`Kế hoạch phiên bản / Version plan (${plan.length} gói / packages):\n\n`);
  process.stdout.write(`  ${'package'.padEnd(width)}  ${'from'.padEnd(8)}  ${'to'.padEnd(8)}  bump   changesets\n`);
  for (const r of plan) {
    process.stdout.write(`  ${r.name.padEnd(width)}  ${r.oldVersion.padEnd(8)}  ${r.newVersion.padEnd(8)}  ${r.type.padEnd(5)}  ${r.changesets.length}\n`);
  }
  process.stdout.write('\n');
}

function main(argv) {
  const dryRun = argv.includes('--dry-run');
  const plan = versionPlan();
  if (plan.length === 0) {
    process.stdout.write('Không có changeset nào đang chờ: không có gì để phát hành / No pending changesets: nothing to release\n');
    return 0;
  }
  printPlan(plan);
  const after = compatibilityDocument(root, new Map(plan.map((r) => [r.name, r.newVersion])));
  process.stdout.write(`${after.markdown.split('\n').filter((l) => l.startsWith('|') || l.startsWith('**')).join('\n')}\n\n`);
  const problems = planProblems(after);
  if (problems.length > 0) {
    process.stderr.write(`Không phát hành được / The plan is refused (${problems.length}):\n`);
    for (const p of problems) process.stderr.write(`  - ${p.vi}\n    ${p.en}\n`);
    return 1;
  }
  if (dryRun) {
    process.stdout.write('--dry-run: không thay đổi gì / nothing changed\n');
    return 0;
  }
  execFileSync(process.execPath, [changesetBin, 'version'], { cwd: root, stdio: 'inherit' });
  writeFileSync(join(root, COMPATIBILITY_DOC), compatibilityDocument(root).markdown);
  process.stdout.write(
    [
      '',
      'Đã cập nhật phiên bản, CHANGELOG và bảng tương thích. Tiếp theo / Versions, changelogs and the compatibility table are updated. Next:',
      '  npx -y pnpm@12.4.2 install --lockfile-only && npx -y pnpm@12.4.2 test',
      '  git commit -am "Release" && npx changeset tag',
      '  npx -y pnpm@12.4.2 -r publish --access public   # pnpm turns workspace:^ into real ranges',
      '',
    ].join('\n'),
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
