import type { SiteBlueprint, ThemeTokens } from '@cong/plugin-portal/api';
import type { SiteRoleId } from './site-roles.js';

/**
 * A site template: what a new component site starts with. Applying it goes through the portal's
 * site setup (`portal.site-setup`), which only adds what a unit lacks.
 */
export interface SiteTemplate {
  /** Lower-case letters and `-`: stored with each site provisioned from it. */
  readonly id: string;
  readonly label: { readonly vi: string; readonly en: string };
  /** Unit kinds that get this template when a run names none. */
  readonly kinds: readonly string[];
  /** Pages, menus and the required-information sections. */
  readonly blueprint: SiteBlueprint;
  /** Theme tokens of its sites (the central header and footer stay the province's, TEN-06). */
  readonly theme: Partial<ThemeTokens>;
  /** The per-site roles its sites use: created when missing. */
  readonly roles: readonly SiteRoleId[];
}
