import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as sdk from '@cong/sdk';
import type { BuildResult } from '../../docs-site/build/build-docs.js';
import { ADMIN_ZONES } from '../../sdk/src/admin/zones.js';

// The documentation site (docs-site/): built into a temporary directory, every link of every page
// leads somewhere, and the generated reference names every CLI command and option, error code,
// event, extension point, zone, manifest field and sdk export. The expected lists come from the
// code by other routes than the builder's (the CLI's --help, the registries' modules, the schema).

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
const CODE = /^[A-Z]+_ERR_[A-Z0-9_]+$/;

let outDir: string;
let result: BuildResult;

/** The visible text of a built page, entities decoded. */
function pageText(output: string): string {
  return readFileSync(join(outDir, output), 'utf8')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function dirs(group: string): string[] {
  return readdirSync(join(repoRoot, group), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `${group}/${d.name}`);
}

function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(join(repoRoot, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) =>
    e.isDirectory() ? sourceFiles(`${dir}/${e.name}`) : /\.ts$/.test(e.name) && !/\.test\.ts$|\.d\.ts$/.test(e.name) ? [`${dir}/${e.name}`] : [],
  );
}

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'cong-docs-'));
  // In its own process, as `pnpm --filter @cong/docs build` runs it: the builder imports the built
  // packages and the CLI module, which the test runner would otherwise transform again (slowly).
  const report = join(outDir, 'build-report.json');
  await run(process.execPath, [join(repoRoot, 'docs-site/build/build-docs.js'), '--out', join(outDir, 'site'), '--report', report], { cwd: repoRoot });
  result = JSON.parse(readFileSync(report, 'utf8')) as BuildResult;
  outDir = result.outDir;
}, 60_000);
afterAll(() => rmSync(dirname(outDir), { recursive: true, force: true }));

describe('the docs site', () => {
  it('builds in a few seconds', () => {
    // Not a timing assertion: the figure goes to the log for the record.
    process.stdout.write(`docs site: ${result.pages.length} pages in ${result.milliseconds} ms\n`);
    expect(result.pages.length).toBeGreaterThan(20);
  });

  it('has no broken link or anchor in the Markdown sources', () => {
    expect(result.brokenLinks.map((l) => `${l.where}: ${l.href} (${l.reason})`)).toEqual([]);
  });

  it('has no broken link or anchor in the built HTML', () => {
    expect(result.brokenSiteLinks.map((l) => `${l.where}: ${l.href} (${l.reason})`)).toEqual([]);
  });

  it('renders every page of docs/ with one accessible layout and no external assets', () => {
    const expected = (function walk(dir: string): string[] {
      return readdirSync(join(repoRoot, dir), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(`${dir}/${e.name}`) : e.name.endsWith('.md') ? [`${dir}/${e.name}`] : [],
      );
    })('docs');
    const sources = result.pages.map((p) => p.source);
    for (const source of expected) expect(sources, source).toContain(source);
    for (const page of result.pages) {
      const html = readFileSync(join(outDir, page.output), 'utf8');
      expect(html, page.output).toMatch(/^<!doctype html>\n<html lang="(vi|en)"/);
      expect(html, page.output).toContain('<a class="skip-link" href="#content">');
      expect(html, page.output).toContain('<main id="content"');
      expect(html, page.output).toContain('<nav class="site-nav" aria-label=');
      expect(html, page.output).not.toMatch(/\s(?:src|href)="(?:https?:)?\/\/(?!www\.w3\.org)[^"]*"[^>]*>(?:<\/script>)?/);
      expect(html, page.output).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    }
  });

  it('keeps GitHub\'s heading anchors and switches between the Vietnamese and English pages', () => {
    const errors = readFileSync(join(outDir, 'reference/errors.html'), 'utf8');
    expect(errors).toContain('id="cong_err_validation"');
    const english = readFileSync(join(outDir, 'getting-started.html'), 'utf8');
    const vietnamese = readFileSync(join(outDir, 'bat-dau.html'), 'utf8');
    expect(english).toContain('<html lang="en"');
    expect(vietnamese).toContain('<html lang="vi"');
    expect(english).toContain('href="bat-dau.html" hreflang="vi" lang="vi">Tiếng Việt</a>');
    expect(vietnamese).toContain('href="getting-started.html" hreflang="en" lang="en">English</a>');
    // The admin user guide too, in both languages.
    expect(readFileSync(join(outDir, 'guides/huong-dan-quan-tri.html'), 'utf8')).toContain('href="admin-user-guide.html" hreflang="en"');
    expect(readFileSync(join(outDir, 'guides/admin-user-guide.html'), 'utf8')).toContain('href="huong-dan-quan-tri.html" hreflang="vi"');
  });

  it('renders the REST API with the self-hosted swagger-ui reading the platform\'s /openapi.json', () => {
    const api = readFileSync(join(outDir, 'api.html'), 'utf8');
    expect(api).toContain('<script src="assets/swagger-ui/swagger-ui-bundle.js"></script>');
    expect(readFileSync(join(outDir, 'assets/swagger-ui/swagger-ui-bundle.js'), 'utf8').length).toBeGreaterThan(100_000);
    expect(readFileSync(join(outDir, 'assets/api-docs.js'), 'utf8')).toContain("new URL('../openapi.json', location.href)");
  });

  it('has a search index of every page', () => {
    const index = JSON.parse(readFileSync(join(outDir, 'search-index.json'), 'utf8')) as { t: string; u: string; x: string }[];
    expect(index.map((p) => p.u)).toContain('guides/gazette.html');
    expect(index.find((p) => p.u === 'bat-dau.html')?.x).toContain('Mật khẩu chỉ hiện một lần');
  });
});

describe('the generated reference', () => {
  it('names every CLI command and option, as the CLI\'s own help lists them', async () => {
    const cli = join(repoRoot, 'core/dist/cli/main.js');
    const help = async (words: string[]) => (await run(process.execPath, [cli, ...words, '--help'], { cwd: repoRoot })).stdout;
    const section = (text: string, title: string) => (text.split(/\n(?=\S)/).find((s) => s.startsWith(title)) ?? '').split('\n').slice(1);
    const subcommands = (text: string) =>
      section(text, 'Commands:')
        .filter((line) => /^ {2}\S/.test(line))
        .map((line) => line.trim().split(/\s/)[0]!.split('|')[0]!)
        .filter((name) => name !== 'help');
    const options = (text: string) =>
      section(text, 'Options:')
        .map((line) => /^ {2}(?:-\w, )?(--[a-z][a-z0-9-]*)/.exec(line)?.[1])
        .filter((o): o is string => o !== undefined && o !== '--help' && o !== '--version');

    // The core's commands and groups (two levels), read from `cong [group [command]] --help`; each help names
    // its own usage line, so a word the CLI did not know (it prints the top-level help) is skipped.
    const expected: { name: string; options: string[] }[] = [];
    const top = await help([]);
    // One process per group at a time: a handful of short-lived processes, never a fan-out.
    await Promise.all(
      subcommands(top).map(async (group) => {
        const text = await help([group]);
        if (!text.startsWith(`Usage: cong ${group}`)) return;
        expected.push({ name: `cong ${group}`, options: options(text) });
        for (const command of subcommands(text)) {
          const leaf = await help([group, command]);
          if (leaf.startsWith(`Usage: cong ${group} ${command}`)) expected.push({ name: `cong ${group} ${command}`, options: options(leaf) });
        }
      }),
    );
    expect(expected.length).toBeGreaterThan(10);

    const page = readFileSync(join(outDir, result.generated.cli.output), 'utf8');
    const sections = page.split('<h2').map((s) => s.replace(/<[^>]*>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
    for (const command of expected) {
      const text = sections.find((s) => new RegExp(`^[^\\n]*\\b${command.name}(?: [<[]|\\s*#|\\s*$)`).test(s.replace(/^[^>]*>/, '').trimStart()));
      expect(text, command.name).toBeDefined();
      for (const option of command.options) expect(text, `${command.name} ${option}`).toContain(option);
    }
  }, 60_000);

  it('names every error code of every registry', async () => {
    const registries: Record<string, unknown>[] = [sdk as Record<string, unknown>, await import('../../core/src/errors.js')];
    for (const dir of [...dirs('plugins'), ...dirs('examples')]) {
      for (const file of ['src/errors.ts', 'src/server/errors.ts']) {
        try {
          readFileSync(join(repoRoot, dir, file));
        } catch {
          continue;
        }
        registries.push((await import(/* @vite-ignore */ join(repoRoot, dir, file))) as Record<string, unknown>);
      }
    }
    const codes = registries.flatMap((r) => Object.keys(r).filter((k) => CODE.test(k)));
    expect(codes.length).toBeGreaterThan(100);
    const text = pageText(result.generated.errors.output);
    for (const code of codes) expect(text, code).toContain(code);
  });

  it('names every event and extension point declared anywhere', () => {
    const declared: string[] = [];
    for (const dir of ['sdk', 'core', ...dirs('plugins'), ...dirs('examples')]) {
      for (const file of sourceFiles(`${dir}/src`)) {
        const code = readFileSync(join(repoRoot, file), 'utf8')
          .split('\n')
          .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
          .join('\n');
        for (const m of code.matchAll(/defineEvent(?:<[\s\S]*?>)?\(\s*'([^']+)'/g)) declared.push(m[1]!);
        for (const m of code.matchAll(/createExtensionPoint(?:<[\s\S]*?>)?\(\s*\{\s*id:\s*'([^']+)'/g)) declared.push(m[1]!);
      }
    }
    expect(declared).toContain('core.tenant-merged');
    expect(declared).toContain('portal.site-theme');
    const text = pageText(result.generated.events.output);
    for (const name of declared) expect(text, name).toContain(name);
    for (const event of Object.values(sdk.coreEvents)) expect(text).toContain(event.name);
  });

  it('names every admin zone', () => {
    const text = pageText(result.generated.zones.output);
    for (const zone of ADMIN_ZONES) expect(text, zone).toContain(zone);
  });

  it('names every manifest field', () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'sdk/schemas/manifest.schema.json'), 'utf8'));
    const paths: string[] = [];
    const visit = (node: Record<string, unknown> | undefined, path: string) => {
      if (!node) return;
      const ref = node.$ref as string | undefined;
      const resolved = ref ? (schema.$defs[ref.split('/').pop()!] as Record<string, unknown>) : node;
      for (const [key, child] of Object.entries((resolved.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        const childPath = path ? `${path}.${key}` : key;
        paths.push(childPath);
        visit(child, childPath);
      }
      if (resolved.items) visit(resolved.items as Record<string, unknown>, `${path}[]`);
    };
    visit(schema, '');
    expect(paths).toContain('admin.slots[].zone');
    const text = pageText(result.generated.manifest.output);
    for (const path of paths) expect(text, path).toContain(path);
  });

  it('names every value the sdk exports', () => {
    const text = pageText(result.generated.sdk.output);
    for (const name of Object.keys(sdk)) expect(text, name).toContain(name);
  });
});
