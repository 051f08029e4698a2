import type { LocalizedText } from '@cong/sdk';

/** Permissions of the core's own admin API; plugins declare theirs in their manifests. */
export const CORE_PERMISSIONS: readonly { readonly id: string; readonly label: LocalizedText }[] = [
  { id: 'core.users.manage', label: { vi: 'Quản lý tài khoản', en: 'Manage user accounts' } },
  { id: 'core.access.manage', label: { vi: 'Phân quyền', en: 'Manage roles and grants' } },
  { id: 'core.tenants.manage', label: { vi: 'Quản lý đơn vị', en: 'Manage organisational units' } },
  { id: 'core.modules.manage', label: { vi: 'Bật/tắt chức năng cho đơn vị', en: 'Enable and disable plugins per unit' } },
  { id: 'core.audit.read', label: { vi: 'Xem nhật ký thao tác', en: 'Read the audit log' } },
  { id: 'core.calendar.manage', label: { vi: 'Quản lý lịch nghỉ lễ', en: 'Manage public holidays' } },
  { id: 'core.rules.manage', label: { vi: 'Quản lý tham số pháp lý', en: 'Manage legal rule versions' } },
  { id: 'core.mail.read', label: { vi: 'Xem hộp thư đi', en: 'Read the mail outbox' } },
  { id: 'core.settings.manage', label: { vi: 'Cấu hình chức năng', en: 'Change plugin settings' } },
];

/** Roles every platform has. Admins add their own; these cannot be deleted. */
export const BUILTIN_ROLES: readonly { readonly id: string; readonly label: LocalizedText; readonly permissions: readonly string[] }[] = [
  { id: 'super-admin', label: { vi: 'Quản trị hệ thống', en: 'System administrator' }, permissions: ['*'] },
  {
    id: 'unit-admin',
    label: { vi: 'Quản trị đơn vị', en: 'Unit administrator' },
    permissions: ['core.users.manage', 'core.access.manage', 'core.modules.manage', 'core.audit.read', 'core.settings.manage'],
  },
  { id: 'auditor', label: { vi: 'Kiểm tra, giám sát', en: 'Auditor' }, permissions: ['core.audit.read'] },
];
