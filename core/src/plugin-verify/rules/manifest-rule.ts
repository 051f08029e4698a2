import { validateManifest, type PluginManifest } from '@cong/sdk';
import { findingsOf, type Finding } from '../finding.js';
import type { PluginPackage } from '../plugin-package.js';

const finding = findingsOf('manifest');

/**
 * The `cong` block of package.json: the core's own validator (`validateManifest`, the schema and its
 * rules: id format, permissions and tags prefixed with the id), then what the platform would only
 * find out later: a display name in both languages, and nav entries and slots needing permissions
 * the manifest declares.
 */
export function checkManifest(plugin: PluginPackage): Finding[] {
  const { cong } = plugin.pkg;
  if (cong === undefined) {
    return [
      finding('error', 'package.json', 1, { vi: 'package.json không có khối "cong": đây chưa phải là một plugin', en: 'package.json has no "cong" block: this is not a plugin' }, {
        vi: 'Thêm "cong": { "id": "<id>", "pluginApi": "^1.0.0" } (xem docs/guides/writing-a-plugin.md)',
        en: 'Add "cong": { "id": "<id>", "pluginApi": "^1.0.0" } (see docs/guides/writing-a-plugin.md)',
      }),
    ];
  }
  const result = validateManifest(cong);
  if (!result.valid) {
    // A pluginApi that is not a range is the plugin-api-range rule's finding.
    return result.errors.filter((issue) => !(issue.pointer === '/pluginApi' && issue.keyword === 'cong')).map((issue) =>
      finding('error', 'package.json', plugin.lineOf(`/cong${issue.pointer}`), {
        vi: `cong${dotted(issue.pointer)}: ${issue.message} (theo lược đồ manifest của lõi)`,
        en: `cong${dotted(issue.pointer)} ${issue.message}`,
      }, {
        vi: 'Sửa trường này theo sdk/schemas/manifest.schema.json; `cong plugins list` báo cùng lỗi khi khởi động',
        en: 'Fix this field as sdk/schemas/manifest.schema.json says; the platform refuses the plugin at boot otherwise',
      }),
    );
  }
  return [...checkName(plugin, result.manifest), ...checkNavPermissions(plugin, result.manifest)];
}

function checkName(plugin: PluginPackage, manifest: PluginManifest): Finding[] {
  if (manifest.name === undefined) {
    return [
      finding('warning', 'package.json', plugin.lineOf('/cong'), { vi: 'cong.name không có: trang quản trị sẽ hiện id của plugin', en: 'cong.name is missing: the admin shell shows the plugin id instead' }, {
        vi: 'Thêm "name": { "vi": "…", "en": "…" } vào khối cong',
        en: 'Add "name": { "vi": "…", "en": "…" } to the cong block',
      }),
    ];
  }
  if (manifest.name.en === undefined) {
    return [
      finding('warning', 'package.json', plugin.lineOf('/cong/name'), { vi: 'cong.name thiếu tên tiếng Anh (en)', en: 'cong.name has no English name (en)' }, {
        vi: 'Thêm "en" vào cong.name', en: 'Add "en" to cong.name',
      }),
    ];
  }
  return [];
}

function checkNavPermissions(plugin: PluginPackage, manifest: PluginManifest): Finding[] {
  const declared = new Set((manifest.permissions ?? []).map((p) => p.id));
  const entries = [
    ...(manifest.admin?.nav ?? []).map((entry, i) => ({ pointer: `/admin/nav/${i}/permission`, permission: entry.permission })),
    ...(manifest.admin?.slots ?? []).map((slot, i) => ({ pointer: `/admin/slots/${i}/permission`, permission: slot.permission })),
  ];
  return entries
    .filter((e) => e.permission !== undefined && !declared.has(e.permission))
    .map((e) =>
      finding('error', 'package.json', plugin.lineOf(`/cong${e.pointer}`), {
        vi: `cong${dotted(e.pointer)} dùng quyền "${e.permission}" nhưng cong.permissions không khai báo quyền này`,
        en: `cong${dotted(e.pointer)} needs permission "${e.permission}", which cong.permissions does not declare`,
      }, {
        vi: `Khai báo "${e.permission}" trong cong.permissions (có label vi/en), hoặc dùng một quyền đã khai báo`,
        en: `Declare "${e.permission}" in cong.permissions (with a vi/en label), or use a declared permission`,
      }),
    );
}

/** `/admin/nav/0/id` → `.admin.nav.0.id`. */
const dotted = (pointer: string) => pointer.replace(/\//g, '.');
