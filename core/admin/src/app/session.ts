import { ApiError, adminLanguage, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';

/** The signed-in account as `GET /api/core/auth/me` returns it. */
export interface MeUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly email?: string | null;
  readonly isSuperAdmin: boolean;
  readonly totpEnabled: boolean;
  /** From `/auth/me`: two-factor sign-in must be turned on before anything else (`auth.requireTotpForSuperAdmins`). */
  readonly mustEnrolTotp?: boolean;
  /** From `/auth/me`: the units where the account holds a role. */
  readonly unitIds?: readonly string[];
}

/** A unit as `GET /api/core/tenants` lists it. */
export interface TenantRecord extends AdminTenant {
  readonly parentId: string | null;
  readonly status: 'active' | 'archived';
}

/** A plugin's display name from its manifest (`cong.name`): Vietnamese, English optional. */
export interface PluginDisplayName {
  readonly vi: string;
  readonly en?: string;
}

/** What the shell calls a plugin: its name in the shell's language (English falls back to Vietnamese), or its id when the manifest gives none. */
export function pluginName(id: string, name: PluginDisplayName | null | undefined): string {
  if (!name) return id;
  return adminLanguage() === 'en' ? (name.en ?? name.vi) : name.vi;
}

/** One plugin of `GET /api/core/admin/manifest`. */
export interface ManifestPlugin {
  readonly id: string;
  /** The manifest's display name; null when it has none. */
  readonly name: PluginDisplayName | null;
  readonly version: string;
  readonly state: string;
  /** URL of the admin bundle; null when the plugin did not start. */
  readonly module: string | null;
  readonly nav: readonly { readonly id: string; readonly label: { readonly vi: string; readonly en?: string }; readonly route: string; readonly element: string; readonly icon?: string; readonly order?: number }[];
  readonly slots: readonly { readonly zone: string; readonly element: string; readonly order?: number }[];
  readonly settings: boolean;
}

/** What the shell shows the user in a unit: enabled plugins' contributions and the permissions held there. */
export interface AdminManifest {
  readonly tenantId: string | null;
  readonly permissions: readonly string[];
  readonly plugins: readonly ManifestPlugin[];
}

export const ME_PATH = '/api/core/auth/me';
export const TENANTS_PATH = '/api/core/tenants';
export const MANIFEST_PATH = '/api/core/admin/manifest';

/** The account, or rejects with the ApiError (401 when signed out). */
export async function fetchMe(api: ApiClient): Promise<MeUser> {
  const me = await api.get<{ user: MeUser; mustEnrolTotp?: boolean; unitIds?: string[] }>(ME_PATH);
  return { ...me.user, mustEnrolTotp: me.mustEnrolTotp === true, unitIds: me.unitIds ?? [] };
}

/** All active units (up to 500, the API's page limit). */
export async function fetchTenants(api: ApiClient): Promise<TenantRecord[]> {
  return (await api.get<{ items: TenantRecord[] }>(TENANTS_PATH, { query: { limit: 500, status: 'active' } })).items;
}

/** The manifest of the unit `api` is bound to. */
export function fetchManifest(api: ApiClient, signal?: AbortSignal): Promise<AdminManifest> {
  return api.get<AdminManifest>(MANIFEST_PATH, signal ? { signal } : {});
}

/** The `user` property contributed elements receive: the account with its permissions in the unit. */
export function adminUser(me: MeUser, manifest: AdminManifest | undefined): AdminUser {
  return { id: me.id, username: me.username, displayName: me.displayName || null, permissions: manifest?.permissions ?? [] };
}

/** The `tenant` property contributed elements receive. */
export function adminTenant(t: TenantRecord): AdminTenant {
  return { id: t.id, slug: t.slug, nameVi: t.nameVi, nameEn: t.nameEn, kind: t.kind };
}

/** The unit to start in: the `?tenant=` slug, the remembered one, or the root of the tree (the province). */
export function initialTenant(tenants: readonly TenantRecord[], fromUrl: string | null, remembered: string | null): TenantRecord | undefined {
  const by = (name: string | null) => (name ? tenants.find((t) => t.slug === name || t.id === name) : undefined);
  return by(fromUrl) ?? by(remembered) ?? tenants.find((t) => t.parentId === null && t.kind === 'province') ?? tenants.find((t) => t.parentId === null) ?? tenants[0];
}

/** Whether the account must enrol in two-factor sign-in before doing anything else (the server says so in `/auth/me`). */
export function mustEnrolTotp(me: MeUser): boolean {
  return me.mustEnrolTotp === true;
}

/**
 * The units list, read in the first unit the account may work in: the one the address names, the
 * remembered one, the province, then each unit where it holds a role (an account with roles only in a
 * commune gets 404 at the province). Returns the list and the unit it was read in.
 */
export async function fetchTenantsSomewhere(api: ApiClient, me: MeUser, candidates: readonly (string | null)[]): Promise<{ tenants: TenantRecord[]; from: string | undefined }> {
  const order = [...new Set([...candidates.filter((c): c is string => Boolean(c)), '', ...(me.unitIds ?? [])])];
  let last: unknown;
  for (const unit of order) {
    try {
      return { tenants: await fetchTenants(unit ? api.withTenant(unit) : api), from: unit || undefined };
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) throw error;
      last = error;
    }
  }
  throw last;
}
