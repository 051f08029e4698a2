import type { Transaction } from 'kysely';
import type { AuditService, RouteRequest } from '@cong/sdk';
import type { Tenant } from './tenant.js';
import type { TenantDirectory, TenantHostSet } from './tenant-directory.js';

/** The hosts of a unit, as audit entries show them. */
const hostsOf = (t: Pick<Tenant, 'primaryHost' | 'aliasHosts'>) => ({ primaryHost: t.primaryHost, aliasHosts: t.aliasHosts });

/**
 * Replaces a unit's hosts and records `core.tenant.hosts` (before and after) in the same transaction:
 * the one path for the admin API (`PATCH /api/core/tenants/:id`) and for plugins
 * (`coreServices.tenancy.setHosts`), so both get the same checks, audit and cache invalidation.
 * Given `trx`, everything joins that transaction. An unchanged set writes and records nothing.
 */
export async function setTenantHosts(
  deps: { readonly tenants: TenantDirectory; readonly audit: AuditService },
  id: string,
  hosts: TenantHostSet,
  options: { readonly request?: RouteRequest; readonly trx?: Transaction<any> } = {},
): Promise<Tenant> {
  const { tenant } = await deps.tenants.setHosts(id, hosts, {
    ...(options.trx ? { trx: options.trx } : {}),
    within: (trx, after, before) =>
      deps.audit.record(
        { action: 'core.tenant.hosts', objectType: 'tenant', objectId: after.id, tenantId: after.id, before: hostsOf(before), after: hostsOf(after) },
        { trx, ...(options.request ? { request: options.request } : {}) },
      ),
  });
  return tenant;
}
