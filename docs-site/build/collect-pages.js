import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/** Optional first-line metadata of a page: `<!-- docs: lang=vi translation=getting-started.md nav="Bắt đầu" -->`. */
const META = /<!--\s*docs:([^>]*)-->/;

function* markdownFiles(dir, prefix) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) yield* markdownFiles(join(dir, entry.name), rel);
    else if (entry.name.endsWith('.md')) yield rel;
  }
}

/** Where a source lands in the site: `docs/guides/qa.md` → `guides/qa.html`; other files under `repo/`. */
export function outputPath(source) {
  const html = source.replace(/\.md$/i, '.html');
  return html.startsWith('docs/') ? html.slice('docs/'.length) : `repo/${html}`;
}

function sectionOf(source) {
  if (!source.startsWith('docs/')) return 'packages';
  const folder = source.split('/')[1];
  if (folder === 'guides' || folder === 'reference' || folder === 'decisions') return folder;
  return 'start';
}

/** The order of the start section: the index, then the getting-started pages, then the rest. */
const START_ORDER = ['docs/index.md', 'docs/getting-started.md', 'docs/bat-dau.md', 'docs/concepts.md'];

export function createPage(source, markdown) {
  const meta = Object.fromEntries([...(META.exec(markdown)?.[1] ?? '').matchAll(/(\w+)=(?:"([^"]*)"|(\S+))/g)].map((m) => [m[1], m[2] ?? m[3]]));
  return {
    source,
    output: outputPath(source),
    markdown,
    section: sectionOf(source),
    lang: meta.lang ?? 'en',
    translation: meta.translation ? posix.normalize(posix.join(posix.dirname(source), meta.translation)) : undefined,
    navTitle: meta.nav,
  };
}

/**
 * Every Markdown file under `docs/`, and every README those pages link to (followed from page to
 * page), in navigation order.
 */
export function collectPages(repoRoot) {
  const pages = [...markdownFiles(join(repoRoot, 'docs'), 'docs')].map((source) => createPage(source, readFileSync(join(repoRoot, source), 'utf8')));
  const known = new Set(pages.map((p) => p.source));
  for (let i = 0; i < pages.length; i++) {
    for (const m of pages[i].markdown.matchAll(/\]\(([^)#\s]*README\.md)/g)) {
      const target = posix.normalize(posix.join(posix.dirname(pages[i].source), m[1]));
      if (known.has(target) || target.startsWith('..')) continue;
      try {
        pages.push(createPage(target, readFileSync(join(repoRoot, target), 'utf8')));
        known.add(target);
      } catch {
        // A missing README is reported by the link check.
      }
    }
  }
  const rank = (p) => (START_ORDER.includes(p.source) ? START_ORDER.indexOf(p.source) : START_ORDER.length);
  return pages.sort((a, b) => rank(a) - rank(b) || a.source.localeCompare(b.source));
}
