/**
 * Kinds of organisational unit. Since 1 July 2025 local government has two levels: the province and
 * its communes, wards and special zones; districts, towns and provincial cities (`district`) remain
 * only as archived units for content published before then.
 */
export const TENANT_KINDS = ['province', 'department', 'commune', 'ward', 'special-zone', 'district'] as const;
export type TenantKind = (typeof TENANT_KINDS)[number];

export type TenantStatus = 'active' | 'archived';

/** An organisational unit: the province, a department or agency, a commune-level unit, a legacy district. */
export interface Tenant {
  readonly id: string;
  /** URL-safe name, unique: `so-tai-chinh`. A rename keeps the old slug redirecting. */
  readonly slug: string;
  readonly nameVi: string;
  readonly nameEn: string | null;
  readonly kind: TenantKind;
  readonly parentId: string | null;
  readonly status: TenantStatus;
  /** First day the unit existed (`YYYY-MM-DD`). */
  readonly validFrom: string;
  /** Last day it existed, for archived units. */
  readonly validTo: string | null;
  /** Where its content and hosts went after a merge, split or archive. */
  readonly successorId: string | null;
  /** An archived unit whose own hosts keep serving its archive instead of redirecting to the successor. */
  readonly archiveServed: boolean;
  /** The host it answers on (others redirect to it), if any. */
  readonly primaryHost: string | null;
  readonly aliasHosts: readonly string[];
  /** Origins (`https://example.vn`) whose pages may call the unit's widget endpoints. */
  readonly allowedOrigins: readonly string[];
}

/** What creating a tenant needs. */
export interface NewTenant {
  readonly slug: string;
  readonly nameVi: string;
  readonly nameEn?: string | null;
  readonly kind: TenantKind;
  readonly parentId?: string | null;
  readonly validFrom?: string;
  readonly primaryHost?: string | null;
  readonly aliasHosts?: readonly string[];
}
