import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { findBoundaryViolations } from './find-boundary-violations.js';

// STYLE.md §3.6: a plugin imports @cong/sdk and another plugin's declared `api` entry, never
// @cong/core, never another plugin's internals, and its migrations import only kysely.
const root = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sourceFiles(path);
    return /\.(ts|js|mts)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

it('no plugin or example plugin crosses the boundaries', () => {
  const packages = ['plugins', 'examples'].flatMap((parent) =>
    existsSync(join(root, parent)) ? readdirSync(join(root, parent)).map((name) => join(root, parent, name)) : [],
  ).filter((dir) => existsSync(join(dir, 'package.json')) && JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).cong);
  expect(packages.length).toBeGreaterThan(0);
  const violations = packages.flatMap((dir) =>
    sourceFiles(join(dir, 'src')).flatMap((file) =>
      findBoundaryViolations(relative(dir, file), readFileSync(file, 'utf8')).map((v) => `${relative(root, file)}: ${v}`),
    ),
  );
  expect(violations).toEqual([]);
});

it('the check catches each kind of violation', () => {
  expect(findBoundaryViolations('src/server/a.ts', "import { createPlatform } from '@cong/core';")).toEqual([
    'imports @cong/core (plugins use @cong/sdk only)',
  ]);
  expect(findBoundaryViolations('src/server/a.ts', "import x from '@cong/plugin-portal/dist/server/x.js';")).toEqual([
    "imports another plugin's internals (@cong/plugin-portal/dist/server/x.js); use its /api entry",
  ]);
  expect(findBoundaryViolations('src/server/a.ts', "export * from '../../../core/src/kernel/platform.js';")).toEqual([
    'reaches outside its package (../../../core/src/kernel/platform.js)',
  ]);
  expect(findBoundaryViolations('src/migrations/1.ts', "import { fold } from '@cong/sdk';")).toEqual([
    'migration imports @cong/sdk (migrations import only kysely)',
  ]);
  expect(findBoundaryViolations('src/legal/migrations/1.ts', "import { x } from './dialect.js';")).toEqual([]);
  expect(findBoundaryViolations('src/legal/migrations/1.ts', "import { x } from '../legal-service.js';")).toEqual([
    'migration imports ../legal-service.js (migrations import only kysely)',
  ]);
  expect(findBoundaryViolations('src/admin/a.ts', "import { x } from '../server/x.js';")).toEqual(['admin code imports server code']);
  expect(findBoundaryViolations('src/server/a.ts', "import { p } from '@cong/plugin-portal/api'; const m = await import('kysely');")).toEqual([]);
});

it('@cong/sdk/admin (browser code) imports only lit and itself: no Node module, no server code of the sdk', () => {
  const dir = join(root, 'sdk/src/admin');
  const offending = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .flatMap((f) =>
      [...readFileSync(join(dir, f), 'utf8').matchAll(/^import\s+(type\s+)?[^'"]*['"]([^'"]+)['"]/gm)]
        .filter(([, typeOnly, target]) => !typeOnly && !target!.startsWith('./') && !/^(lit|@lit\/)/.test(target!))
        .map(([, , target]) => `${f} imports ${target}`),
    );
  expect(offending).toEqual([]);
});
