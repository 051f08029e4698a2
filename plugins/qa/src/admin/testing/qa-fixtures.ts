// Answers in the Q&A API's shape for the browser tests, typed by the server's own view types
// (questions/question.service.ts, answers/answer.service.ts, answers/publication.service.ts) so a change
// of the API breaks the build of these fixtures, not silently the tests. Written by hand; the values are
// of the kind the real routes give in test/questions.integration.test.ts and test/answers.integration.test.ts.
// Only tests import this file.
import type { AnswerView, FormLists, Page, QuestionDetail, QuestionItem, ReviewView, RuleView, UnitNode } from '../shared/qa-api.js';

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
