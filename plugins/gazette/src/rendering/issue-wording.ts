import { issueNumberList, parseIsoDate, type IssueLayoutInput } from './issue-layout-input.js';

// The fixed words of an issue, in one place so the cover, the table of contents, the running header,
// the PDF metadata and the pdfkit fallback all say exactly the same thing.

/** The national motto block of the cover (Quốc hiệu, tiêu ngữ). */
export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const GAZETTE_TITLE = 'CÔNG BÁO';
export const TABLE_OF_CONTENTS_TITLE = 'MỤC LỤC';
/** The page column heading of the table of contents. */
export const PAGE_COLUMN = 'Trang';

/** `dd-mm-yyyy`, as the table of contents and the running header print dates (GAZ-20). */
export function formatDashedDate(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate, 'date');
  return `${pad(day)}-${pad(month)}-${year}`;
}

/**
 * "Ngày 29 tháng 11 năm 2026". Days below 10 and the months January and February take a leading zero,
 * as dates are written in administrative documents (NĐ 30/2020/NĐ-CP), so "tháng 02" is never misread.
 */
export function formatLongDate(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate, 'date');
  return `Ngày ${pad(day)} tháng ${month <= 2 ? pad(month) : String(month)} năm ${year}`;
}

/** "Số 243" or "Số 243 + 244": the short form of the cover and the running header. */
export function issueNumberLabel(input: Pick<IssueLayoutInput, 'issueNumbers'>): string {
  const numbers = issueNumberList(input);
  // Long groups would not fit a header line; the cover still spells the range out in full.
  if (numbers.length > 4) return `Số ${numbers[0]} - ${numbers.at(-1)}`;
  return `Số ${numbers.join(' + ')}`;
}

/** "Số 243", or "Từ số 243 đến số 244": the wording under which documents cite a grouped issue (GAZ-21). */
export function issueNumberCitation(input: Pick<IssueLayoutInput, 'issueNumbers'>): string {
  const numbers = issueNumberList(input);
  return numbers.length === 1 ? `Số ${numbers[0]}` : `Từ số ${numbers[0]} đến số ${numbers.at(-1)}`;
}

/** "TỈNH QUẢNG TRỊ". */
export function provinceHeading(input: Pick<IssueLayoutInput, 'provinceName'>): string {
  return `TỈNH ${input.provinceName.toLocaleUpperCase('vi')}`;
}

/** The running header's three parts: "CÔNG BÁO", "Số 243 + 244", "Ngày 29-11-2026". */
export function runningHeaderText(input: Pick<IssueLayoutInput, 'issueNumbers' | 'publicationDate'>): string {
  return `${GAZETTE_TITLE}/${issueNumberLabel(input)}/Ngày ${formatDashedDate(input.publicationDate)}`;
}

/** "Công báo tỉnh Quảng Trị số 243 + 244 ngày 29-11-2026": the PDF's Title. */
export function issueTitle(input: Pick<IssueLayoutInput, 'issueNumbers' | 'publicationDate' | 'provinceName'>): string {
  const number = issueNumberLabel(input).replace(/^Số/, 'số');
  return `Công báo tỉnh ${input.provinceName} ${number} ngày ${formatDashedDate(input.publicationDate)}`;
}

/** One line of the table of contents. */
export interface TableOfContentsEntry {
  readonly id: string;
  readonly issuingAgency: string;
  /** `dd-mm-yyyy`. */
  readonly issueDate: string;
  readonly docType: string;
  readonly numberSymbol: string;
  readonly summary: string;
  /** 1-based page of the issue PDF on which the document starts. */
  readonly page: number;
}

/** Documents under one heading, in input order; `title` is `undefined` for documents without a section. */
export interface TableOfContentsSection {
  readonly title: string | undefined;
  readonly entries: readonly TableOfContentsEntry[];
}

/**
 * Groups the documents by section, sections in the order they first appear. Documents keep their page
 * order inside a section, and the composer is expected to send them section by section; when it does
 * not, the table still lists every document once, with its real page.
 */
export function tableOfContents(input: IssueLayoutInput, firstPages: readonly number[]): TableOfContentsSection[] {
  const sections = new Map<string | undefined, TableOfContentsEntry[]>();
  input.documents.forEach((document, index) => {
    const key = document.section?.trim() || undefined;
    const entries = sections.get(key) ?? [];
    sections.set(key, entries);
    entries.push({
      id: document.id,
      issuingAgency: document.issuingAgency,
      issueDate: formatDashedDate(document.issueDate),
      docType: document.docType,
      numberSymbol: document.numberSymbol,
      summary: document.summary,
      page: firstPages[index]!,
    });
  });
  return [...sections].map(([title, entries]) => ({ title, entries }));
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
