import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { cell, code } from './markdown-text.js';

/** The sdk's entry points with declarations (`@cong/sdk`, `@cong/sdk/admin`, …), from its exports map. */
export function sdkEntries(repoRoot) {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'sdk/package.json'), 'utf8'));
  return Object.entries(manifest.exports)
    .filter(([, target]) => typeof target === 'object' && target.types)
    .map(([subpath, target]) => ({ importPath: subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`, dts: join(repoRoot, 'sdk', target.types) }));
}

export function sdkReference(repoRoot, { exportsOf }) {
  const entries = sdkEntries(repoRoot);
  const lines = [
    '# SDK exports (generated)',
    '',
    `*Mọi export công khai của ${code('@cong/sdk')}, sinh từ các tệp khai báo đã dựng.* ` +
      `Every export of each entry point of ${code('@cong/sdk')}, the only package a plugin imports, read from its built declarations with the first sentence of its doc comment. ` +
      'The [plugin authoring guide](../../guides/writing-a-plugin.md) shows how they fit together; your editor shows the full comments.',
  ];
  const items = [];
  for (const entry of entries) {
    const exports = exportsOf(entry.dts);
    lines.push('', `## ${code(entry.importPath)}`, '', `${exports.length} exports.`, '', '| export | kind | summary |', '|---|---|---|');
    for (const e of exports) {
      lines.push(`| ${code(e.name)} | ${e.kind} | ${cell(e.doc)} |`);
      items.push(`${entry.importPath}#${e.name}`);
    }
  }
  return { markdown: lines.join('\n') + '\n', items };
}
