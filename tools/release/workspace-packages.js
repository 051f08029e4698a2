import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * @typedef {object} WorkspacePackage
 * @property {string} name
 * @property {string} version
 * @property {string} dir       path relative to the workspace root, with forward slashes
 * @property {boolean} private
 * @property {Record<string, any>} pkg  the parsed package.json
 */

/**
 * The packages of the pnpm workspace at `root`, read from `pnpm-workspace.yaml`. Only the two glob
 * forms the workspace uses are understood (`dir` and `dir/*`); anything else is refused rather than
 * silently skipped, so a new layout cannot hide a package from the release checks.
 * @param {string} root
 * @returns {WorkspacePackage[]}
 */
export function workspacePackages(root) {
  const yaml = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const block = /^packages:\n((?:[ \t]+-[^\n]*\n?)+)/m.exec(yaml);
  if (!block) throw new Error('pnpm-workspace.yaml: no "packages:" list');
  const patterns = [...block[1].matchAll(/-\s*['"]?([^'"\n]+?)['"]?\s*$/gm)].map((m) => m[1]);
  const dirs = [];
  for (const pattern of patterns) {
    if (pattern.endsWith('/*')) {
      const parent = join(root, pattern.slice(0, -2));
      if (!existsSync(parent)) continue;
      for (const entry of readdirSync(parent, { withFileTypes: true })) if (entry.isDirectory()) dirs.push(join(parent, entry.name));
    } else if (!/[*?{[]/.test(pattern)) {
      dirs.push(join(root, pattern));
    } else {
      throw new Error(`pnpm-workspace.yaml: the pattern "${pattern}" is not supported by tools/release`);
    }
  }
  return dirs
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      return { name: pkg.name, version: pkg.version, dir: relative(root, dir).split('\\').join('/'), private: pkg.private === true, pkg };
    })
    .sort((a, b) => a.dir.localeCompare(b.dir));
}

/**
 * Packages that are released: not private and not in the changesets `ignore` list.
 * @param {string} root
 */
export function releasedPackages(root) {
  const config = JSON.parse(readFileSync(join(root, '.changeset', 'config.json'), 'utf8'));
  const ignored = new Set(config.ignore ?? []);
  return workspacePackages(root).filter((p) => !p.private && !ignored.has(p.name));
}
