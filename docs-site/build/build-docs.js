#!/usr/bin/env node
/**
 * Builds the documentation site: every Markdown page of `docs/` (and the READMEs they link) to HTML
 * under one accessible layout, the reference generated from the code (CLI, error codes, events and
 * extension points, zones, manifest fields, sdk exports), the REST API page (swagger-ui on the
 * platform's /openapi.json), a search index, and a link check.
 *
 * A plain Node script rather than a vite build: the site is static HTML with one small script and
 * nothing to bundle, and this way the whole build takes a few seconds.
 *
 * Usage: node build/build-docs.js [--out <dir>] [--check] [--report <file>]
 *   --check: exit 1 on a broken link; --report: write what buildDocs returns as JSON (for the tests,
 *   which run the build in its own process: it imports the built packages and the CLI module).
 */
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSiteLinks, checkSourceLinks } from './check-links.js';
import { collectPages, createPage } from './collect-pages.js';
import { copyImages } from './copy-images.js';
import { escapeHtml, htmlToText } from './escape-html.js';
import { renderLayout } from './layout.js';
import { createLinkResolver } from './link-resolver.js';
import { renderMarkdown } from './render-markdown.js';
import { cliReference } from './reference/cli-reference.js';
import { readDeclarationExports } from './reference/declaration-exports.js';
import { errorReference } from './reference/error-reference.js';
import { contractEntries, eventsReference } from './reference/events-reference.js';
import { manifestReference } from './reference/manifest-reference.js';
import { sdkEntries, sdkReference } from './reference/sdk-reference.js';
import { zoneReference } from './reference/zone-reference.js';

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_REPO_ROOT = resolve(here, '../..');
export const DEFAULT_OUT_DIR = resolve(here, '../dist');

/** swagger-ui's files the API page needs, and its licence (as `.txt`: the core serves known file types only). */
const SWAGGER_FILES = ['swagger-ui.css', 'swagger-ui-bundle.js', 'LICENSE', 'NOTICE'];

/** The generated reference pages, as Markdown at virtual paths beside the hand-written reference. */
async function generateReference(repoRoot, errorsDocAnchors) {
  const sdk = sdkEntries(repoRoot);
  const contracts = contractEntries(repoRoot).filter((e) => e.dts && existsSync(e.dts));
  const declarations = readDeclarationExports(repoRoot, [...new Set([...sdk.map((e) => e.dts), ...contracts.map((e) => e.dts)])]);
  const docsOf = (dts, name) => declarations.get(dts)?.find((e) => e.name === name);
  const generated = {
    cli: await cliReference(repoRoot),
    errors: errorReference(repoRoot, { errorsDocAnchors }),
    events: await eventsReference(repoRoot, { docsOf }),
    zones: zoneReference(repoRoot),
    manifest: manifestReference(repoRoot),
    sdk: sdkReference(repoRoot, { exportsOf: (dts) => declarations.get(dts) ?? [] }),
  };
  return generated;
}

/**
 * Builds the site into `outDir` and returns what it made and what is broken: `brokenLinks` (in the
 * Markdown sources, with file and line) and `brokenSiteLinks` (in the HTML output).
 */
export async function buildDocs({ repoRoot = DEFAULT_REPO_ROOT, outDir = DEFAULT_OUT_DIR } = {}) {
  const started = performance.now();
  const pages = collectPages(repoRoot);
  const errorsDoc = pages.find((p) => p.source === 'docs/reference/errors.md');
  const errorsDocAnchors = new Set(errorsDoc ? [...errorsDoc.markdown.matchAll(/^#{1,6} `([A-Z]+_ERR_[A-Z0-9_]+)`\s*$/gm)].map((m) => m[1].toLowerCase()) : []);
  const generated = await generateReference(repoRoot, errorsDocAnchors);
  for (const [name, { markdown }] of Object.entries(generated)) pages.push(createPage(`docs/reference/generated/${name}.md`, markdown));
  const api = { ...createPage('docs/api.md', ''), title: 'REST API (OpenAPI)', navTitle: 'REST API (OpenAPI)', section: 'reference' };
  const search = { ...createPage('docs/search.md', ''), title: 'Tìm kiếm · Search', lang: 'vi', hidden: true };
  pages.push(api, search);

  const pagesBySource = new Map(pages.map((p) => [p.source, p]));
  const resolveLink = createLinkResolver({ repoRoot, pagesBySource });
  for (const page of pages) {
    if (page === api || page === search) {
      page.ids = new Set(['content']);
      continue;
    }
    Object.assign(page, renderMarkdown(page.markdown, { source: page.source, output: page.output, resolveLink }));
  }

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'assets', 'swagger-ui'), { recursive: true });
  const write = (output, html) => {
    mkdirSync(dirname(join(outDir, output)), { recursive: true });
    writeFileSync(join(outDir, output), html);
  };
  for (const page of pages) {
    if (page === api || page === search) continue;
    write(page.output, renderLayout({ page, pages, content: page.html }));
  }
  write(
    api.output,
    renderLayout({
      page: api,
      pages,
      content: `<h1 id="rest-api">REST API (OpenAPI)</h1>
<p><span lang="vi">Mọi tuyến API của nền tảng đang chạy (lõi và các plugin đã nạp), từ tài liệu OpenAPI của nó.</span> Every route of the running platform, the core's admin API and the loaded plugins', from its OpenAPI document: <code id="api-source">/openapi.json</code>. This page works when the site is served by the platform (<code>docs.enabled</code>).</p>
<div id="swagger-ui"></div>`,
      extraHead: '<link rel="stylesheet" href="assets/swagger-ui/swagger-ui.css">\n',
      extraBody: '<script src="assets/swagger-ui/swagger-ui-bundle.js"></script>\n<script src="assets/api-docs.js"></script>\n',
    }).replace('<body>', '<body class="api-page">'),
  );
  write(
    search.output,
    renderLayout({
      page: search,
      pages,
      content: `<h1 id="search">Tìm kiếm · <span lang="en">Search</span></h1>
<p id="search-status" role="status"></p>
<ol id="search-results" class="search-results"></ol>`,
    }),
  );
  write('404.html', notFoundPage());

  // Per page: title, headings, the opening text (for the result's snippet) and every other word once,
  // folded like the search box folds what is typed: a few kilobytes a page instead of the whole text.
  const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
  const index = pages
    .filter((p) => !p.hidden && p !== api)
    .map((p) => {
      const text = htmlToText(p.html).replace(/\s+/g, ' ').trim();
      const opening = text.slice(0, 1500);
      const words = [...new Set(fold(text.slice(opening.length)).match(/[\p{L}\p{N}_][\p{L}\p{N}_.@/-]*/gu) ?? [])].filter((w) => w.length > 2 && !fold(opening).includes(w));
      return { t: p.title, u: p.output, s: p.section, h: p.headings.filter((h) => h.depth > 1).map((h) => h.text), x: opening, w: words.join(' ') };
    });
  write('search-index.json', JSON.stringify(index));

  for (const asset of ['site.css', 'site.js', 'api-docs.js', 'favicon.svg']) copyFileSync(join(here, 'assets', asset), join(outDir, 'assets', asset));
  // Pictures the pages show (the admin guides' screenshots, taken by tests/e2e/admin-guide-screenshots.test.ts).
  copyImages(repoRoot, outDir);
  const swagger = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  for (const file of SWAGGER_FILES) copyFileSync(join(swagger, file), join(outDir, 'assets', 'swagger-ui', /\./.test(file) ? file : `${file}.txt`));

  const brokenLinks = checkSourceLinks(pages.filter((p) => p !== api && p !== search), resolveLink);
  const brokenSiteLinks = checkSiteLinks(outDir);
  return {
    outDir,
    pages: pages.map(({ source, output, title, lang, section }) => ({ source, output, title, lang, section })),
    generated: Object.fromEntries(Object.entries(generated).map(([name, g]) => [name, { output: `reference/generated/${name}.html`, items: g.items, ...(g.options ? { options: g.options } : {}) }])),
    brokenLinks,
    brokenSiteLinks,
    milliseconds: Math.round(performance.now() - started),
  };
}

/** Served for any unknown path under /docs, so its links are absolute (the site's mount point). */
function notFoundPage() {
  return `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Không tìm thấy trang · Page not found — Cổng</title>
<link rel="stylesheet" href="/docs/assets/site.css"></head>
<body>
<main id="content">
<h1>Không tìm thấy trang</h1>
<p lang="en">Page not found.</p>
<p><a href="/docs/index.html">Trang chủ tài liệu · Docs home</a> · <a href="/docs/search.html">Tìm kiếm · Search</a></p>
</main>
</body>
</html>
`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const result = await buildDocs({ ...(outAt >= 0 ? { outDir: resolve(args[outAt + 1]) } : {}) });
  const broken = [...result.brokenLinks, ...result.brokenSiteLinks];
  for (const link of broken) process.stderr.write(`broken link ${link.where}: ${link.href} (${link.reason})\n`);
  process.stdout.write(`docs: ${result.pages.length} pages in ${escapeHtml(result.outDir)} (${result.milliseconds} ms)${broken.length ? `, ${broken.length} broken links` : ''}\n`);
  const reportAt = args.indexOf('--report');
  if (reportAt >= 0) writeFileSync(resolve(args[reportAt + 1]), JSON.stringify(result));
  if (broken.length && args.includes('--check')) process.exitCode = 1;
}
