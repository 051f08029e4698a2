import { execFileSync } from 'node:child_process';

/** @param {string} root @param {string[]} args */
function git(root, args) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * The base a change is compared with: `--since`, else the merge base with origin/main when a remote
 * exists (a branch or pull request), else the previous commit (CI on a clone of main checks the change
 * that is landing), else — a repository's first commit — HEAD itself (what is not committed yet).
 * Undefined before the first commit.
 * @param {string} root
 * @param {string | undefined} since
 */
export function baseOf(root, since) {
  if (since) return git(root, ['rev-parse', '--verify', `${since}^{commit}`]).trim();
  try {
    return git(root, ['merge-base', 'HEAD', 'origin/main']).trim();
  } catch {
    try {
      return git(root, ['rev-parse', '--verify', 'HEAD~1^{commit}']).trim();
    } catch {
      try {
        return git(root, ['rev-parse', '--verify', 'HEAD^{commit}']).trim();
      } catch {
        return undefined;
      }
    }
  }
}

/**
 * Files changed since `base`, committed or not, plus untracked files (not ignored).
 * @param {string} root
 * @param {string} base
 * @returns {{ path: string, status: string }[]}
 */
export function changedFilesSince(root, base) {
  const changes = new Map();
  for (const line of git(root, ['diff', '--name-status', '--no-renames', base]).split('\n')) {
    const [status, path] = line.split('\t');
    if (path) changes.set(path, status);
  }
  for (const path of git(root, ['ls-files', '--others', '--exclude-standard']).split('\n')) if (path) changes.set(path, 'A');
  return [...changes].map(([path, status]) => ({ path, status }));
}

/**
 * A file's text at `base`, or undefined when it did not exist there.
 * @param {string} root @param {string} base @param {string} path
 */
export function fileAt(root, base, path) {
  try {
    return git(root, ['show', `${base}:${path}`]);
  } catch {
    return undefined;
  }
}
