import { findingsOf, type Finding } from '../finding.js';
import type { PluginPackage } from '../plugin-package.js';
import type { PluginRegistration } from '../read-registration.js';

const finding = findingsOf('migrations-down');

/**
 * Every migration `register` declares has a `down`: `cong rollback` is how an operator backs out of
 * an upgrade, and the core refuses a plugin whose migration cannot be undone.
 */
export function checkMigrationsDown(plugin: PluginPackage, registration: PluginRegistration): Finding[] {
  // A plugin that cannot be read is reported once, by the route-schemas rule.
  if (!registration.ok) return [];
  return Object.entries(registration.migrations)
    .filter(([, migration]) => typeof migration?.down !== 'function')
    .map(([name]) => {
      const at = plugin.locate(name);
      return finding('error', at?.file ?? plugin.entry, at?.line, {
        vi: `Migration ${name} không có hàm down: không thể hoàn tác bằng cong rollback`,
        en: `Migration ${name} has no down function: cong rollback cannot undo it`,
      }, {
        vi: 'Thêm down(db) làm ngược lại up (xoá bảng, cột, chỉ mục mà up tạo ra)',
        en: 'Add down(db) undoing what up does (drop the tables, columns and indexes it creates)',
      });
    });
}
