// Answers in the gazette API's shape for the browser tests, typed by the server's own response types
// (intake/submission.schema.ts, review/comparison.schema.ts) so a change of the API breaks the build of
// these fixtures, not silently the tests. They are written by hand, not recorded; the values are of the
// kind the real routes give in test/intake.integration.test.ts and test/review.integration.test.ts.
// Only tests import this file.
import type { DeadlineDashboard, DeadlineItem, DocumentType, Page, RoundDetail, Submission, SubmissionDetail } from '../shared/gazette-api.js';

export const PROVINCE = { id: 'u-quang-tri', slug: 'quang-tri', name: 'Tỉnh Quảng Trị' };
export const VAN_PHONG = { id: 'u-van-phong', slug: 'van-phong-ubnd', name: 'Văn phòng UBND tỉnh' };
export const TU_PHAP = { id: 'u-tu-phap', slug: 'so-tu-phap', name: 'Sở Tư pháp' };

export const documentTypes: { items: DocumentType[] } = {
  items: [
    { code: 'nghi-quyet', name: { vi: 'Nghị quyết', en: 'Resolution' } },
    { code: 'quyet-dinh', name: { vi: 'Quyết định', en: 'Decision' } },
    { code: 'chi-thi', name: { vi: 'Chỉ thị', en: 'Directive' } },
    { code: 'thong-bao', name: { vi: 'Thông báo', en: 'Notice' } },
    { code: 'van-ban-khac', name: { vi: 'Văn bản khác', en: 'Other document' } },
  ],
};

let sequence = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`;

export function submission(overrides: Partial<Submission> = {}): Submission {
  return {
    id: uuid(),
    issuer: VAN_PHONG,
    office: PROVINCE,
    origin: 'issuer',
    status: 'draft',
    documentType: 'quyet-dinh',
    numberSymbol: '41/2026/QĐ-UBND',
    number: '41',
    year: 2026,
    symbol: 'QĐ-UBND',
    summary: 'Quy định mức thu phí thẩm định hồ sơ cấp phép xây dựng trên địa bàn tỉnh',
    issuingAgency: 'Ủy ban nhân dân tỉnh Quảng Trị',
    signer: 'Nguyễn Văn An',
    signedOn: '2026-11-20',
    effectiveOn: '2026-12-01',
    inForceOnSigning: false,
    legalNormative: true,
    field: 'Tài chính',
    sourceChannel: 'portal',
    submitterEmail: null,
    note: null,
    register: null,
    sentAt: null,
    sentBy: null,
    deadlines: { send: { due: '2026-11-24', rule: 'gazette.sendDeadline@1', metOn: null, state: 'pending' }, publish: null },
    flags: [],
    round: 0,
    passedAt: null,
    publishedAt: null,
    publishedRef: null,
    withdrawnAt: null,
    withdrawReason: null,
    createdBy: 'van-thu',
    createdAt: '2026-11-20T02:00:00.000Z',
    updatedAt: '2026-11-20T02:00:00.000Z',
    ...overrides,
  };
}

export function detail(overrides: Partial<SubmissionDetail> = {}): SubmissionDetail {
  const base = submission(overrides);
  return {
    ...base,
    files: [],
    timeline: [{ action: 'created', actorId: 'van-thu', unitId: base.issuer.id, remark: null, detail: null, at: base.createdAt }],
    rounds: [],
    ...overrides,
  };
}

export function page<T>(items: T[]): Page<T> {
  return { items, total: items.length, limit: 20, offset: 0 };
}

export function file(role: 'original' | 'electronic', version = 1): SubmissionDetail['files'][number] {
  return {
    id: uuid(),
    role,
    version,
    current: true,
    fileName: role === 'original' ? '41-2026-QD-UBND.pdf' : '41-2026-QD-UBND.docx',
    mediaType: role === 'original' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    size: 48_213,
    sha256: 'a'.repeat(64),
    uploadedBy: 'van-thu',
    uploadedUnitId: VAN_PHONG.id,
    uploadedAt: '2026-11-20T03:00:00.000Z',
  };
}

/** A round as `POST /api/gazette/review/:id/rounds` answers; `segments`/`discrepancies` from the real word diff. */
export function round(overrides: Partial<RoundDetail> & Pick<RoundDetail, 'segments' | 'discrepancies' | 'submissionId'>): RoundDetail {
  return {
    round: 1,
    status: 'open',
    identical: overrides.discrepancies.length === 0,
    similarity: 0.97,
    discrepancyCount: overrides.discrepancies.length,
    openedAt: '2026-11-22T02:00:00.000Z',
    decidedAt: null,
    notifiedAt: null,
    original: { fileId: 'f-original', version: 1, fileName: '41-2026-QD-UBND.pdf', method: 'pdf-text', text: '' },
    electronic: { fileId: 'f-electronic', version: 1, fileName: '41-2026-QD-UBND.docx', method: 'docx-text', text: '' },
    reviewerNotes: [],
    openedBy: 'doi-chieu',
    decidedBy: null,
    notifiedTo: [],
    ...overrides,
  };
}

export function deadlineItem(overrides: Partial<DeadlineItem> & Pick<DeadlineItem, 'submission'>): DeadlineItem {
  return { stage: 'publish', due: '2026-11-27', state: 'overdue', workingDays: 1, cause: 'office', sentLate: false, ...overrides };
}

/** A dashboard whose `byIssuer` is counted from `items` the way the server counts it (review/deadline-dashboard.ts). */
export function dashboard(items: DeadlineItem[], asOf = '2026-11-30'): DeadlineDashboard {
  const byIssuer = new Map<string, DeadlineDashboard['byIssuer'][number] & { atRisk: number; overdue: number; overdueByIssuer: number; overdueByOffice: number }>();
  for (const item of items) {
    const entry = byIssuer.get(item.submission.issuer.id) ?? { issuer: item.submission.issuer, atRisk: 0, overdue: 0, overdueByIssuer: 0, overdueByOffice: 0 };
    if (item.state === 'at-risk') entry.atRisk++;
    else {
      entry.overdue++;
      if (item.cause === 'office') entry.overdueByOffice++;
      else entry.overdueByIssuer++;
    }
    byIssuer.set(item.submission.issuer.id, entry);
  }
  const sorted = [...items].sort((a, b) => (a.state === b.state ? a.due.localeCompare(b.due) : a.state === 'overdue' ? -1 : 1));
  return { asOf, withinWorkingDays: 2, items: sorted, byIssuer: [...byIssuer.values()].sort((a, b) => a.issuer.name.localeCompare(b.issuer.name, 'vi')) };
}
