// The shapes of the mandated-information API as the admin elements read them (the admin never
// imports server code).

export type ComplianceStatus = 'ok' | 'empty' | 'stale' | 'english-missing' | 'not-applicable';
export type SectionSource = 'legal' | 'category' | 'organisation' | 'link' | 'generated';
export type DeadlineStatus = 'pending' | 'met' | 'late' | 'overdue';

/** Writes of the area; reading takes it or a content permission. */
export const COMPLIANCE_MANAGE = 'portal.compliance.manage';
export const COMPLIANCE_READERS = [COMPLIANCE_MANAGE, 'portal.content.write', 'portal.content.approve'] as const;
/** The nav route of `<portal-compliance-page>`. */
export const COMPLIANCE_ROUTE = '/portal/thong-tin-bat-buoc';

export interface SectionCompliance {
  readonly code: string;
  readonly name: { readonly vi: string; readonly en: string };
  readonly basis: string;
  readonly source: SectionSource;
  readonly status: ComplianceStatus;
  readonly itemCount: number;
  readonly lastUpdate: string | null;
  readonly staleAfterDays: number | null;
  readonly englishStale: number;
  readonly notApplicableReason: string | null;
  readonly linkUrl: string | null;
  readonly sitePath: string | null;
  readonly note: string | null;
}

export interface ComplianceReport {
  readonly unit: { readonly id: string; readonly slug: string; readonly name: { readonly vi: string; readonly en: string | null } };
  readonly summary: Readonly<Record<ComplianceStatus, number>> & { readonly total: number };
  readonly items: readonly SectionCompliance[];
}

export interface Deadline {
  readonly id: string;
  readonly subject: { readonly type: 'article' | 'legal' | 'text'; readonly id: string | null; readonly title: string };
  readonly kind: string;
  readonly rule: { readonly name: string; readonly version: string; readonly days: number };
  readonly originDate: string;
  readonly dueDate: string;
  readonly metAt: string | null;
  readonly status: DeadlineStatus;
}

export interface DeadlinePage {
  readonly items: readonly Deadline[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  /** The Vietnam date the statuses were judged on. */
  readonly today: string;
}

export const DEADLINE_KINDS = ['default', 'legalOwnPortal', 'legalOtherPortal', 'dissemination', 'plans', 'science', 'statistics'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
