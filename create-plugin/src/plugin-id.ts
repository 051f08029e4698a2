import { SCAFFOLD_ERR_ID_INVALID, SCAFFOLD_ERR_ID_RESERVED } from './errors.js';

/**
 * The core's rule for a plugin id (`cong.id` in the manifest schema `@cong/sdk` ships): a lowercase
 * letter, then 1–30 lowercase letters, digits or hyphens. A test checks it against the sdk's schema.
 */
export const PLUGIN_ID_PATTERN = /^[a-z][a-z0-9-]{1,30}$/;

/**
 * Ids the scaffolder refuses although the pattern allows them, with the reason. `core` owns the
 * kernel's migrations, events and audit entries; the others are the first words of the URLs the core
 * serves, the `cong` CLI's own commands (a plugin's commands run as `cong <id> …`), and the
 * first-party plugins of this repository.
 */
type Reason = { readonly vi: string; readonly en: string };

export const RESERVED_PLUGIN_IDS: ReadonlyMap<string, Reason> = new Map<string, Reason>([
  ...['core', 'cong', 'sdk'].map((id) => [id, { vi: 'tên của lõi', en: 'a name of the core' }] as [string, Reason]),
  ...['api', 'admin', 'widgets', 'healthz', 'readyz', 'openapi', 'static', 'assets'].map((id) => [id, { vi: 'đường dẫn của lõi', en: 'a path the core serves' }] as [string, Reason]),
  ...['start', 'migrate', 'rollback', 'db', 'outbox', 'tenants', 'users', 'plugins', 'plugin', 'help', 'create-plugin'].map(
    (id) => [id, { vi: 'một lệnh của cong', en: 'a cong command' }] as [string, Reason],
  ),
  ...['portal', 'sites', 'gazette', 'qa'].map((id) => [id, { vi: 'plugin chính thức của Cổng', en: 'a first-party Cổng plugin' }] as [string, Reason]),
]);

/** Why `id` cannot be a plugin id, in Vietnamese and English; undefined when it can. */
export function pluginIdProblem(id: string): { readonly vi: string; readonly en: string } | undefined {
  if (id.length === 0) return { vi: 'mã đang trống', en: 'it is empty' };
  if (!/^[a-z]/.test(id)) return { vi: 'phải bắt đầu bằng chữ thường a–z', en: 'it must start with a lowercase letter a–z' };
  if (/[^a-z0-9-]/.test(id)) return { vi: 'chỉ dùng chữ thường a–z, chữ số và dấu gạch ngang (không dấu, không khoảng trắng)', en: 'use only lowercase letters a–z, digits and hyphens (no diacritics, no spaces)' };
  if (id.length < 2) return { vi: 'cần ít nhất 2 ký tự', en: 'it needs at least 2 characters' };
  if (id.length > 31) return { vi: 'dài quá 31 ký tự', en: 'it is longer than 31 characters' };
  // Stricter than the manifest: the id begins custom element tags (`<id>-item-list`), where a
  // trailing or doubled hyphen is not a valid tag.
  if (/--|-$/.test(id)) return { vi: 'không kết thúc bằng "-" và không có "--" (mã là tiền tố của thẻ HTML)', en: 'it may not end with "-" or contain "--" (it prefixes HTML tags)' };
  return undefined;
}

/** Throws SCAFFOLD_ERR_ID_INVALID or SCAFFOLD_ERR_ID_RESERVED when `id` cannot be a new plugin's id. */
export function assertPluginId(id: string): void {
  const problem = pluginIdProblem(id);
  if (problem) throw SCAFFOLD_ERR_ID_INVALID.create({ id, reasonVi: problem.vi, reasonEn: problem.en });
  const reserved = RESERVED_PLUGIN_IDS.get(id);
  if (reserved) throw SCAFFOLD_ERR_ID_RESERVED.create({ id, whyVi: reserved.vi, whyEn: reserved.en });
}
