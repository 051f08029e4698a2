#!/usr/bin/env node
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseOf, changedFilesSince, fileAt } from './changed-files.js';
import { isChangesetFile, packagesNamedIn } from './changeset-files.js';
import { releasedPackages, workspacePackages } from './workspace-packages.js';

/**
 * Files that do not change what a package ships or how it builds: its tests and its changelog.
 * Everything else under a package's folder (source, templates, manifests, README, config schema,
 * build configs) does, and needs a changeset.
 * @param {string} pathInPackage
 */
export function isReleaseNeutral(pathInPackage) {
  return /(^|\/)test\//.test(pathInPackage) || /\.test\.ts$/.test(pathInPackage) || pathInPackage === 'CHANGELOG.md';
}

/**
 * @typedef {object} ChangesetProblem
 * @property {'missing' | 'unknown-package'} kind
 * @property {string} name      package name
 * @property {string} [file]    one changed file of that package, or the changeset naming an unknown package
 * @property {number} [count]   how many changed files
 */

/**
 * Compares the working tree with `since` (see `baseOf`) and lists the released packages with changed
 * files but no changeset added or changed in the same range, and changesets naming packages that are
 * not released from this workspace. A package whose version changed in the range is being released
 * (`changeset version` consumed its changesets) and needs none.
 * @param {string} root
 * @param {{ since?: string }} [options]
 * @returns {{ base: string | undefined, checked: string[], problems: ChangesetProblem[] }}
 */
export function checkChangesets(root, options = {}) {
  const base = baseOf(root, options.since);
  if (!base) return { base, checked: [], problems: [] };
  const changes = changedFilesSince(root, base);
  const changesets = changes.filter((c) => c.status !== 'D' && isChangesetFile(c.path)).map((c) => c.path);
  const named = packagesNamedIn(root, changesets);
  const released = releasedPackages(root);
  const problems = [];
  const known = new Set(workspacePackages(root).map((p) => p.name));
  for (const [name, files] of named) {
    if (!known.has(name)) problems.push({ kind: 'unknown-package', name, file: files[0].file });
  }
  const checked = [];
  for (const pkg of released) {
    const prefix = `${pkg.dir}/`;
    const touched = changes.filter((c) => c.path.startsWith(prefix) && !isReleaseNeutral(c.path.slice(prefix.length)));
    if (touched.length === 0) continue;
    checked.push(pkg.name);
    if (named.has(pkg.name)) continue;
    const before = fileAt(root, base, `${pkg.dir}/package.json`);
    if (before !== undefined && JSON.parse(before).version !== pkg.version) continue;
    problems.push({ kind: 'missing', name: pkg.name, file: touched[0].path, count: touched.length });
  }
  return { base, checked, problems };
}

/** @param {ChangesetProblem} p */
export function describeProblem(p) {
  if (p.kind === 'unknown-package') {
    return `${p.file}: gói "${p.name}" không có trong workspace / names "${p.name}", which is not a package of this workspace`;
  }
  const more = p.count > 1 ? ` (+${p.count - 1})` : '';
  return (
    `${p.name}: đã thay đổi (${p.file}${more}) nhưng không có changeset — chạy "npx -y pnpm@12.4.2 changeset" và chọn gói này\n` +
    `    changed (${p.file}${more}) without a changeset: run "npx -y pnpm@12.4.2 changeset" and pick this package`
  );
}

function main(argv) {
  const sinceAt = argv.indexOf('--since');
  const since = sinceAt >= 0 ? argv[sinceAt + 1] : undefined;
  const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  const { base, checked, problems } = checkChangesets(root, { since });
  if (!base) {
    process.stdout.write('changesets: không có lần commit trước để so sánh / no earlier commit to compare with\n');
    return 0;
  }
  const short = base.slice(0, 8);
  if (problems.length === 0) {
    process.stdout.write(`changesets: ổn / ok since ${short} (${checked.length ? checked.join(', ') : 'không gói nào thay đổi / no package changed'})\n`);
    return 0;
  }
  process.stderr.write(`changesets: ${problems.length} lỗi / problem(s) since ${short}\n`);
  for (const p of problems) process.stderr.write(`  ${describeProblem(p)}\n`);
  return 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}

