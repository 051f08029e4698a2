import { GAZETTE_ERR_RENDER_INPUT_INVALID } from '../errors.js';

/** The office that publishes the provincial gazette (GAZ-01), printed on the last page (GAZ-20). */
export interface IssuePublisher {
  /** "Văn phòng Ủy ban nhân dân tỉnh Quảng Trị". Also the PDF's Author. */
  readonly name: string;
  readonly address: string;
  readonly phone: string;
  readonly email: string;
  readonly website: string;
}

/** One document of the issue, in the order it is printed. */
export interface IssueDocumentInput {
  /** The caller's id of the document; {@link RenderedIssue} reports its page range under it. */
  readonly id: string;
  /** "Ủy ban nhân dân tỉnh", "Hội đồng nhân dân tỉnh". */
  readonly issuingAgency: string;
  /** `YYYY-MM-DD`; printed `dd-mm-yyyy` in the table of contents (GAZ-20). */
  readonly issueDate: string;
  /** Type name (tên loại): "Quyết định", "Nghị quyết". */
  readonly docType: string;
  /** Number and symbol (số, ký hiệu): "41/2026/QĐ-UBND". */
  readonly numberSymbol: string;
  /** Summary (trích yếu). */
  readonly summary: string;
  /** The document's own pages: the published full text (GAZ-22), printed as they are under the running header. */
  readonly pdf: Uint8Array;
  /**
   * The table of contents groups documents under section headings, in the order sections first appear:
   * "VĂN BẢN QUY PHẠM PHÁP LUẬT", "VĂN BẢN KHÁC". Default: no heading.
   */
  readonly section?: string;
}

/** Everything the issue's pages show. */
export interface IssueLayoutInput {
  /** Without "tỉnh": "Quảng Trị". */
  readonly provinceName: string;
  readonly publisher: IssuePublisher;
  /** Issue numbers run within a year (GAZ-21). */
  readonly year: number;
  /** One number, or the first and last of a grouped range (`[243, 244]`, printed "Từ số 243 đến số 244"). */
  readonly issueNumbers: number | readonly [number, number];
  /** `YYYY-MM-DD`: the publication date (ngày đăng). */
  readonly publicationDate: string;
  readonly documents: readonly IssueDocumentInput[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date from `YYYY-MM-DD`, rejecting impossible days (2026-02-30). */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function parseIsoDate(value: string, field: string): CalendarDate {
  const date = calendarDate(value);
  if (!date) throw GAZETTE_ERR_RENDER_INPUT_INVALID.create({ reason: dateProblem(value, field) });
  return date;
}

function calendarDate(value: string): CalendarDate | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  const real = probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
  return real ? { year, month, day } : undefined;
}

function dateProblem(value: unknown, field: string): string {
  return `${field} must be a date YYYY-MM-DD, got "${String(value)}"`;
}

/** The issue's numbers, first to last. */
export function issueNumberList(input: Pick<IssueLayoutInput, 'issueNumbers'>): number[] {
  const [first, last] = typeof input.issueNumbers === 'number' ? [input.issueNumbers, input.issueNumbers] : input.issueNumbers;
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

/**
 * Checks what the templates and the merge rely on, reporting every problem at once, so a composer's
 * mistake is a 422 that names the field rather than a garbled page.
 */
export function assertValidLayoutInput(input: IssueLayoutInput): void {
  const problems: string[] = [];
  const text = (value: unknown, field: string) => {
    if (typeof value !== 'string' || value.trim() === '') problems.push(`${field} must be a non-empty string`);
  };
  const date = (value: unknown, field: string) => {
    if (typeof value !== 'string' || !calendarDate(value)) problems.push(dateProblem(value, field));
  };
  text(input.provinceName, 'provinceName');
  for (const key of ['name', 'address', 'phone', 'email', 'website'] as const) text(input.publisher?.[key], `publisher.${key}`);
  if (!Number.isInteger(input.year) || input.year < 1900 || input.year > 9999) problems.push(`year must be a four-digit year, got ${input.year}`);
  const numbers = typeof input.issueNumbers === 'number' ? [input.issueNumbers] : [...(input.issueNumbers ?? [])];
  if (numbers.length < 1 || numbers.length > 2 || numbers.some((n) => !Number.isInteger(n) || n < 1)) {
    problems.push('issueNumbers must be a positive integer or a [first, last] pair of them');
  } else if (numbers.length === 2 && numbers[1]! <= numbers[0]!) {
    problems.push(`issueNumbers range must rise, got [${numbers.join(', ')}]`);
  }
  date(input.publicationDate, 'publicationDate');
  if (!Array.isArray(input.documents) || input.documents.length === 0) problems.push('documents must list at least one document');
  const ids = new Set<string>();
  (input.documents ?? []).forEach((document, index) => {
    const at = `documents[${index}]`;
    text(document.id, `${at}.id`);
    if (ids.has(document.id)) problems.push(`${at}.id "${document.id}" appears twice`);
    ids.add(document.id);
    text(document.issuingAgency, `${at}.issuingAgency`);
    text(document.docType, `${at}.docType`);
    text(document.numberSymbol, `${at}.numberSymbol`);
    text(document.summary, `${at}.summary`);
    date(document.issueDate, `${at}.issueDate`);
    if (!(document.pdf instanceof Uint8Array) || document.pdf.length === 0) problems.push(`${at}.pdf must hold the document's PDF bytes`);
    if (document.section !== undefined) text(document.section, `${at}.section`);
  });
  if (problems.length > 0) throw GAZETTE_ERR_RENDER_INPUT_INVALID.create({ reason: problems.join('; ') });
}
