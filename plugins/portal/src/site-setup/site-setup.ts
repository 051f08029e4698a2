import { createServiceRef, type RouteRequest } from '@cong/sdk';
import type { Transaction } from 'kysely';
import type { MenuLocation, MenuTargetKind } from '../navigation/navigation-database.js';

/** Vietnamese text with its English translation. */
export interface BlueprintText {
  readonly vi: string;
  readonly en?: string;
}

/** A page a site template gives a unit: created when the unit has no page with its slug. */
export interface BlueprintPage {
  /** Lower-case words joined by `-`; the page is at `/trang/<slug>`. */
  readonly slug: string;
  readonly title: BlueprintText;
  readonly summary?: BlueprintText;
  /** Rich text (HTML); sanitised like an editor's. */
  readonly body: BlueprintText;
  /** The parent page's slug: a page the unit has, or one earlier in the list. */
  readonly parent?: string;
  /** Order among its siblings. Default 0. */
  readonly order?: number;
  /** Put it on the public site at once. Default false (a draft for the unit's editors). */
  readonly publish?: boolean;
}

/** A menu item of a template: what the menu editor takes (two levels). */
export interface BlueprintMenuItem {
  readonly label: BlueprintText;
  /** A category, page or article by slug (a page or category the template creates counts), the legal list, a site path, an https URL. */
  readonly target: { readonly kind: MenuTargetKind; readonly value?: string };
  readonly newTab?: boolean;
  readonly children?: readonly Omit<BlueprintMenuItem, 'children'>[];
}

/**
 * What a site template asks of the portal for one unit. Applying it only ever adds what the unit lacks:
 * a page it has (by slug), a menu it has (by location) or a section it has (by code) is left as it is.
 */
export interface SiteBlueprint {
  /** Parents before children. */
  readonly pages?: readonly BlueprintPage[];
  readonly menus?: Readonly<Partial<Record<MenuLocation, readonly BlueprintMenuItem[]>>>;
  /**
   * Give the unit the sections of the required-information list in force that it lacks, with their
   * categories: what the portal seeds when it is enabled for a unit. Default true.
   */
  readonly mandatedSections?: boolean;
}

/** One thing applying a blueprint creates. */
export interface SiteSetupChange {
  readonly area: 'category' | 'mandated-section' | 'page' | 'menu';
  /** The category's or page's slug, the section's code, the menu's location. */
  readonly key: string;
}

/** Options of {@link SiteSetup.apply}. */
export interface SiteSetupOptions {
  /** The request the template is applied for: the audit entries name its actor. */
  readonly request?: RouteRequest;
  /** The actor when there is no request (a command-line run): an account id, or a word such as `cli`. */
  readonly actorId?: string;
  /**
   * Runs last in the same transaction, after the portal's writes: the caller's own rows (a site
   * registry entry, the unit's hosts). Read and write only through `trx` here.
   */
  readonly within?: (trx: Transaction<any>) => Promise<void>;
}

/**
 * Sets a unit's site up from a template, through the portal's own rules (`@cong/plugin-portal/api`,
 * ref `portal.site-setup`): pages with revisions and audit entries, menus checked like the menu
 * editor's, the required-information sections. Idempotent, and `plan` answers exactly what `apply`
 * then does.
 */
export interface SiteSetup {
  /**
   * What {@link apply} would create for the unit now, reading only. A blueprint that cannot apply to the
   * unit (a menu item pointing at nothing, a parent page that does not exist) is a 400 naming the field,
   * as `apply` would answer.
   */
  plan(tenantId: string, blueprint: SiteBlueprint): Promise<readonly SiteSetupChange[]>;
  /**
   * Creates what the unit lacks, and runs `within`, in one transaction; then indexes the pages it
   * published and drops the unit's cached pages. Returns what it created (nothing on a second call).
   */
  apply(tenantId: string, blueprint: SiteBlueprint, options?: SiteSetupOptions): Promise<readonly SiteSetupChange[]>;
}

export const siteSetupRef = createServiceRef<SiteSetup>({ id: 'portal.site-setup' });
