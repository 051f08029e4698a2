import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { htmlToText } from './escape-html.js';
import { isExternal } from './link-resolver.js';

const MD_LINK = /!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^()\s>]+(?:\([^()\s]*\))?[^()\s>]*)>?(?:\s+["'(][^)]*)?\)/g;
const MD_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/;
const HTML_HREF = /\s(?:href|src)="([^"]*)"/g;

/** The lines of a Markdown file with code (fenced blocks and `inline spans`) blanked out. */
function proseLines(markdown) {
  let fence;
  return markdown.split('\n').map((line) => {
    const opening = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (opening && opening[1][0] === fence[0] && opening[1].length >= fence.length) fence = undefined;
      return '';
    }
    if (opening) {
      fence = opening[1];
      return '';
    }
    return line.replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, (m) => ' '.repeat(m.length));
  });
}

/**
 * Every link written in the site's Markdown sources that leads nowhere: a page or repository file
 * that does not exist, or an anchor the target page does not have. Each with file and line.
 */
export function checkSourceLinks(pages, resolveLink) {
  const broken = [];
  for (const page of pages) {
    proseLines(page.markdown).forEach((line, index) => {
      const targets = [...line.matchAll(MD_LINK)].map((m) => m[1]);
      const definition = MD_DEFINITION.exec(line);
      if (definition) targets.push(definition[1]);
      for (const href of targets) {
        const where = `${page.source}:${index + 1}`;
        const target = resolveLink(page.source, href);
        if (target.kind === 'missing') broken.push({ where, href, reason: `${target.target} does not exist` });
        else if (target.kind === 'page' && target.anchor && !target.page.ids.has(target.anchor)) {
          broken.push({ where, href, reason: `${target.page.source} has no heading #${target.anchor}` });
        } else if (target.kind === 'same-page' && target.anchor && !page.ids.has(target.anchor)) {
          broken.push({ where, href, reason: `no heading #${target.anchor} on this page` });
        }
      }
    });
  }
  return broken;
}

function* htmlFiles(dir, prefix = '') {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* htmlFiles(join(dir, entry.name), rel);
    else if (entry.name.endsWith('.html')) yield rel;
  }
}

/**
 * The built site checked as a browser would follow it: every relative `href` and `src` of every
 * page names a file of the site, and every `#fragment` an element id of that page. `404.html` uses
 * absolute `/docs/…` paths (it answers for any path) and is checked against the mount point.
 */
export function checkSiteLinks(outDir, { mount = '/docs/' } = {}) {
  const broken = [];
  const idsCache = new Map();
  const idsOf = (file) => {
    if (!idsCache.has(file)) idsCache.set(file, new Set([...readFileSync(join(outDir, file), 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => htmlToText(m[1]))));
    return idsCache.get(file);
  };
  for (const file of htmlFiles(outDir)) {
    const lines = readFileSync(join(outDir, file), 'utf8').split('\n');
    lines.forEach((line, index) => {
      for (const [, raw] of line.matchAll(HTML_HREF)) {
        const href = htmlToText(raw);
        if (isExternal(href)) continue;
        const hashAt = href.indexOf('#');
        const path = (hashAt === -1 ? href : href.slice(0, hashAt)).split('?')[0];
        const fragment = hashAt === -1 ? '' : decodeURIComponent(href.slice(hashAt + 1));
        let target;
        if (path === '') target = file;
        else if (path.startsWith(mount)) target = decodeURIComponent(path.slice(mount.length)) || 'index.html';
        else if (path.startsWith('/')) target = undefined;
        else target = posix.normalize(posix.join(posix.dirname(file), decodeURIComponent(path)));
        const where = `${file}:${index + 1}`;
        if (!target || target.startsWith('..') || !existsSync(join(outDir, target))) {
          broken.push({ where, href, reason: 'no such file in the site' });
        } else if (fragment && target.endsWith('.html') && !idsOf(target).has(fragment)) {
          broken.push({ where, href, reason: `${target} has no id "${fragment}"` });
        }
      }
    });
  }
  return broken;
}
