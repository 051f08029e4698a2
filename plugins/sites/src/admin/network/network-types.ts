/** The API's shapes, as the network page reads them (see src/network/network.schema.ts). */
export type SiteStatus = 'draft' | 'live' | 'suspended' | 'archived';
export type LinkStatus = 'unchecked' | 'ok' | 'failing' | 'broken';
export const SITE_STATUSES: readonly SiteStatus[] = ['draft', 'live', 'suspended', 'archived'];
export const UNIT_KINDS = ['province', 'department', 'commune', 'ward', 'special-zone', 'district'] as const;
export const SORTS = ['name', 'lastUpdate', 'published', 'emptySections', 'staleEnglish', 'editors', 'brokenLinks', 'uptime'] as const;
export type Sort = (typeof SORTS)[number];

export interface DashboardRow {
  siteId: string;
  unit: { id: string; slug: string; nameVi: string; kind: string };
  status: SiteStatus;
  primaryHost: string | null;
  lastUpdate: string | null;
  stale: boolean;
  publishedLast30Days: number;
  mandatedSections: number;
  emptyMandatedSections: number;
  staleEnglish: number;
  editors: { total: number; admins: number; editors: number; authors: number };
  brokenLinks: number;
  uptime: number | null;
}

export interface DashboardPage {
  items: DashboardRow[];
  total: number;
  limit: number;
  offset: number;
  staleAfterDays: number;
  uptimeAvailable: boolean;
  flagged: number;
}

export interface SiteLink {
  id: string;
  url: string;
  status: LinkStatus;
  httpStatus: number | null;
  error: string | null;
  failures: number;
  lastCheckedAt: string | null;
  occurrences: { itemType: 'article' | 'page'; itemId: string; title: string; path: string }[];
}

export interface LinkPage {
  items: SiteLink[];
  total: number;
  limit: number;
  offset: number;
}
