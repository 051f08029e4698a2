import type { AccessControl } from '../access/access-control.js';
import type { AuthServices } from '../auth/create-auth-services.js';
import { generatePassphrase } from '../auth/generate-passphrase.js';
import type { TenantDirectory } from '../tenancy/tenant-directory.js';

/**
 * The demo's first account: `admin`, super-admin of the province, with a random passphrase that the
 * CLI prints once. Created only while no account exists, so a restart prints nothing and keeps it.
 */
export async function createDemoAdmin(auth: AuthServices, access: AccessControl, tenants: TenantDirectory): Promise<{ username: string; password: string } | undefined> {
  if (await auth.users.findByUsername('admin')) return undefined;
  const password = generatePassphrase();
  const user = await auth.users.create({ username: 'admin', password, displayName: 'Quản trị hệ thống', isSuperAdmin: true });
  const province = await tenants.root();
  if (province) await access.grant({ userId: user.id, tenantId: province.id, roleId: 'super-admin', subtree: true, createdBy: 'demo' });
  return { username: 'admin', password };
}
