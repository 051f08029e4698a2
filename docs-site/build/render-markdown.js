import { Marked } from 'marked';
import { escapeHtml, htmlToText } from './escape-html.js';
import { relativeUrl } from './link-resolver.js';
import { createSlugger } from './slugger.js';

/**
 * One Markdown page to HTML: headings get GitHub's anchors (and a `#` link to themselves), links to
 * rendered pages become relative `.html` links, links to other repository files become their path
 * as text (the site does not carry source code), and external links are left as they are.
 * Returns the HTML, the title (the first `#` heading), the headings and every `id` the page has.
 */
export function renderMarkdown(markdown, { source, output, resolveLink }) {
  const slug = createSlugger();
  const headings = [];
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading({ tokens, depth }) {
        const inner = this.parser.parseInline(tokens);
        const text = htmlToText(inner).trim();
        const id = slug(text);
        headings.push({ depth, text, id });
        if (depth === 1) return `<h1 id="${escapeHtml(id)}">${inner}</h1>\n`;
        return `<h${depth} id="${escapeHtml(id)}">${inner} <a class="anchor" href="#${escapeHtml(id)}" aria-hidden="true" tabindex="-1">#</a></h${depth}>\n`;
      },
      link({ href, title, tokens }) {
        const inner = this.parser.parseInline(tokens);
        const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
        const target = resolveLink(source, href);
        if (target.kind === 'page') {
          const url = relativeUrl(output, target.page.output) + (target.anchor ? `#${encodeURIComponent(target.anchor)}` : '');
          return `<a href="${escapeHtml(url)}"${titleAttr}>${inner}</a>`;
        }
        if (target.kind === 'repo' || target.kind === 'missing') {
          return `<span class="repo-path" title="${escapeHtml(`Trong kho mã / in the repository: ${target.target}`)}">${inner}</span>`;
        }
        if (target.kind === 'same-page') return `<a href="#${escapeHtml(encodeURIComponent(target.anchor ?? ''))}"${titleAttr}>${inner}</a>`;
        return `<a href="${escapeHtml(href)}"${titleAttr} rel="noopener noreferrer">${inner}</a>`;
      },
      table(token) {
        // Wide reference tables scroll inside their own box instead of widening the page.
        return `<div class="table-scroll" tabindex="0">${this.constructor.prototype.table.call(this, token)}</div>`;
      },
    },
  });
  // Code blocks and wide tables scroll sideways: focusable, so keyboard users can scroll them too.
  const html = marked.parse(markdown).replace(/<pre>/g, '<pre tabindex="0">');
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => htmlToText(m[1])));
  const title = headings.find((h) => h.depth === 1)?.text ?? source;
  return { html, title, headings, ids };
}
