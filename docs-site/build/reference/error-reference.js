import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cell, code } from './markdown-text.js';
import { workspacePackages } from './workspace-packages.js';

const REGISTRY_FILES = ['src/errors/error-codes.ts', 'src/errors.ts', 'src/server/errors.ts'];
const CREATE = /createErrorCode\(\s*'([A-Z]+_ERR_[A-Z0-9_]+)'\s*,\s*(['"`])((?:\\.|(?!\2)[\s\S])*)\2\s*,\s*(\d{3})/g;
const BANNER = /^\/\/ ─── (.+?) ─*(?: add codes above the end marker)?\s*$/;

/**
 * Every error code of every registry (`createErrorCode('X_ERR_…', template, status)` in each
 * package's errors file), read from the sources so that no package has to export them: code, HTTP
 * status, message template, package and section, linked to its explanation in errors.md.
 */
export function collectErrorCodes(repoRoot) {
  const codes = [];
  for (const { dir, manifest } of workspacePackages(repoRoot)) {
    for (const file of REGISTRY_FILES) {
      const path = join(repoRoot, dir, file);
      if (!existsSync(path)) continue;
      const text = readFileSync(path, 'utf8');
      // The section of a code is the last banner comment above it.
      const banners = [];
      let offset = 0;
      for (const line of text.split('\n')) {
        const match = BANNER.exec(line.trim());
        if (match && !/^End of/.test(match[1])) banners.push({ offset, title: match[1].replace(/\s*─+$/, '').trim() });
        offset += line.length + 1;
      }
      for (const m of text.matchAll(CREATE)) {
        const section = banners.filter((b) => b.offset < m.index).at(-1)?.title ?? '';
        codes.push({ code: m[1], template: m[3].replace(/\\(.)/g, '$1'), status: Number(m[4]), packageName: manifest.name, file: `${dir}/${file}`, section });
      }
    }
  }
  return codes;
}

export function errorReference(repoRoot, { errorsDocAnchors }) {
  const codes = collectErrorCodes(repoRoot);
  const lines = [
    '# Error codes (generated)',
    '',
    '*Danh mục mã lỗi, sinh từ mã nguồn.* Every code of every error registry, read from the sources at build time. ' +
      'Problem responses carry the code in `code`; the [explanations](../errors.md) say what each means and what to do.',
    '',
    `${codes.length} codes.`,
  ];
  let currentPackage;
  for (const entry of codes) {
    if (entry.packageName !== currentPackage) {
      currentPackage = entry.packageName;
      lines.push('', `## ${code(currentPackage)}`, '', `Registry: ${code(entry.file)}.`, '', '| code | HTTP | message | section |', '|---|---|---|---|');
    }
    const anchor = entry.code.toLowerCase();
    const name = errorsDocAnchors.has(anchor) ? `[${code(entry.code)}](../errors.md#${anchor})` : code(entry.code);
    lines.push(`| ${name} | ${entry.status} | ${cell(entry.template)} | ${cell(entry.section)} |`);
  }
  return { markdown: lines.join('\n') + '\n', items: codes.map((c) => c.code) };
}
