import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspacePackages } from './workspace-packages.js';

const EVENT = /defineEvent(?:<[\s\S]*?>)?\(\s*'([^']+)'/g;
const POINT = /createExtensionPoint(?:<[\s\S]*?>)?\(\s*\{\s*id:\s*'([^']+)'/g;

function* sourceFiles(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') yield* sourceFiles(path);
    } else if (/\.ts$/.test(entry.name) && !/\.test(-d)?\.ts$|\.d\.ts$/.test(entry.name)) yield path;
  }
}

/**
 * Every event and extension point declared in the workspace's sources (`defineEvent('x.y')`,
 * `createExtensionPoint({ id: 'x.y' })`), comments left out: the reference lists the ones no
 * contract entry exports as internal, so that none is missing.
 */
export function scanDeclarations(repoRoot) {
  const events = [];
  const points = [];
  for (const { dir, manifest } of workspacePackages(repoRoot)) {
    for (const file of sourceFiles(join(repoRoot, dir, 'src'))) {
      const text = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\*|\/\*\*)/.test(line))
        .join('\n');
      const where = { packageName: manifest.name, file: file.slice(repoRoot.length + 1) };
      for (const m of text.matchAll(EVENT)) events.push({ ...where, name: m[1] });
      for (const m of text.matchAll(POINT)) points.push({ ...where, id: m[1] });
    }
  }
  return { events, points };
}
