import type { LocalizedText, RouteRequest } from '../http/route.js';

/** A role as plugins see it: a named set of permissions (`*` and `<plugin>.*` are wildcards). */
export interface RoleInfo {
  readonly id: string;
  readonly label: LocalizedText;
  readonly permissions: readonly string[];
  /** `super-admin`, `unit-admin` and `auditor`: they cannot be deleted. */
  readonly builtin: boolean;
}

/** A role a plugin needs to exist, as {@link AccessService.ensureRole} takes it. */
export interface RoleDefinition {
  /** 2–60 lower-case letters, digits and `-`, starting with a letter: `site-editor`. */
  readonly id: string;
  readonly label: LocalizedText;
  /** Permissions that exist (the core's or an installed plugin's); `<plugin>.*` covers a plugin. */
  readonly permissions: readonly string[];
}

/** A grant of a role in one unit, as {@link AccessService.holders} reads it. */
export interface RoleHolder {
  readonly tenantId: string;
  readonly userId: string;
  readonly roleId: string;
  /** Whether the grant reaches the units below (the core's `subtree` grants). */
  readonly subtree: boolean;
}

/**
 * Roles, as a plugin may read and seed them. Roles are one list for the platform; granting one to a
 * person stays with the core's grant API (`POST /api/core/grants`), which refuses to hand out a
 * permission the granter does not hold. Creating a role hands nothing to anyone.
 */
export interface AccessService {
  /** Every role of the platform, by id. */
  roles(): Promise<readonly RoleInfo[]>;
  /**
   * Creates the role when no role has this id, audited as `core.role.create` (with the request's actor
   * when given); an existing role is left exactly as it is, since an admin may have changed it.
   * An unknown permission answers 400. Returns the role as it now is and whether it was created.
   */
  ensureRole(role: RoleDefinition, options?: { readonly request?: RouteRequest }): Promise<{ readonly role: RoleInfo; readonly created: boolean }>;
  /**
   * Who holds these roles in these units: the grants made in each unit itself (not the ones inherited
   * from a parent's subtree grant), in one read for any number of units. Empty lists answer `[]`.
   * Order: unit, role, user.
   */
  holders(query: { readonly tenantIds: readonly string[]; readonly roleIds: readonly string[] }): Promise<readonly RoleHolder[]>;
  /**
   * How to reach these people, for notifications a plugin sends about their work (a proposal decided,
   * a notice received): name and e-mail of each active account among `userIds`. Unknown, disabled and
   * e-mail-less accounts are left out; at most 1,000 ids per call. Use the address only to notify.
   */
  contacts(userIds: readonly string[]): Promise<readonly PersonContact[]>;
}

/** An active account's name and e-mail address, as {@link AccessService.contacts} gives it. */
export interface PersonContact {
  readonly userId: string;
  readonly displayName: string;
  readonly email: string;
}
