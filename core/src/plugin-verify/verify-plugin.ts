import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateManifest } from '@cong/sdk';
import { findingsOf, type Finding } from './finding.js';
import { readPluginPackage, type PluginPackage } from './plugin-package.js';
import { readRegistration } from './read-registration.js';
import { checkChangeset } from './rules/changeset-rule.js';
import { checkExports } from './rules/exports-rule.js';
import { checkManifest } from './rules/manifest-rule.js';
import { checkMigrationsDown } from './rules/migrations-down-rule.js';
import { checkNoCoreInternals } from './rules/no-core-internals-rule.js';
import { checkPluginApiRange } from './rules/plugin-api-range-rule.js';
import { checkRouteSchemas } from './rules/route-schemas-rule.js';

/**
 * Checks the plugin package in `dir` before it is published (`cong plugins verify`): its manifest,
 * `pluginApi` range, routes, migrations, imports, exports map and changelog. Resolves with every
 * finding, errors first; an empty list means the package passed. The package must be built: routes
 * and migrations are read from the built entry.
 */
export async function verifyPlugin(dir: string): Promise<Finding[]> {
  const root = resolve(dir);
  let plugin: PluginPackage;
  try {
    plugin = readPluginPackage(root);
  } catch (cause) {
    const missing = !existsSync(join(root, 'package.json'));
    return [
      findingsOf('manifest')('error', 'package.json', undefined, {
        vi: missing ? `${root} không có package.json` : `package.json không đọc được: ${(cause as Error).message}`,
        en: missing ? `${root} has no package.json` : `package.json cannot be read: ${(cause as Error).message}`,
      }, {
        vi: 'Chạy lệnh trong thư mục của gói plugin, hoặc truyền đường dẫn tới nó', en: 'Run the command in the plugin package folder, or pass its path',
      }),
    ];
  }
  const findings = [...checkManifest(plugin), ...checkPluginApiRange(plugin)];
  // Routes and migrations come from running `register`: only for a manifest the core's loader accepts.
  if (validateManifest(plugin.pkg.cong).valid) {
    const registration = await readRegistration(root);
    findings.push(...checkRouteSchemas(plugin, registration), ...checkMigrationsDown(plugin, registration));
  }
  findings.push(...checkNoCoreInternals(plugin), ...checkExports(plugin), ...checkChangeset(plugin));
  return [...findings.filter((f) => f.severity === 'error'), ...findings.filter((f) => f.severity === 'warning')];
}

/** True when the findings fail the check: any error, or any warning under `strict`. */
export function failsVerification(findings: readonly Finding[], strict = false): boolean {
  return findings.some((f) => f.severity === 'error' || strict);
}
