import Range from 'semver/classes/range.js';
import satisfies from 'semver/functions/satisfies.js';
import validRange from 'semver/ranges/valid.js';
import { PLUGIN_API_VERSION } from '@cong/sdk';
import { findingsOf, type Finding } from '../finding.js';
import type { PluginPackage } from '../plugin-package.js';

const finding = findingsOf('plugin-api-range');

/**
 * `cong.pluginApi`: a semver range this core's sdk satisfies (else the platform refuses the plugin
 * with CONG_ERR_PLUGIN_API_MISMATCH), and one with an upper bound: a plugin cannot promise to work
 * with sdk majors that do not exist yet.
 */
export function checkPluginApiRange(plugin: PluginPackage, apiVersion: string = PLUGIN_API_VERSION): Finding[] {
  const range = (plugin.pkg.cong as { pluginApi?: unknown } | undefined)?.pluginApi;
  const line = plugin.lineOf('/cong/pluginApi');
  if (typeof range !== 'string' || validRange(range) === null) {
    return [
      finding('error', 'package.json', line, { vi: `cong.pluginApi "${String(range)}" không phải một khoảng phiên bản semver`, en: `cong.pluginApi "${String(range)}" is not a semver range` }, {
        vi: `Ghi khoảng phiên bản sdk mà plugin được kiểm thử, ví dụ "^${major(apiVersion)}.0.0"`,
        en: `Write the sdk range the plugin is tested with, e.g. "^${major(apiVersion)}.0.0"`,
      }),
    ];
  }
  const findings: Finding[] = [];
  if (!satisfies(apiVersion, range, { includePrerelease: true })) {
    findings.push(
      finding('error', 'package.json', line, {
        vi: `cong.pluginApi "${range}" không gồm phiên bản API plugin hiện tại ${apiVersion}: lõi sẽ từ chối plugin (CONG_ERR_PLUGIN_API_MISMATCH)`,
        en: `cong.pluginApi "${range}" does not include the current plugin API ${apiVersion}: the core refuses the plugin (CONG_ERR_PLUGIN_API_MISMATCH)`,
      }, {
        vi: `Kiểm thử với @cong/sdk ${apiVersion} rồi mở rộng khoảng, ví dụ "^${major(apiVersion)}.0.0"`,
        en: `Test with @cong/sdk ${apiVersion}, then widen the range, e.g. "^${major(apiVersion)}.0.0"`,
      }),
    );
  }
  if (isOpenEnded(range)) {
    findings.push(
      finding('warning', 'package.json', line, {
        vi: `cong.pluginApi "${range}" không có cận trên: plugin hứa chạy với cả các bản sdk chính chưa ra đời`,
        en: `cong.pluginApi "${range}" has no upper bound: it promises to work with sdk majors that do not exist yet`,
      }, {
        vi: `Dùng khoảng có cận trên, ví dụ "^${major(apiVersion)}.0.0" hoặc ">=1.0.0 <${Number(major(apiVersion)) + 1}.0.0"`,
        en: `Use a bounded range, e.g. "^${major(apiVersion)}.0.0" or ">=1.0.0 <${Number(major(apiVersion)) + 1}.0.0"`,
      }),
    );
  }
  return findings;
}

/** True when some alternative of the range (`||`) accepts versions without limit upwards. */
function isOpenEnded(range: string): boolean {
  return new Range(range, { includePrerelease: true }).set.some(
    (comparators) => !comparators.some((c) => c.operator === '<' || c.operator === '<=' || (c.operator === '' && c.value !== '')),
  );
}

const major = (version: string) => version.split('.')[0] ?? '1';
