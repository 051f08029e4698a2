import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findingsOf, type Finding } from '../finding.js';
import type { PluginPackage } from '../plugin-package.js';

const finding = findingsOf('changeset');

/**
 * A published plugin tells its users what changed: a CHANGELOG.md, or a pending changeset naming it
 * in the repository's `.changeset/`. Private packages and those the changeset config ignores are
 * never published, so they are not asked for one.
 */
export function checkChangeset(plugin: PluginPackage): Finding[] {
  const { pkg } = plugin;
  if (pkg.private === true || existsSync(join(plugin.dir, 'CHANGELOG.md'))) return [];
  const changesets = findChangesetDir(plugin.dir);
  if (changesets && typeof pkg.name === 'string') {
    if (ignored(changesets, pkg.name)) return [];
    const named = readdirSync(changesets)
      .filter((f) => f.endsWith('.md') && f !== 'README.md')
      .some((f) => namesPackage(readFileSync(join(changesets, f), 'utf8'), pkg.name!));
    if (named) return [];
  }
  return [
    finding('warning', 'package.json', plugin.lineOf('/name'), {
      vi: `${pkg.name ?? 'Gói'} không có CHANGELOG.md và không có changeset nào đang chờ nhắc tới nó`,
      en: `${pkg.name ?? 'The package'} has no CHANGELOG.md and no pending changeset names it`,
    }, {
      vi: 'Chạy pnpm changeset và chọn gói này (hoặc viết CHANGELOG.md)', en: 'Run pnpm changeset and pick this package (or write a CHANGELOG.md)',
    }),
  ];
}

/** The nearest `.changeset/` folder at or above the package. */
function findChangesetDir(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, '.changeset'))) return join(at, '.changeset');
    if (at === dirname(at)) return undefined;
  }
}

/** Whether the changeset's front matter lists the package (`"@cong/plugin-x": minor`). */
function namesPackage(text: string, name: string): boolean {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  return front.split(/\r?\n/).some((line) => line.trim().replace(/^['"]|['"]?\s*:.*$/g, '') === name);
}

function ignored(changesets: string, name: string): boolean {
  try {
    const config = JSON.parse(readFileSync(join(changesets, 'config.json'), 'utf8')) as { ignore?: unknown };
    return Array.isArray(config.ignore) && config.ignore.includes(name);
  } catch {
    return false;
  }
}
