import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const MSG = /\bmsg\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1\s*,\s*\{\s*id:\s*['"]([^'"]+)['"]/g;
const TEMPLATE = /['"]([\w.-]+)['"]\s*:\s*(?:str|html)?\s*(['"`])((?:\\.|(?!\2)[^\\])*)\2/g;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

/**
 * The shell's English source texts (`msg('Modules', { id })`) whose Vietnamese template differs:
 * in Vietnamese mode none of them may appear as a text of the page. Texts with placeholders are left
 * out (they never show verbatim).
 */
export function englishSourceTexts(): Set<string> {
  const src = join(root, 'core/admin/src');
  const vi = new Map<string, string>();
  const english = new Map<string, string>();
  for (const file of files(src)) {
    const text = readFileSync(file, 'utf8');
    if (file.includes(`${join('i18n', 'locales')}`)) for (const m of text.matchAll(TEMPLATE)) vi.set(m[1]!, m[3]!);
    else for (const m of text.matchAll(MSG)) if (!m[2]!.includes('${')) english.set(m[3]!, m[2]!.replace(/\\(.)/g, '$1'));
  }
  return new Set([...english].filter(([id, en]) => vi.get(id) !== en && en.trim().length > 1).map(([, en]) => en.trim()));
}

/** The English texts of a plugin's `messages.ts` (`en: { title: 'Greetings', … }`), for the same check on its pages. */
export function pluginEnglishTexts(messagesFile: string): Set<string> {
  const text = readFileSync(join(root, messagesFile), 'utf8');
  const en = text.slice(text.indexOf('en: {'));
  return new Set([...en.matchAll(/:\s*(['"])((?:\\.|(?!\1)[^\\])*)\1/g)].map((m) => m[2]!.replace(/\\(.)/g, '$1')).filter((t) => t.trim().length > 1));
}
