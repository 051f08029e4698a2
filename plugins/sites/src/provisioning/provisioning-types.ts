import type { UnitKind } from '../registry/site.schema.js';

/** Where a run takes its units from. */
export type ProvisioningSource =
  /** Every active unit under `root` (the request's unit by default), optionally only some kinds. */
  | { readonly tree: { readonly root?: string; readonly kinds?: readonly UnitKind[]; readonly includeRoot?: boolean } }
  /** A CSV file's text: see provisioning-csv.ts for its columns. */
  | { readonly csv: string };

/** What a provisioning run is asked. */
export interface ProvisioningRequest {
  readonly source: ProvisioningSource;
  /** Every site's template; without it a CSV row's, a site's own, or the default of its unit's kind. */
  readonly template?: string;
  /** The status of the sites a run creates (a CSV row may say its own). Default `draft`. */
  readonly initialStatus?: 'draft' | 'live';
  /** Report what would change and write nothing. */
  readonly dryRun?: boolean;
}

export type SiteAction = 'create' | 'update' | 'unchanged' | 'error';

/** One unit's line of the report. */
export interface SiteReport {
  /** The CSV line, for a CSV source. */
  readonly line: number | null;
  readonly unitId: string | null;
  readonly slug: string;
  readonly name: string | null;
  readonly action: SiteAction;
  readonly template: string | null;
  /** What changes, one item each: `site: create (draft)`, `host: sotaichinh.quangtri.gov.vn (primary)`, `page: gioi-thieu`… */
  readonly changes: readonly string[];
  readonly error: { readonly code: string; readonly message: string } | null;
}

/** A run's answer: the same for a dry run and for the real run that follows it. */
export interface ProvisioningReport {
  readonly dryRun: boolean;
  readonly domain: string;
  /** The per-site roles the templates use: created now (or in the real run), or already there. */
  readonly roles: readonly { readonly id: string; readonly action: 'create' | 'unchanged' }[];
  readonly counts: Readonly<Record<SiteAction, number>>;
  readonly sites: readonly SiteReport[];
}
