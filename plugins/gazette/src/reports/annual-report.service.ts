import { coreServices, UnitLookup, type LocalizedText, type PluginContext } from '@cong/sdk';
import { DOCUMENT_TYPES } from '../intake/document-types.js';
import { vietnamDate } from '../intake/vietnam-date.js';
import type { CorrectionCase } from '../publication/publication-database.js';
import { issueLabel } from '../publication/issue-views.js';
import { publicationDb, type PublicationDb } from '../publication/publication-store.js';
import { ANNUAL_REPORT_RULE, reportDueDate, type AnnualReportRuleValue } from './annual-report-rules.js';
import { TOTAL_KEYS, TOTAL_LABELS, type AnnualReport, type AnnualReportTotals, type ReportBasis, type ReportCell, type ReportTable } from './annual-report.schema.js';
import type { ReportPeriod } from './report-period.js';

/** `IN (…)` lists stay below every engine's parameter limit. */
const CHUNK = 500;

type Label = LocalizedText & { readonly en: string };

const CASE_LABELS: Readonly<Record<CorrectionCase, Label>> = {
  'issuer-before': TOTAL_LABELS.correctionsIssuerBefore,
  'issuer-after': TOTAL_LABELS.correctionsIssuerAfter,
  office: TOTAL_LABELS.correctionsOffice,
};

/** What the report needs of a submission (dates as stored: `YYYY-MM-DD` Vietnam days, epoch ms). */
interface SubmissionFacts {
  readonly id: string;
  readonly tenant_id: string;
  readonly origin: string;
  readonly document_type: string;
  readonly issuing_agency: string;
  readonly sent_on: string | null;
  readonly send_due: string | null;
  readonly publish_due: string | null;
  readonly published_at: number | string | null;
  readonly withdrawn_at: number | string | null;
}

/** How a published document fared against its deadlines (GAZ-01: who was late). */
interface Timeliness {
  readonly onTime: boolean;
  readonly sentLate: boolean;
  readonly inaccurateLate: boolean;
  readonly officeLate: boolean;
}

/** Counts per issuing unit, the per-issuer table's row. */
interface IssuerCounts {
  received: number;
  returned: number;
  published: number;
  onTime: number;
  sentLate: number;
  inaccurateLate: number;
  officeLate: number;
  pending: number;
}

const inPeriod = (ms: number | string | null, period: ReportPeriod) => ms !== null && Number(ms) >= period.startMs && Number(ms) < period.endMs;
const dayInPeriod = (day: string | null, period: ReportPeriod) => day !== null && day >= period.from && day <= period.to;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

const byVietnamese = (a: string, b: string) => a.localeCompare(b, 'vi');

/**
 * The annual report on the gazette work to the Government Office (GAZ-32), computed from the office's
 * own records for a period: what was received (by issuing agency and type), compared, published on
 * time or late and by whose fault, still pending at the end; the issues; the corrections by case and
 * cause; and a table per issuing unit.
 *
 * Lateness follows the submission timeline (GAZ-01) and the deadlines it recorded: a document is
 * **sent late** when it reached the office after its sending deadline (the issuer's fault); it is
 * **published late** when its publication day is after its publication deadline, which is the issuer's
 * fault when the office had returned it for discrepancies (an inaccurate copy) and the office's
 * otherwise. A document can be late on both counts; it is counted once in `publishedLate`.
 */
export class AnnualReportService {
  readonly #db: PublicationDb;

  constructor(private readonly ctx: PluginContext) {
    this.#db = publicationDb(ctx);
  }

  async build(officeId: string, period: ReportPeriod): Promise<AnnualReport> {
    const submissions = await this.#submissions(officeId, period);
    const received = submissions.filter((s) => dayInPeriod(s.sent_on, period));
    const published = submissions.filter((s) => inPeriod(s.published_at, period));
    const pending = submissions.filter((s) => s.sent_on !== null && s.sent_on <= period.to && !(s.published_at !== null && Number(s.published_at) < period.endMs) && !(s.withdrawn_at !== null && Number(s.withdrawn_at) < period.endMs));
    const withdrawn = submissions.filter((s) => inPeriod(s.withdrawn_at, period));

    const rounds = await this.#db
      .selectFrom('gazette_comparison_rounds')
      .select(['submission_id', 'status'])
      .where('office_id', '=', officeId)
      .where('decided_at', '>=', period.startMs)
      .where('decided_at', '<', period.endMs)
      .execute();
    const returnedInPeriod = new Set(rounds.filter((r) => r.status === 'returned').map((r) => r.submission_id));
    const everReturned = await this.#everReturned(officeId, published.map((s) => s.id));
    const timeliness = new Map(published.map((s) => [s.id, this.#timeliness(s, everReturned.has(s.id))]));

    const issues = await this.#db
      .selectFrom('gazette_issues')
      .selectAll()
      .where('office_id', '=', officeId)
      .where('status', '=', 'published')
      .where('publication_date', '>=', period.from)
      .where('publication_date', '<=', period.to)
      .orderBy('year')
      .orderBy('number_from')
      .execute();
    const entryCounts = await this.#entryCounts(issues.map((i) => i.id));

    const corrections = await this.#db
      .selectFrom('gazette_corrections')
      .select(['id', 'case_kind', 'reason', 'correction_document_id'])
      .where('office_id', '=', officeId)
      .where('created_at', '>=', period.startMs)
      .where('created_at', '<', period.endMs)
      .orderBy('created_at')
      .execute();

    const lateness = [...timeliness.values()];
    const totals: AnnualReportTotals = {
      received: received.length,
      receivedFromIssuers: received.filter((s) => s.origin === 'issuer').length,
      receivedByOffice: received.filter((s) => s.origin === 'office').length,
      comparisonRoundsPassed: rounds.filter((r) => r.status === 'passed').length,
      comparisonRoundsReturned: rounds.filter((r) => r.status === 'returned').length,
      documentsWithDiscrepancies: returnedInPeriod.size,
      published: published.length,
      publishedOnTime: lateness.filter((t) => t.onTime).length,
      publishedLate: lateness.filter((t) => !t.onTime).length,
      lateSentByIssuer: lateness.filter((t) => t.sentLate).length,
      lateInaccurateByIssuer: lateness.filter((t) => t.inaccurateLate).length,
      latePublishedByOffice: lateness.filter((t) => t.officeLate).length,
      pendingAtEnd: pending.length,
      withdrawn: withdrawn.length,
      issues: issues.length,
      issuesOrdinary: issues.filter((i) => Number(i.number_from) === Number(i.number_to)).length,
      issuesGrouped: issues.filter((i) => Number(i.number_from) !== Number(i.number_to)).length,
      issueNumbers: issues.reduce((sum, i) => sum + Number(i.number_to) - Number(i.number_from) + 1, 0),
      issuePages: issues.reduce((sum, i) => sum + Number(i.page_count ?? 0), 0),
      corrections: corrections.length,
      correctionsIssuerBefore: corrections.filter((c) => c.case_kind === 'issuer-before').length,
      correctionsIssuerAfter: corrections.filter((c) => c.case_kind === 'issuer-after').length,
      correctionsOffice: corrections.filter((c) => c.case_kind === 'office').length,
      correctionsPublished: corrections.filter((c) => c.correction_document_id !== null).length,
    };

    const tables: ReportTable[] = [
      summaryTable(totals),
      receivedByAgency(received),
      receivedByType(received, published),
      issuesTable(issues.map((i) => ({ label: `${issueLabel(i)}/${i.year}`, date: String(i.publication_date), pages: Number(i.page_count ?? 0), documents: entryCounts.get(i.id) ?? 0 }))),
      correctionsByCase(corrections),
      correctionsByCause(corrections),
      await this.#issuerTable({ received, published, pending, returnedInPeriod, timeliness }),
    ];

    return {
      year: period.year,
      from: period.from,
      to: period.to,
      generatedAt: new Date().toISOString(),
      basis: await this.#basis(period),
      totals,
      tables,
    };
  }

  /**
   * The office's submissions that count for the period: sent (or entered) by its end, and either sent
   * in it or not published before it began. Drafts never reached the office and do not count.
   */
  async #submissions(officeId: string, period: ReportPeriod): Promise<SubmissionFacts[]> {
    return this.#db
      .selectFrom('gazette_submissions')
      .select(['id', 'tenant_id', 'origin', 'document_type', 'issuing_agency', 'sent_on', 'send_due', 'publish_due', 'published_at', 'withdrawn_at'])
      .where('office_id', '=', officeId)
      .where('sent_on', 'is not', null)
      .where('sent_on', '<=', period.to)
      .where((eb) => eb.or([eb('sent_on', '>=', period.from), eb('published_at', 'is', null), eb('published_at', '>=', period.startMs)]))
      .orderBy('sent_on')
      .orderBy('id')
      .execute();
  }

  /** The submissions among `ids` that the office returned at least once (sent inaccurate), at any time. */
  async #everReturned(officeId: string, ids: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const part of chunks(ids)) {
      const rows = await this.#db.selectFrom('gazette_comparison_rounds').select('submission_id').distinct().where('office_id', '=', officeId).where('status', '=', 'returned').where('submission_id', 'in', part).execute();
      for (const row of rows) out.add(row.submission_id);
    }
    return out;
  }

  async #entryCounts(issueIds: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const part of chunks(issueIds)) {
      const rows = await this.#db.selectFrom('gazette_issue_entries').select((eb) => ['issue_id', eb.fn.countAll<number>().as('n')]).where('issue_id', 'in', part).groupBy('issue_id').execute();
      for (const row of rows) out.set(row.issue_id, Number(row.n));
    }
    return out;
  }

  #timeliness(s: SubmissionFacts, returned: boolean): Timeliness {
    const publishedOn = vietnamDate(Number(s.published_at));
    const sentLate = s.sent_on !== null && s.send_due !== null && s.sent_on > s.send_due;
    const publishLate = s.publish_due !== null && publishedOn > s.publish_due;
    return { onTime: !sentLate && !publishLate, sentLate, inaccurateLate: publishLate && returned, officeLate: publishLate && !returned };
  }

  /** The rule version in force on the period's last day: the basis the report is written under; due after the reported year. */
  async #basis(period: ReportPeriod): Promise<ReportBasis> {
    try {
      const rule = await this.ctx.get(coreServices.rules).get<AnnualReportRuleValue>(ANNUAL_REPORT_RULE, period.to);
      return { citation: rule.citation, dueDate: reportDueDate(period.year, rule.value) };
    } catch {
      // A period before the first version: the report still computes, without a basis.
      return { citation: null, dueDate: null };
    }
  }

  async #issuerTable(input: { received: SubmissionFacts[]; published: SubmissionFacts[]; pending: SubmissionFacts[]; returnedInPeriod: ReadonlySet<string>; timeliness: ReadonlyMap<string, Timeliness> }): Promise<ReportTable> {
    const counts = new Map<string, IssuerCounts>();
    const of = (unit: string) => {
      let entry = counts.get(unit);
      if (!entry) counts.set(unit, (entry = { received: 0, returned: 0, published: 0, onTime: 0, sentLate: 0, inaccurateLate: 0, officeLate: 0, pending: 0 }));
      return entry;
    };
    for (const s of input.received) {
      of(s.tenant_id).received++;
      if (input.returnedInPeriod.has(s.id)) of(s.tenant_id).returned++;
    }
    for (const s of input.published) {
      const entry = of(s.tenant_id);
      const t = input.timeliness.get(s.id)!;
      entry.published++;
      if (t.onTime) entry.onTime++;
      if (t.sentLate) entry.sentLate++;
      if (t.inaccurateLate) entry.inaccurateLate++;
      if (t.officeLate) entry.officeLate++;
    }
    for (const s of input.pending) of(s.tenant_id).pending++;
    const units = new UnitLookup(this.ctx.get(coreServices.tenancy));
    const rows: Record<string, ReportCell>[] = [];
    for (const [unitId, c] of counts) rows.push({ issuer: (await units.ref(unitId)).name, ...c });
    rows.sort((a, b) => byVietnamese(String(a.issuer), String(b.issuer)));
    return {
      id: 'issuers',
      title: { vi: 'Tình hình gửi, đăng văn bản theo cơ quan ban hành', en: 'Sending and publication by issuing unit' },
      columns: [
        { key: 'issuer', label: { vi: 'Cơ quan ban hành', en: 'Issuing unit' } },
        { key: 'received', label: { vi: 'Tiếp nhận', en: 'Received' } },
        { key: 'returned', label: { vi: 'Có sai lệch', en: 'With discrepancies' } },
        { key: 'published', label: { vi: 'Đã đăng', en: 'Published' } },
        { key: 'onTime', label: { vi: 'Đúng hạn', en: 'On time' } },
        { key: 'sentLate', label: { vi: 'Gửi muộn', en: 'Sent late' } },
        { key: 'inaccurateLate', label: { vi: 'Chậm do gửi không chính xác', en: 'Late: inaccurate copy' } },
        { key: 'officeLate', label: { vi: 'Chậm do cơ quan Công báo', en: 'Late: the office' } },
        { key: 'pending', label: { vi: 'Chưa đăng cuối kỳ', en: 'Pending at the end' } },
      ],
      rows,
    };
  }
}

function summaryTable(totals: AnnualReportTotals): ReportTable {
  return {
    id: 'summary',
    title: { vi: 'Tổng hợp', en: 'Summary' },
    columns: [
      { key: 'indicator', label: { vi: 'Chỉ tiêu', en: 'Indicator' } },
      { key: 'value', label: { vi: 'Số lượng', en: 'Count' } },
    ],
    rows: TOTAL_KEYS.map((key) => ({ key, indicator: TOTAL_LABELS[key].vi, value: totals[key] })),
  };
}

function receivedByAgency(received: readonly SubmissionFacts[]): ReportTable {
  const counts = new Map<string, number>();
  for (const s of received) increment(counts, s.issuing_agency);
  return {
    id: 'received-by-agency',
    title: { vi: 'Văn bản tiếp nhận theo cơ quan ban hành', en: 'Documents received by issuing agency' },
    columns: [
      { key: 'agency', label: { vi: 'Cơ quan ban hành', en: 'Issuing agency' } },
      { key: 'received', label: { vi: 'Số văn bản', en: 'Documents' } },
    ],
    rows: [...counts].sort((a, b) => byVietnamese(a[0], b[0])).map(([agency, n]) => ({ agency, received: n })),
  };
}

function receivedByType(received: readonly SubmissionFacts[], published: readonly SubmissionFacts[]): ReportTable {
  const r = new Map<string, number>();
  const p = new Map<string, number>();
  for (const s of received) increment(r, s.document_type);
  for (const s of published) increment(p, s.document_type);
  const types = [...new Set([...r.keys(), ...p.keys()])];
  const order = Object.keys(DOCUMENT_TYPES);
  types.sort((a, b) => (order.indexOf(a) === -1 ? 99 : order.indexOf(a)) - (order.indexOf(b) === -1 ? 99 : order.indexOf(b)) || a.localeCompare(b));
  return {
    id: 'by-type',
    title: { vi: 'Văn bản theo loại', en: 'Documents by type' },
    columns: [
      { key: 'type', label: { vi: 'Loại văn bản', en: 'Document type' } },
      { key: 'received', label: { vi: 'Tiếp nhận', en: 'Received' } },
      { key: 'published', label: { vi: 'Đã đăng', en: 'Published' } },
    ],
    rows: types.map((type) => ({ type: DOCUMENT_TYPES[type]?.vi ?? type, received: r.get(type) ?? 0, published: p.get(type) ?? 0 })),
  };
}

function issuesTable(issues: readonly { label: string; date: string; pages: number; documents: number }[]): ReportTable {
  return {
    id: 'issues',
    title: { vi: 'Các số Công báo đã phát hành', en: 'Gazette issues published' },
    columns: [
      { key: 'issue', label: { vi: 'Số Công báo', en: 'Issue' } },
      { key: 'date', label: { vi: 'Ngày phát hành', en: 'Publication date' } },
      { key: 'documents', label: { vi: 'Số văn bản', en: 'Documents' } },
      { key: 'pages', label: { vi: 'Số trang', en: 'Pages' } },
    ],
    rows: issues.map((i) => ({ issue: i.label, date: i.date, documents: i.documents, pages: i.pages })),
  };
}

interface CorrectionFacts {
  readonly case_kind: CorrectionCase;
  readonly reason: string;
  readonly correction_document_id: string | null;
}

function correctionsByCase(corrections: readonly CorrectionFacts[]): ReportTable {
  const cases = Object.keys(CASE_LABELS) as CorrectionCase[];
  return {
    id: 'corrections-by-case',
    title: { vi: 'Đính chính theo trường hợp', en: 'Corrections by case' },
    columns: [
      { key: 'case', label: { vi: 'Trường hợp', en: 'Case' } },
      { key: 'corrections', label: { vi: 'Số văn bản đính chính', en: 'Corrections' } },
      { key: 'published', label: { vi: 'Đã đăng', en: 'Published' } },
    ],
    rows: cases.map((c) => {
      const of = corrections.filter((x) => x.case_kind === c);
      return { case: CASE_LABELS[c].vi, corrections: of.length, published: of.filter((x) => x.correction_document_id !== null).length };
    }),
  };
}

/** Causes as the office recorded them when linking each correction (the `reason`), grouped as written. */
function correctionsByCause(corrections: readonly CorrectionFacts[]): ReportTable {
  const groups = new Map<string, { cause: string; case: CorrectionCase; n: number }>();
  for (const c of corrections) {
    const cause = c.reason.trim().replace(/\s+/g, ' ');
    const key = `${c.case_kind}\u0000${cause.toLocaleLowerCase('vi')}`;
    const entry = groups.get(key) ?? { cause, case: c.case_kind, n: 0 };
    entry.n++;
    groups.set(key, entry);
  }
  return {
    id: 'corrections-by-cause',
    title: { vi: 'Đính chính theo nguyên nhân', en: 'Corrections by cause' },
    columns: [
      { key: 'cause', label: { vi: 'Nguyên nhân', en: 'Cause' } },
      { key: 'case', label: { vi: 'Trường hợp', en: 'Case' } },
      { key: 'corrections', label: { vi: 'Số văn bản', en: 'Corrections' } },
    ],
    rows: [...groups.values()].sort((a, b) => b.n - a.n || byVietnamese(a.cause, b.cause)).map((g) => ({ cause: g.cause, case: CASE_LABELS[g.case].vi, corrections: g.n })),
  };
}
