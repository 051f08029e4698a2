import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The packages a changeset file names in its front matter, with their bump types.
 * @param {string} text the changeset's Markdown
 * @returns {Map<string, string>} package name → 'major' | 'minor' | 'patch'
 */
export function parseChangeset(text) {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const releases = new Map();
  if (!front) return releases;
  for (const line of front[1].split(/\r?\n/)) {
    const m = /^\s*['"]?([^'"\s:]+)['"]?\s*:\s*(major|minor|patch|none)\s*$/.exec(line);
    if (m) releases.set(m[1], m[2]);
  }
  return releases;
}

/** @param {string} path */
export function isChangesetFile(path) {
  return /^\.changeset\/[^/]+\.md$/.test(path) && path !== '.changeset/README.md';
}

/**
 * @param {string} root
 * @param {string[]} paths changeset files, relative to root
 */
export function packagesNamedIn(root, paths) {
  const named = new Map();
  for (const path of paths) {
    for (const [name, type] of parseChangeset(readFileSync(join(root, path), 'utf8'))) {
      named.set(name, [...(named.get(name) ?? []), { file: path, type }]);
    }
  }
  return named;
}
