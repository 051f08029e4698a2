import { defineSchema, type LocalizedText } from '@cong/sdk';

/** A report cell: text or a number (numbers stay numbers in every format: JSON, XLSX cells, tables). */
export type ReportCell = string | number;

/** One column of a report table, named in Vietnamese and English. */
export interface ReportColumn {
  readonly key: string;
  readonly label: LocalizedText & { readonly en: string };
}

/** A table of the report: the admin page, DOCX, XLSX and PDF all render these generically. */
export interface ReportTable {
  readonly id: string;
  readonly title: LocalizedText & { readonly en: string };
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly Readonly<Record<string, ReportCell>>[];
}

/** The named figures of the report (GAZ-32); each is a count, explained in {@link TOTAL_LABELS}. */
export interface AnnualReportTotals {
  readonly received: number;
  readonly receivedFromIssuers: number;
  readonly receivedByOffice: number;
  readonly comparisonRoundsPassed: number;
  readonly comparisonRoundsReturned: number;
  readonly documentsWithDiscrepancies: number;
  readonly published: number;
  readonly publishedOnTime: number;
  readonly publishedLate: number;
  readonly lateSentByIssuer: number;
  readonly lateInaccurateByIssuer: number;
  readonly latePublishedByOffice: number;
  readonly pendingAtEnd: number;
  readonly withdrawn: number;
  readonly issues: number;
  readonly issuesOrdinary: number;
  readonly issuesGrouped: number;
  readonly issueNumbers: number;
  readonly issuePages: number;
  readonly corrections: number;
  readonly correctionsIssuerBefore: number;
  readonly correctionsIssuerAfter: number;
  readonly correctionsOffice: number;
  readonly correctionsPublished: number;
}

/** The legal basis of the report and when it is due, from the rule pack (`gazette.annualReport`). */
export interface ReportBasis {
  readonly citation: string | null;
  /** `YYYY-MM-DD`: when the report is due at the Government Office; null when no rule version applies. */
  readonly dueDate: string | null;
}

/** The annual report on the gazette work (báo cáo tình hình thực hiện công tác Công báo, GAZ-32). */
export interface AnnualReport {
  readonly year: number;
  /** The period reported on, `YYYY-MM-DD` (Vietnam time), both days included. */
  readonly from: string;
  readonly to: string;
  readonly generatedAt: string;
  readonly basis: ReportBasis;
  readonly totals: AnnualReportTotals;
  readonly tables: readonly ReportTable[];
}

/** What each total means, in the order the summary lists them. */
export const TOTAL_LABELS: Readonly<Record<keyof AnnualReportTotals, LocalizedText & { readonly en: string }>> = {
  received: { vi: 'Văn bản tiếp nhận', en: 'Documents received' },
  receivedFromIssuers: { vi: 'trong đó: cơ quan ban hành gửi qua Cổng', en: 'of which sent by the issuers through the portal' },
  receivedByOffice: { vi: 'trong đó: cơ quan Công báo nhập (thư điện tử, bưu chính, trực tiếp…)', en: 'of which entered by the office (e-mail, post, by hand…)' },
  comparisonRoundsPassed: { vi: 'Lượt đối chiếu đạt', en: 'Comparison rounds passed' },
  comparisonRoundsReturned: { vi: 'Lượt đối chiếu có sai lệch, trả lại cơ quan ban hành', en: 'Comparison rounds with discrepancies, returned' },
  documentsWithDiscrepancies: { vi: 'Văn bản có sai lệch giữa bản điện tử và bản gốc', en: 'Documents whose electronic copy differed from the original' },
  published: { vi: 'Văn bản đã đăng Công báo', en: 'Documents published' },
  publishedOnTime: { vi: 'Đăng đúng thời hạn', en: 'Published on time' },
  publishedLate: { vi: 'Đăng chậm', en: 'Published late' },
  lateSentByIssuer: { vi: 'Chậm do cơ quan ban hành gửi muộn', en: 'Late: the issuer sent it after its deadline' },
  lateInaccurateByIssuer: { vi: 'Chậm do cơ quan ban hành gửi văn bản không chính xác', en: 'Late: the issuer sent an inaccurate copy' },
  latePublishedByOffice: { vi: 'Chậm do cơ quan Công báo đăng muộn', en: 'Late: the office published after its deadline' },
  pendingAtEnd: { vi: 'Văn bản chưa đăng tại cuối kỳ', en: 'Documents not yet published at the end of the period' },
  withdrawn: { vi: 'Văn bản cơ quan ban hành rút lại', en: 'Documents withdrawn by the issuer' },
  issues: { vi: 'Số Công báo đã phát hành (ấn phẩm)', en: 'Gazette issues published' },
  issuesOrdinary: { vi: 'trong đó: số thường', en: 'of which single numbers' },
  issuesGrouped: { vi: 'trong đó: số gộp', en: 'of which grouped numbers' },
  issueNumbers: { vi: 'Tổng số số Công báo (tính cả số gộp)', en: 'Issue numbers used (grouped numbers counted each)' },
  issuePages: { vi: 'Tổng số trang', en: 'Total pages' },
  corrections: { vi: 'Văn bản đính chính', en: 'Corrections' },
  correctionsIssuerBefore: { vi: 'Cơ quan ban hành đính chính trước khi đăng', en: 'By the issuer, before publication' },
  correctionsIssuerAfter: { vi: 'Cơ quan ban hành đính chính sau khi đăng', en: 'By the issuer, after publication' },
  correctionsOffice: { vi: 'Cơ quan Công báo đính chính lỗi kỹ thuật', en: 'By the office, its own production error' },
  correctionsPublished: { vi: 'Văn bản đính chính đã đăng', en: 'Corrections published' },
};
export const TOTAL_KEYS = Object.keys(TOTAL_LABELS) as (keyof AnnualReportTotals)[];

/** The formats the report downloads in. */
export const REPORT_FORMATS = ['json', 'docx', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface AnnualReportQuery {
  readonly year: number;
  readonly from?: string;
  readonly to?: string;
  readonly format?: ReportFormat;
}

const calendarDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

export const annualReportQuery = defineSchema<AnnualReportQuery>({
  type: 'object',
  additionalProperties: false,
  required: ['year'],
  properties: {
    year: { type: 'integer', minimum: 2000, maximum: 2999, description: 'The year reported on (Vietnam time).' },
    from: { ...calendarDate, description: 'First day of the period (default 1 January of `year`).' },
    to: { ...calendarDate, description: 'Last day of the period, included (default 31 December of `year`).' },
    format: { type: 'string', enum: [...REPORT_FORMATS], description: '`json` (default), `docx`, `xlsx` or `pdf`.' },
  },
});

const localizedLabel = { type: 'object', additionalProperties: false, required: ['vi', 'en'], properties: { vi: { type: 'string' }, en: { type: 'string' } } } as const;

export const annualReportSchema = defineSchema<AnnualReport>({
  type: 'object',
  additionalProperties: false,
  required: ['year', 'from', 'to', 'generatedAt', 'basis', 'totals', 'tables'],
  properties: {
    year: { type: 'integer' },
    from: calendarDate,
    to: calendarDate,
    generatedAt: { type: 'string', format: 'date-time' },
    basis: {
      type: 'object',
      additionalProperties: false,
      required: ['citation', 'dueDate'],
      properties: { citation: { type: ['string', 'null'] }, dueDate: { anyOf: [calendarDate, { type: 'null' }] } },
    },
    totals: {
      type: 'object',
      additionalProperties: false,
      required: TOTAL_KEYS,
      properties: Object.fromEntries(TOTAL_KEYS.map((key) => [key, { type: 'integer', minimum: 0 }])),
    },
    tables: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'columns', 'rows'],
        properties: {
          id: { type: 'string' },
          title: localizedLabel,
          columns: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['key', 'label'], properties: { key: { type: 'string' }, label: localizedLabel } } },
          rows: { type: 'array', items: { type: 'object', additionalProperties: { type: ['string', 'number'] } } },
        },
      },
    },
  },
});
