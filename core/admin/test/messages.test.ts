import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { templates } from '../src/i18n/locales/vi.js';
import { viPages } from '../src/i18n/locales/vi-pages.js';
import { viShell } from '../src/i18n/locales/vi-shell.js';

// Every `msg(..., { id })` of the shell needs a Vietnamese template, and every template a use.
const src = fileURLToPath(new URL('../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path.endsWith(join('i18n', 'locales')) ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

interface Use {
  readonly id: string;
  readonly file: string;
  /** Number of `${…}` expressions in the English source. */
  readonly expressions: number;
}

/** Every msg call: its id (required) and the number of expressions of its template. */
function uses(): { found: Use[]; withoutId: string[] } {
  const found: Use[] = [];
  const withoutId: string[] = [];
  for (const file of sources(src)) {
    const text = readFileSync(file, 'utf8');
    const starts = [...text.matchAll(/\bmsg\(/g)].map((m) => m.index!);
    starts.forEach((start, i) => {
      const call = text.slice(start, starts[i + 1] ?? start + 1200);
      const id = /\{\s*id:\s*'([^']+)'/.exec(call);
      const where = `${relative(src, file)}:${text.slice(0, start).split('\n').length}`;
      if (!id) return void withoutId.push(where);
      const template = call.slice(0, id.index);
      found.push({ id: id[1]!, file: where, expressions: (template.match(/\$\{/g) ?? []).length });
    });
  }
  return { found, withoutId };
}

/** Placeholders of a Vietnamese template (`${0}`): the values array of a str/html result. */
function placeholders(template: unknown): number {
  return typeof template === 'object' && template !== null && 'values' in template ? (template as { values: unknown[] }).values.length : 0;
}

describe('shell messages', () => {
  const { found, withoutId } = uses();
  const used = new Set(found.map((u) => u.id));

  it('finds the shell’s messages', () => {
    expect(found.length).toBeGreaterThan(50);
  });

  it('gives every msg call an explicit id', () => {
    expect(withoutId).toEqual([]);
  });

  it('has a Vietnamese template for every id used', () => {
    const missing = [...new Set(found.filter((u) => !(u.id in templates)).map((u) => `${u.id} (${u.file})`))];
    expect(missing).toEqual([]);
  });

  it('uses every Vietnamese template', () => {
    expect(Object.keys(templates).filter((id) => !used.has(id))).toEqual([]);
  });

  it('keeps the number of expressions of the source in the Vietnamese template', () => {
    const mismatched = found.filter((u) => u.id in templates && placeholders(templates[u.id]) !== u.expressions).map((u) => `${u.id} (${u.file})`);
    expect(mismatched).toEqual([]);
  });

  it('uses one English text per id', () => {
    const texts = new Map<string, Set<number>>();
    for (const u of found) texts.set(u.id, (texts.get(u.id) ?? new Set()).add(u.expressions));
    expect([...texts].filter(([, counts]) => counts.size > 1).map(([id]) => id)).toEqual([]);
  });

  it('does not define an id in both the shell’s and the pages’ catalogue', () => {
    expect(Object.keys(viShell).filter((id) => id in viPages)).toEqual([]);
  });
});
