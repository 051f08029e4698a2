// Answers in the Q&A API's shape for the browser tests, typed by the server's own view types
// (questions/question.service.ts, answers/answer.service.ts, answers/publication.service.ts) so a change
// of the API breaks the build of these fixtures, not silently the tests. Written by hand; the values are
// of the kind the real routes give in test/questions.integration.test.ts and test/answers.integration.test.ts.
// Only tests import this file.
import type {
  AnswerView,
  CommentView,
  ConsultationItem,
  ConsultationRequest,
  ConsultationView,
  DialogueQuestionView,
  DialogueView,
  FormLists,
  Page,
  PeriodsView,
  ProgressReportView,
  PublishedItem,
  QuestionDetail,
  QuestionItem,
  ReviewView,
  RuleView,
  Statistics,
  UnitNode,
} from '../shared/qa-api.js';

export const PROVINCE = { id: 'u-quang-tri', slug: 'quang-tri', name: 'Tỉnh Quảng Trị' };
export const TNMT = { id: 'u-so-tnmt', slug: 'so-nong-nghiep-moi-truong', name: 'Sở Nông nghiệp và Môi trường' };
export const TU_PHAP = { id: 'u-so-tu-phap', slug: 'so-tu-phap', name: 'Sở Tư pháp' };
export const DONG_HA = { id: 'u-dong-ha', slug: 'phuong-dong-ha', name: 'Phường Đông Hà' };

/** The province's tree as `GET /api/core/tenants` lists it, with another province that must never be offered. */
export const units: { items: UnitNode[]; total: number } = {
  items: [
    { id: PROVINCE.id, slug: PROVINCE.slug, nameVi: PROVINCE.name, nameEn: 'Quang Tri Province', kind: 'province', parentId: null, status: 'active' },
    { id: TU_PHAP.id, slug: TU_PHAP.slug, nameVi: TU_PHAP.name, nameEn: null, kind: 'department', parentId: PROVINCE.id, status: 'active' },
    { id: TNMT.id, slug: TNMT.slug, nameVi: TNMT.name, nameEn: null, kind: 'department', parentId: PROVINCE.id, status: 'active' },
    { id: DONG_HA.id, slug: DONG_HA.slug, nameVi: DONG_HA.name, nameEn: null, kind: 'ward', parentId: PROVINCE.id, status: 'active' },
    { id: 'u-hue', slug: 'hue', nameVi: 'Thành phố Huế', nameEn: null, kind: 'province', parentId: null, status: 'active' },
    { id: 'u-hue-tu-phap', slug: 'hue-so-tu-phap', nameVi: 'Sở Tư pháp Huế', nameEn: null, kind: 'department', parentId: 'u-hue', status: 'active' },
  ],
  total: 6,
};

/** `GET /api/qa/public/form`, as the admin reads it (the token and limits are left alone). */
export const form: FormLists & Record<string, unknown> = {
  fields: [
    { code: 'dat-dai', name: 'Đất đai', nameEn: 'Land' },
    { code: 'tu-phap-ho-tich', name: 'Tư pháp, hộ tịch', nameEn: 'Justice and civil status' },
  ],
  communes: [{ slug: DONG_HA.slug, name: DONG_HA.name }],
  consent: { version: '2026-11', vi: '…', en: '…' },
  formToken: 'token',
  minFillSeconds: 3,
  limits: { titleMaxLength: 200, contentMaxLength: 8000, contentMinLength: 20 },
};

let sequence = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`;

export function question(overrides: Partial<QuestionItem> = {}): QuestionItem {
  return {
    id: uuid(),
    trackingCode: 'HD-2026-7K3F9Q',
    status: 'received',
    field: 'dat-dai',
    commune: DONG_HA,
    site: PROVINCE,
    agency: null,
    title: 'Thủ tục cấp giấy chứng nhận quyền sử dụng đất',
    content: 'Tôi muốn hỏi về thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu cho thửa đất ở phường Đông Hà.',
    consentPublish: true,
    closeReason: null,
    receivedAt: '2026-11-20T02:00:00.000Z',
    createdAt: '2026-11-20T01:55:00.000Z',
    updatedAt: '2026-11-20T02:00:00.000Z',
    asker: { name: 'Nguyễn Thị Hoa', email: 'hoa@example.vn', phone: '0912 345 678', address: 'Đông Hà, Quảng Trị' },
    ...overrides,
  };
}

export function detail(overrides: Partial<QuestionDetail> = {}): QuestionDetail {
  return {
    ...question(overrides),
    timeline: [
      { action: 'submitted', at: '2026-11-20T01:55:00.000Z', actor: 'public', unit: PROVINCE, target: null, note: null },
      { action: 'verified', at: '2026-11-20T02:00:00.000Z', actor: 'public', unit: PROVINCE, target: null, note: null },
    ],
    suggestions: [{ agency: TNMT, rule: { id: 'r-1', kind: 'field' } }],
    ...overrides,
  };
}

export function page<T>(items: readonly T[], total = items.length): Page<T> {
  return { items, total, limit: 20, offset: 0 };
}

export function rule(overrides: Partial<RuleView> = {}): RuleView {
  return { id: uuid(), kind: 'field', field: 'dat-dai', commune: null, agency: TNMT, note: null, updatedAt: '2026-11-21T03:00:00.000Z', ...overrides };
}

export function answerView(overrides: Partial<AnswerView> = {}, answer: Partial<NonNullable<AnswerView['answer']>> | null = {}): AnswerView {
  return {
    questionId: 'q-1',
    questionStatus: 'forwarded',
    requiresApproval: false,
    answer:
      answer === null
        ? null
        : {
            status: 'draft',
            body: 'Hồ sơ gồm đơn đề nghị và giấy tờ về quyền sử dụng đất; nộp tại Bộ phận một cửa.',
            revision: 1,
            createdBy: 'chuyen-vien',
            submittedBy: null,
            submittedAt: null,
            decidedBy: null,
            decidedAt: null,
            remarks: null,
            sentAt: null,
            updatedAt: '2026-11-22T03:00:00.000Z',
            revisions: [{ number: 1, body: 'Hồ sơ gồm đơn đề nghị và giấy tờ về quyền sử dụng đất; nộp tại Bộ phận một cửa.', author: 'chuyen-vien', at: '2026-11-22T03:00:00.000Z' }],
            attachments: [],
            ...answer,
          },
    notes: [],
    ...overrides,
  };
}

export function review(overrides: Partial<ReviewView> = {}): ReviewView {
  return {
    questionId: 'q-1',
    consentPublish: true,
    status: null,
    original: { title: 'Thủ tục cấp sổ đỏ', question: 'Tôi là Nguyễn Thị Hoa, số điện thoại 0912 345 678, hỏi về thủ tục cấp sổ đỏ.', answer: 'Bà Hoa nộp hồ sơ tại Bộ phận một cửa.' },
    proposal: { title: 'Thủ tục cấp sổ đỏ', question: 'Tôi là [đã che], số điện thoại [đã che], hỏi về thủ tục cấp sổ đỏ.', answer: 'Bà [đã che] nộp hồ sơ tại Bộ phận một cửa.' },
    findings: [
      { part: 'question', kind: 'name', text: 'Nguyễn Thị Hoa' },
      { part: 'question', kind: 'phone', text: '0912 345 678' },
    ],
    reviewed: null,
    slug: null,
    publishedAt: null,
    ...overrides,
  };
}

// ─── Consultations, dialogues, statistics (test/consultations.integration.test.ts, dialogues…, deadlines…) ──
export const SO_TAI_CHINH = { id: 'u-so-tai-chinh', slug: 'so-tai-chinh', name: 'Sở Tài chính' };

/** `GET /api/qa/consultation-periods`. */
export const periods: PeriodsView = {
  version: '2026-01-01',
  citation: 'Luật Ban hành văn bản quy phạm pháp luật 2025, Điều 30',
  documentTypes: [
    { code: 'qd-ubnd', label: { vi: 'Quyết định của UBND tỉnh', en: 'Decision of the Provincial People’s Committee' }, minimumDays: 20, checked: true },
    { code: 'nq-hdnd', label: { vi: 'Nghị quyết của HĐND tỉnh', en: 'Resolution of the Provincial People’s Council' }, minimumDays: 30, checked: false },
  ],
  agencyReplyDays: 10,
  agencyReplyDaysShortened: 5,
  builtInConsultees: [
    { flag: 'finance', unit: SO_TAI_CHINH },
    { flag: 'home-affairs', unit: null },
    { flag: 'justice', unit: TU_PHAP },
    { flag: 'science-technology', unit: null },
  ],
};

export function consultationItem(overrides: Partial<ConsultationItem> = {}): ConsultationItem {
  return {
    id: uuid(),
    slug: 'du-thao-quy-dinh-ve-phi-3f9a1c2b',
    title: 'Dự thảo Quyết định quy định về phí thẩm định',
    documentType: 'qd-ubnd',
    phase: 'draft',
    opensOn: '2026-12-01',
    closesOn: '2026-12-31',
    announcedAt: null,
    createdAt: '2026-11-25T02:00:00.000Z',
    updatedAt: '2026-11-25T02:00:00.000Z',
    ...overrides,
  };
}

export function consultation(overrides: Partial<ConsultationView> = {}): ConsultationView {
  return {
    ...consultationItem(overrides),
    summary: 'Quy định mức thu phí thẩm định hồ sơ.',
    shortened: false,
    rule: { version: '2026-01-01', minimumDays: 20 },
    contact: { address: '01 Hùng Vương, Đông Hà', email: 'vanthu@tnmt.quangtri.gov.vn', phone: null },
    articles: [
      { id: 'a-1', chapter: 'Chương I. QUY ĐỊNH CHUNG', number: '1', heading: 'Điều 1. Phạm vi điều chỉnh', body: 'Quyết định này quy định mức thu phí.' },
      { id: 'a-2', chapter: 'Chương I. QUY ĐỊNH CHUNG', number: '2', heading: 'Điều 2. Đối tượng áp dụng', body: 'Tổ chức, cá nhân nộp hồ sơ.' },
    ],
    files: [],
    consultees: [
      { unit: SO_TAI_CHINH, builtIn: 'finance', deadlineOn: '2026-12-11', reply: null },
      { unit: TU_PHAP, builtIn: 'justice', deadlineOn: '2026-12-11', reply: { text: 'Đề nghị bổ sung căn cứ pháp lý.', file: { id: 'f-9', name: 'y-kien-so-tu-phap.pdf', contentType: 'application/pdf', size: 52_000 }, by: 'chuyen-vien-tp', at: '2026-12-12T03:00:00.000Z', late: true } },
    ],
    comments: 0,
    outcome: null,
    ...overrides,
  };
}

export function comment(overrides: Partial<CommentView> = {}): CommentView {
  return {
    id: uuid(),
    articleId: 'a-1',
    status: 'pending',
    hidden: false,
    reports: 0,
    author: { name: 'Trần Văn Bình', organisation: 'Công ty TNHH Bình An', email: 'binh@example.vn' },
    body: 'Đề nghị làm rõ mức phí cho hồ sơ điện tử.',
    reply: null,
    createdAt: '2026-12-05T02:00:00.000Z',
    ...overrides,
  };
}

export function consultationRequest(overrides: Partial<ConsultationRequest> = {}): ConsultationRequest {
  return {
    consultationId: 'c-1',
    title: 'Dự thảo Quyết định quy định về phí thẩm định',
    slug: 'du-thao-quy-dinh-ve-phi-3f9a1c2b',
    draftingUnit: TNMT,
    unit: SO_TAI_CHINH,
    builtIn: 'finance',
    deadlineOn: '2026-12-11',
    reply: null,
    ...overrides,
  };
}

export function dialogue(overrides: Partial<DialogueView> = {}): DialogueView {
  return {
    id: uuid(),
    slug: 'doi-thoai-ve-dat-dai-1a2b3c4d',
    title: 'Đối thoại về thủ tục đất đai',
    field: 'dat-dai',
    description: 'Lãnh đạo Sở trả lời câu hỏi về thủ tục đất đai.',
    guests: [
      { id: 'g-1', name: 'Lê Văn Minh', position: 'Giám đốc Sở', unit: TNMT.name },
      { id: 'g-2', name: 'Phạm Thị Lan', position: 'Trưởng phòng Đất đai', unit: TNMT.name },
    ],
    startsAt: '2026-12-10T02:00:00.000Z',
    endsAt: '2026-12-10T04:00:00.000Z',
    livestreamUrl: 'https://www.youtube.com/watch?v=abc',
    status: 'announced',
    cancelReason: null,
    summary: null,
    videoUrl: null,
    startedAt: null,
    endedAt: null,
    publishedAt: null,
    createdAt: '2026-11-25T02:00:00.000Z',
    updatedAt: '2026-11-25T02:00:00.000Z',
    ...overrides,
  };
}

export function dialogueQuestion(overrides: Partial<DialogueQuestionView> = {}): DialogueQuestionView {
  return {
    id: uuid(),
    status: 'pending',
    askedDuring: 'before',
    asker: { name: 'Nguyễn Thị Hoa', email: 'hoa@example.vn' },
    content: 'Thời gian cấp giấy chứng nhận lần đầu là bao lâu?',
    consentPublish: true,
    rejectReason: null,
    answer: null,
    forwardedQuestionId: null,
    createdAt: '2026-12-09T02:00:00.000Z',
    ...overrides,
  };
}

export function statistics(overrides: Partial<Statistics> = {}): Statistics {
  return {
    province: PROVINCE,
    period: { from: '2026-01-01', to: '2026-11-29' },
    today: '2026-11-29',
    board: { received: 40, forwarded: 35, declined: 3, triagedOnTime: 36, triagedLate: 2, overdue: 1 },
    totals: { received: 35, answered: 30, answeredOnTime: 27, answeredLate: 3, overdue: 2, onTimeRate: 0.9, medianWorkingDays: 6.5 },
    agencies: [
      { agency: TNMT, received: 20, answered: 18, answeredOnTime: 17, answeredLate: 1, overdue: 1, open: 2, paused: 0, transferred: 0, returned: 0, onTimeRate: 0.94, medianWorkingDays: 6, ratings: { count: 12, average: 4.25 } },
      { agency: TU_PHAP, received: 15, answered: 12, answeredOnTime: 10, answeredLate: 2, overdue: 1, open: 3, paused: 1, transferred: 1, returned: 0, onTimeRate: 0.83, medianWorkingDays: 8, ratings: { count: 0, average: null } },
    ],
    ...overrides,
  };
}

export function progressReport(overrides: Partial<ProgressReportView> = {}): ProgressReportView {
  return { id: 'p-1', text: 'Đang xác minh hồ sơ địa chính với UBND phường', answerBy: '2026-12-04', at: '2026-11-24T03:00:00.000Z', ...overrides };
}

export function publishedItem(overrides: Partial<PublishedItem> = {}): PublishedItem {
  return { slug: 'thu-tuc-cap-so-do', title: 'Thủ tục cấp sổ đỏ lần đầu', field: { code: 'dat-dai', name: 'Đất đai' }, agency: TNMT.name, publishedAt: '2026-11-10T03:00:00.000Z', ...overrides };
}
