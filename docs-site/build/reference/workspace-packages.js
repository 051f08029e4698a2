import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The workspace's packages that can carry plugin code (core, sdk, plugins, examples), with their
 * package.json: the generated reference walks them, so a new plugin is documented without a change here.
 */
export function workspacePackages(repoRoot) {
  const dirs = ['sdk', 'core'];
  for (const group of ['plugins', 'examples']) {
    const base = join(repoRoot, group);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base).sort()) dirs.push(`${group}/${name}`);
  }
  return dirs
    .filter((dir) => existsSync(join(repoRoot, dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8')) }));
}
