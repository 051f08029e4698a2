import type { ApiClient } from './api-client.js';

/** The unit the admin shell is working in, as a contributed element receives it (`tenant` property). */
export interface AdminTenant {
  readonly id: string;
  readonly slug: string;
  readonly nameVi: string;
  readonly nameEn: string | null;
  readonly kind: string;
}

/** The signed-in account, as a contributed element receives it (`user` property). */
export interface AdminUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string | null;
  /** The permissions the account holds in the current unit (`hello.write`, …). */
  readonly permissions: readonly string[];
}

/**
 * What the shell sets on every element a plugin contributes (nav page, zone slot, settings page)
 * before it is connected, and again when the unit changes: `tenant`, `user` and `api` (an
 * {@link ApiClient} already bound to `tenant`).
 */
export interface AdminContributionProps {
  tenant: AdminTenant;
  user: AdminUser;
  api: ApiClient;
}
