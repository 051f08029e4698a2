import { normalize } from 'node:path';

const IMPORT = /(?:^|[^\w$.])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[^\w$.])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[^\w$.])import\s*['"]([^'"]+)['"]/g;

/**
 * What a plugin source file imports that it must not (STYLE.md §3.6). `file` is relative to the
 * plugin package root (`src/server/x.ts`).
 */
export function findBoundaryViolations(file: string, source: string): string[] {
  const violations: string[] = [];
  // A plugin may keep migrations per area (`src/content/migrations/`): they import kysely and the
  // files of their own migrations folder, nothing else.
  const migrationsDir = file.includes('/migrations/') ? file.slice(0, file.indexOf('/migrations/') + '/migrations/'.length) : undefined;
  const inMigrations = migrationsDir !== undefined;
  const inBrowser = /^src\/(admin|widgets)\//.test(file);
  for (const match of source.matchAll(IMPORT)) {
    const target = match[1] ?? match[2] ?? match[3]!;
    if (target === '@cong/core' || target.startsWith('@cong/core/')) {
      violations.push('imports @cong/core (plugins use @cong/sdk only)');
    } else if (/^@cong\/plugin-[^/]+\/(?!api$)/.test(target) || /^@cong\/plugin-[^/]+\/api\/./.test(target)) {
      violations.push(`imports another plugin's internals (${target}); use its /api entry`);
    } else if (target.startsWith('.')) {
      const resolved = normalize(`${file.slice(0, file.lastIndexOf('/') + 1)}${target}`);
      if (resolved.startsWith('..') || !resolved.startsWith('src/')) violations.push(`reaches outside its package (${target})`);
      else if (inBrowser && resolved.startsWith('src/server/')) violations.push('admin code imports server code');
      else if (file.startsWith('src/server/') && /^src\/(admin|widgets)\//.test(resolved)) violations.push('server code imports admin code');
      else if (migrationsDir && !resolved.startsWith(migrationsDir)) violations.push(`migration imports ${target} (migrations import only kysely)`);
    } else if (inMigrations && target !== 'kysely') {
      violations.push(`migration imports ${target} (migrations import only kysely)`);
    }
  }
  return violations;
}
