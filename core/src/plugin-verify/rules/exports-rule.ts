import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { findingsOf, type Finding } from '../finding.js';
import type { PluginPackage } from '../plugin-package.js';

const finding = findingsOf('exports');

/**
 * What a published package needs to be importable (publint/attw-style, without the network): ESM,
 * an exports map whose `.` has `types` and `default`, every target present after the build, `.d.ts`
 * files for `types`, `./package.json` exported (the core reads the manifest through it), `dist` in
 * `files`, and the files the manifest names (admin and widget bundles, config schema) present.
 */
export function checkExports(plugin: PluginPackage): Finding[] {
  const { pkg } = plugin;
  const findings: Finding[] = [];
  const at = (pointer: string) => plugin.lineOf(pointer);
  const error = (pointer: string, message: { vi: string; en: string }, fix: { vi: string; en: string }) => findings.push(finding('error', 'package.json', at(pointer), message, fix));

  if (pkg.type !== 'module') {
    error('/type', { vi: `"type" là ${JSON.stringify(pkg.type)}, không phải "module"`, en: `"type" is ${JSON.stringify(pkg.type)}, not "module"` }, {
      vi: 'Đặt "type": "module": lõi nạp plugin dưới dạng ES module', en: 'Set "type": "module": the core imports plugins as ES modules',
    });
  }

  const files = Array.isArray(pkg.files) ? (pkg.files as unknown[]).filter((f): f is string => typeof f === 'string') : undefined;
  if (!files?.some((f) => f.replace(/^\.\//, '').replace(/\/(\*\*?)?$/, '') === 'dist')) {
    error('/files', { vi: '"files" không gồm "dist": gói phát hành sẽ thiếu mã đã build', en: '"files" does not include "dist": the published package would lack the built code' }, {
      vi: 'Đặt "files": ["dist"] (thêm các tệp manifest nhắc tới, như config.schema.json)', en: 'Set "files": ["dist"] (plus files the manifest names, such as config.schema.json)',
    });
  }

  const exportsMap = pkg.exports;
  if (typeof exportsMap !== 'object' || exportsMap === null || Array.isArray(exportsMap)) {
    error('/exports', { vi: 'package.json không có bản đồ "exports"', en: 'package.json has no "exports" map' }, {
      vi: 'Thêm "exports": { ".": { "types": "./dist/index.d.ts", "default": "./dist/index.js" }, "./package.json": "./package.json" }',
      en: 'Add "exports": { ".": { "types": "./dist/index.d.ts", "default": "./dist/index.js" }, "./package.json": "./package.json" }',
    });
  } else {
    const map = exportsMap as Record<string, unknown>;
    const dot = map['.'];
    const dotObject = typeof dot === 'object' && dot !== null ? (dot as Record<string, unknown>) : undefined;
    for (const condition of ['types', 'default'] as const) {
      if (dotObject?.[condition] === undefined) {
        error('/exports', { vi: `exports "." thiếu điều kiện "${condition}"`, en: `exports "." has no "${condition}" condition` }, {
          vi: 'Viết ".": { "types": "./dist/index.d.ts", "default": "./dist/index.js" } (types đứng trước)', en: 'Write ".": { "types": "./dist/index.d.ts", "default": "./dist/index.js" } (types first)',
        });
      }
    }
    if (map['./package.json'] === undefined) {
      error('/exports', { vi: 'exports không công bố "./package.json"', en: 'exports does not publish "./package.json"' }, {
        vi: 'Thêm "./package.json": "./package.json": lõi đọc manifest qua nó', en: 'Add "./package.json": "./package.json": the core reads the manifest through it',
      });
    }
    for (const { pointer, condition, target } of targets(map, '/exports')) {
      if (target.includes('*')) continue;
      if (!existsSync(resolve(plugin.dir, target))) {
        error(pointer, { vi: `exports trỏ tới ${target}, tệp này không tồn tại`, en: `exports points at ${target}, which does not exist` }, {
          vi: 'Build plugin (pnpm build) hoặc sửa đường dẫn trong exports', en: 'Build the plugin (pnpm build) or fix the path in exports',
        });
      } else if (condition === 'types' && !/\.d\.[cm]?ts$/.test(target)) {
        error(pointer, { vi: `Điều kiện "types" trỏ tới ${target}, không phải tệp .d.ts`, en: `The "types" condition points at ${target}, not a .d.ts file` }, {
          vi: 'Cho "types" trỏ tới tệp khai báo, ví dụ ./dist/index.d.ts', en: 'Point "types" at a declaration file, e.g. ./dist/index.d.ts',
        });
      }
    }
  }

  const manifest = (pkg.cong ?? {}) as { config?: unknown; admin?: { module?: unknown }; widgets?: { module?: unknown } };
  for (const [pointer, target] of [['/cong/config', manifest.config], ['/cong/admin/module', manifest.admin?.module], ['/cong/widgets/module', manifest.widgets?.module]] as const) {
    if (typeof target !== 'string') continue;
    if (!existsSync(resolve(plugin.dir, target))) {
      error(pointer, { vi: `${pointer.slice(1).replace(/\//g, '.')} trỏ tới ${target}, tệp này không tồn tại`, en: `${pointer.slice(1).replace(/\//g, '.')} points at ${target}, which does not exist` }, {
        vi: 'Build plugin (pnpm build) hoặc sửa đường dẫn', en: 'Build the plugin (pnpm build) or fix the path',
      });
    } else if (files && !covered(files, target)) {
      error(pointer, { vi: `${target} không nằm trong "files": gói phát hành sẽ thiếu tệp này`, en: `${target} is not covered by "files": the published package would lack it` }, {
        vi: `Thêm "${target.replace(/^\.\//, '')}" vào "files"`, en: `Add "${target.replace(/^\.\//, '')}" to "files"`,
      });
    }
  }
  return findings;
}

/** Every string target of an exports map, with the condition that leads to it. */
function targets(value: unknown, pointer: string, condition?: string): { pointer: string; condition: string | undefined; target: string }[] {
  if (typeof value === 'string') return [{ pointer, condition, target: value }];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    targets(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, key.startsWith('.') ? undefined : key),
  );
}

/** Whether `files` publishes `target` (an entry naming it or one of its folders). */
function covered(files: readonly string[], target: string): boolean {
  const path = target.replace(/^\.\//, '');
  return files.some((entry) => {
    const base = entry.replace(/^\.\//, '').replace(/\/(\*\*?)?$/, '');
    return path === base || path.startsWith(`${base}/`);
  });
}
