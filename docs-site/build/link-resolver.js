import { existsSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

/** A link is external when it names a scheme (`https:`, `mailto:`) or a host (`//…`). */
export function isExternal(href) {
  return /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//');
}

/**
 * Resolves the target of a link written in a repository file (`../guides/qa.md#not-yet`) to what
 * the site does with it: `page` (a rendered page, with its anchor), `repo` (a file or folder of the
 * repository that the site does not render: shown as a path, not a link), `same-page` (`#anchor`),
 * `external`, or `missing`. Paths are repository-relative with `/`.
 */
export function createLinkResolver({ repoRoot, pagesBySource }) {
  return (fromSource, href) => {
    if (isExternal(href)) return { kind: 'external' };
    const hashAt = href.indexOf('#');
    const pathPart = hashAt === -1 ? href : href.slice(0, hashAt);
    const anchor = hashAt === -1 ? undefined : decodeURIComponent(href.slice(hashAt + 1));
    if (pathPart === '') return { kind: 'same-page', anchor };
    let target = posix.normalize(posix.join(posix.dirname(fromSource), decodeURIComponent(pathPart.split('?')[0])));
    if (target.startsWith('../')) return { kind: 'missing', target };
    target = target.replace(/\/$/, '');
    const page = pagesBySource.get(target);
    if (page) return { kind: 'page', page, anchor };
    if (existsSync(join(repoRoot, target))) return { kind: 'repo', target };
    return { kind: 'missing', target };
  };
}

/** The relative URL from one output file to another (`guides/qa.html` → `../reference/errors.html`). */
export function relativeUrl(fromOutput, toOutput) {
  const rel = posix.relative(posix.dirname(fromOutput), toOutput);
  return rel === '' ? posix.basename(toOutput) : rel;
}

/** `../` repeated to reach the site root from an output file. */
export function rootPrefix(output) {
  const depth = dirname(output) === '.' ? 0 : output.split('/').length - 1;
  return '../'.repeat(depth);
}
