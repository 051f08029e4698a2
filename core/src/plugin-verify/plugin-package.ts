import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { jsonLines, lineOf } from './json-lines.js';

/** What a package.json may hold that the rules read. */
export interface PackageJson {
  readonly name?: string;
  readonly version?: string;
  readonly private?: boolean;
  readonly type?: string;
  readonly main?: string;
  readonly exports?: unknown;
  readonly files?: unknown;
  readonly cong?: unknown;
}

/** A source file of the package: its path relative to the package and its text. */
export interface SourceFile {
  readonly file: string;
  readonly text: string;
}

/** A plugin package read once, for every rule: package.json with its lines, and the code to scan. */
export interface PluginPackage {
  readonly dir: string;
  readonly pkg: PackageJson;
  /** Line of a JSON pointer in package.json (`/cong/id`), or of its nearest present ancestor. */
  readonly lineOf: (pointer: string) => number | undefined;
  /**
   * The code to scan: `src/**\/*.ts` when the package has `src` (tests left out: they are not
   * published), else the built `dist/**\/*.js`.
   */
  readonly sources: readonly SourceFile[];
  /**
   * Where a quoted string literal first appears in the sources (a route path, a migration name);
   * with `before` (`get(`), only an appearance right after one of them counts, not a mere mention.
   */
  readonly locate: (literal: string, before?: readonly string[]) => { readonly file: string; readonly line: number } | undefined;
  /** The built entry (exports `.`) relative to the package, where findings without a source line point. */
  readonly entry: string;
}

const SKIPPED_DIRS = new Set(['node_modules', '.git']);
const TEST_FILE = /\.(test|spec|browser\.test)\.[cm]?[jt]s$/;

/** Reads the package in `dir`; throws when package.json is missing or is not JSON (the caller reports it). */
export function readPluginPackage(dir: string): PluginPackage {
  const text = readFileSync(join(dir, 'package.json'), 'utf8');
  const pkg = JSON.parse(text) as PackageJson;
  const lines = jsonLines(text);
  const fromSrc = existsSync(join(dir, 'src'));
  const root = join(dir, fromSrc ? 'src' : 'dist');
  const wanted = fromSrc ? (name: string) => /\.[cm]?tsx?$/.test(name) && !name.endsWith('.d.ts') : (name: string) => /\.[cm]?js$/.test(name);
  const sources = listFiles(root)
    .filter((path) => wanted(path) && !TEST_FILE.test(path))
    .map((path) => ({ file: relative(dir, path).split(sep).join('/'), text: readFileSync(path, 'utf8') }));
  return {
    dir,
    pkg,
    lineOf: (pointer) => lineOf(lines, pointer),
    sources,
    entry: entryOf(pkg),
    locate: (literal, before = []) => {
      for (const prefix of before.length > 0 ? before : ['']) {
        for (const quote of ["'", '"', '`']) {
          for (const source of sources) {
            const index = source.text.indexOf(`${prefix}${quote}${literal}${quote}`);
            if (index >= 0) return { file: source.file, line: lineAt(source.text, index) };
          }
        }
      }
      return undefined;
    },
  };
}

/** 1-based line of a character offset. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : listFiles(path);
      return entry.isFile() ? [path] : [];
    });
}

function entryOf(pkg: PackageJson): string {
  const dot = typeof pkg.exports === 'string' ? pkg.exports : (pkg.exports as Record<string, unknown> | undefined)?.['.'];
  const target = typeof dot === 'string' ? dot : typeof dot === 'object' && dot !== null ? (dot as Record<string, unknown>).default : pkg.main;
  return typeof target === 'string' ? target.replace(/^\.\//, '') : 'package.json';
}
