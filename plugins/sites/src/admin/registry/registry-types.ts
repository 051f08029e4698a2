/** The registry API's shapes, as the admin reads them (mirrors src/registry/site.schema.ts). */
export const API = '/api/sites';
export const NETWORK = 'sites.network.manage';

export type SiteStatus = 'draft' | 'live' | 'suspended' | 'archived';
export const SITE_STATUSES: readonly SiteStatus[] = ['draft', 'live', 'suspended', 'archived'];
/** Where each status may go (the server's rule, shown as the choices). */
export const NEXT_STATUSES: Readonly<Record<SiteStatus, readonly SiteStatus[]>> = {
  draft: ['live', 'archived'],
  live: ['draft', 'suspended', 'archived'],
  suspended: ['live', 'archived'],
  archived: ['draft'],
};
export const UNIT_KINDS = ['department', 'commune', 'ward', 'special-zone', 'province'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface Site {
  readonly id: string;
  readonly unit: { readonly id: string; readonly slug: string; readonly nameVi: string; readonly nameEn: string | null; readonly kind: string };
  readonly status: SiteStatus;
  readonly template: string;
  readonly goLiveOn: string | null;
  readonly notes: string | null;
  readonly statusReason: string | null;
  readonly statusChangedAt: string;
  readonly primaryHost: string | null;
  readonly aliasHosts: readonly string[];
  readonly suggestedHost: string | null;
}

export interface SiteDetail extends Site {
  readonly history: readonly { readonly from: SiteStatus | null; readonly to: SiteStatus; readonly reason: string | null; readonly actorId: string; readonly at: string }[];
}

export interface SiteTemplateInfo {
  readonly id: string;
  readonly label: { readonly vi: string; readonly en: string };
  readonly kinds: readonly string[];
}

export type SiteAction = 'create' | 'update' | 'unchanged' | 'error';

export interface ProvisioningReport {
  readonly dryRun: boolean;
  readonly domain: string;
  readonly roles: readonly { readonly id: string; readonly action: 'create' | 'unchanged' }[];
  readonly counts: Readonly<Record<SiteAction, number>>;
  readonly sites: readonly {
    readonly line: number | null;
    readonly slug: string;
    readonly name: string | null;
    readonly action: SiteAction;
    readonly template: string | null;
    readonly changes: readonly string[];
    readonly error: { readonly code: string; readonly message: string } | null;
  }[];
}
