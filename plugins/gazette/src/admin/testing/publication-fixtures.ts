// Issues, ready documents and corrections in the gazette API's shape for the browser tests, typed by the
// server's own response types (publication/issue.schema.ts, corrections/correction.schema.ts), so a
// change of the API breaks the build of these fixtures, not silently the tests. Only tests import it.
import type { CorrectionView, IssueDetail, IssueEntryView, IssueSummary, ReadyDocument } from '../shared/gazette-api.js';
import { PROVINCE } from './gazette-fixtures.js';

let sequence = 0;
const uuid = () => `10000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`;

export function entry(overrides: Partial<IssueEntryView> = {}): IssueEntryView {
  return {
    position: 1,
    submissionId: uuid(),
    section: 'VĂN BẢN QUY PHẠM PHÁP LUẬT',
    documentType: 'quyet-dinh',
    documentTypeName: { vi: 'Quyết định', en: 'Decision' },
    numberSymbol: '41/2026/QĐ-UBND',
    summary: 'Quy định mức thu phí thẩm định hồ sơ cấp phép xây dựng trên địa bàn tỉnh',
    issuingAgency: 'Ủy ban nhân dân tỉnh Quảng Trị',
    signedOn: '2026-11-20',
    documentId: null,
    firstPage: null,
    lastPage: null,
    eliPath: null,
    originalSha256: null,
    correction: null,
    ...overrides,
  };
}

export function issueSummary(overrides: Partial<IssueSummary> = {}): IssueSummary {
  const numberFrom = overrides.numberFrom ?? 12;
  const numberTo = overrides.numberTo ?? numberFrom;
  return {
    id: uuid(),
    officeId: PROVINCE.id,
    year: 2026,
    numberFrom,
    numberTo,
    label: numberFrom === numberTo ? `Số ${numberFrom}` : `Từ số ${numberFrom} đến số ${numberTo}`,
    publicationDate: '2026-12-01',
    status: 'draft',
    entryCount: 0,
    pageCount: null,
    sha256: null,
    pdfUrl: null,
    publishedAt: null,
    updatedAt: '2026-11-29T02:00:00.000Z',
    ...overrides,
  };
}

export function issueDetail(overrides: Partial<IssueDetail> = {}): IssueDetail {
  const entries = overrides.entries ?? [];
  return {
    ...issueSummary({ entryCount: entries.length, ...overrides }),
    renderer: null,
    renderError: null,
    signature: null,
    createdBy: 'bien-tap',
    createdAt: '2026-11-29T02:00:00.000Z',
    publishedBy: null,
    ...overrides,
    entries: entries.map((e, i) => ({ ...e, position: i + 1 })),
  };
}

/** A published issue: pages, hash, signature, PDF. */
export function publishedIssue(overrides: Partial<IssueDetail> = {}): IssueDetail {
  const base = issueDetail(overrides);
  return {
    ...base,
    status: 'published',
    pageCount: 24,
    sha256: 'ab'.repeat(32),
    pdfUrl: `/api/gazette/issues/${base.id}/pdf`,
    publishedAt: '2026-12-01T03:00:00.000Z',
    renderer: 'chromium',
    publishedBy: 'phat-hanh',
    signature: {
      signerName: 'Văn phòng UBND tỉnh Quảng Trị',
      organisation: 'UBND tỉnh Quảng Trị',
      subject: 'CN=Văn phòng UBND tỉnh Quảng Trị',
      issuer: 'CN=Ban Cơ yếu Chính phủ',
      serialNumber: '01',
      fingerprintSha256: 'cd'.repeat(32),
      validFrom: '2026-01-01T00:00:00.000Z',
      validTo: '2028-01-01T00:00:00.000Z',
      signedAt: '2026-12-01T03:00:00.000Z',
      reason: 'Phát hành Công báo',
      location: 'Quảng Trị',
      signerId: 'p12',
    },
    ...overrides,
  };
}

export function ready(overrides: Partial<ReadyDocument> = {}): ReadyDocument {
  return {
    submissionId: uuid(),
    documentType: 'nghi-quyet',
    numberSymbol: '12/2026/NQ-HĐND',
    summary: 'Quy định bảng giá các loại đất trên địa bàn tỉnh',
    issuingAgency: 'Hội đồng nhân dân tỉnh Quảng Trị',
    signedOn: '2026-11-18',
    publishDue: '2026-12-09',
    correction: null,
    ...overrides,
  };
}

export function correction(overrides: Partial<CorrectionView> = {}): CorrectionView {
  return {
    id: uuid(),
    case: 'issuer-after',
    correctionSubmissionId: uuid(),
    correctionDocumentId: null,
    correctedSubmissionId: uuid(),
    correctedDocumentId: uuid(),
    reason: 'Sửa ngày có hiệu lực tại Điều 2',
    numberSymbol: '07/ĐC-UBND',
    issue: null,
    eliPath: null,
    due: '2026-12-04',
    createdBy: 'bien-tap',
    createdAt: '2026-11-27T02:00:00.000Z',
    ...overrides,
  };
}
