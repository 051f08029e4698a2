// Answers of the feedback, ideas, mail template and privacy routes for the browser tests, typed by the
// server's own views (feedback/feedback-views.ts, templates/mail-template.service.ts) so a change of the
// API breaks the build of these fixtures, not silently the tests. Only tests import this file.
import type { AuditEntry, FeedbackView, MailPreview, MailTemplateItem, MailTemplateView } from '../shared/qa-api.js';

/** A feedback on a regulation as `GET /api/qa/feedback/:id` gives it; `received` by default. */
export function feedbackItem(overrides: Partial<FeedbackView> = {}): FeedbackView {
  return {
    id: 'fb-1',
    kind: 'regulation',
    status: 'received',
    channel: 'web',
    trackingCode: 'PA-7K2M9Q',
    sender: { name: 'Nguyễn Văn An', email: 'an.nguyen@example.vn', phone: '0912345678', address: '12 Lê Lợi, Đông Hà' },
    contentType: 'practical-obstacle',
    regulation: { name: 'Quyết định 12/2025/QĐ-UBND về phí trông giữ xe', link: 'https://vbpl.vn/quangtri/12-2025' },
    title: 'Mức phí trông giữ xe đạp chưa phù hợp',
    content: 'Mức phí trông giữ xe đạp tại chợ cao hơn mức quy định của tỉnh lân cận.',
    proposal: 'Giảm mức phí ban đêm.',
    consentPublish: true,
    receivedAt: '2026-11-20T02:00:00.000Z',
    registerNumber: null,
    registeredAt: null,
    classification: null,
    classifyReason: null,
    forwardDueOn: null,
    forwardRuleVersion: null,
    forwardedTo: null,
    forwardedAt: null,
    forwardedOnTime: null,
    review: null,
    decision: null,
    decisionNote: null,
    publication: null,
    acknowledgement: null,
    supportCount: 0,
    archivedAt: null,
    createdAt: '2026-11-20T01:58:00.000Z',
    timeline: [{ action: 'received', actor: 'public', unit: 'u-quang-tri', note: 'portal', at: '2026-11-20T02:00:00.000Z' }],
    ...overrides,
  };
}

/** An idea as `GET /api/qa/ideas/:id` gives it; `received` by default. */
export function ideaItem(overrides: Partial<FeedbackView> = {}): FeedbackView {
  return feedbackItem({
    id: 'idea-1',
    kind: 'idea',
    trackingCode: 'HK-3PX8WD',
    contentType: null,
    regulation: null,
    title: 'Trồng cây xanh dọc bờ sông Hiếu',
    content: 'Đề nghị trồng thêm cây xanh và đặt ghế đá dọc bờ sông Hiếu.',
    proposal: null,
    ...overrides,
  });
}

export const templateItems: MailTemplateItem[] = [
  { name: 'question-verification', description: { vi: 'Thư xác nhận câu hỏi (liên kết xác nhận e-mail)', en: 'Question verification (the e-mailed link)' }, keys: ['title', 'link', 'hours', 'province'], overridden: false, updatedAt: null },
  { name: 'answer-sent', description: { vi: 'Thư gửi câu trả lời (kèm liên kết đánh giá)', en: 'The answer, with the rating link' }, keys: ['code', 'title', 'answer', 'link'], overridden: true, updatedAt: '2026-11-25T03:00:00.000Z' },
];

const verificationDefaults = {
  subject: 'Xác nhận câu hỏi gửi Cổng thông tin điện tử / Confirm your question',
  bodyVi: 'Bạn vừa gửi câu hỏi đến {{province}}:\n"{{title}}"\n\n{{link}}',
  bodyEn: 'The link expires after {{hours}} hours.',
};

/** `GET /api/qa/templates/question-verification`, the default text in use. */
export function templateView(overrides: Partial<MailTemplateView> = {}): MailTemplateView {
  return {
    name: 'question-verification',
    description: templateItems[0]!.description,
    keys: ['title', 'link', 'hours', 'province'],
    ...verificationDefaults,
    overridden: false,
    defaults: verificationDefaults,
    updatedBy: null,
    updatedAt: null,
    ...overrides,
  };
}

export const preview: MailPreview = {
  subject: 'Xác nhận câu hỏi gửi Cổng thông tin điện tử / Confirm your question',
  text: 'Bạn vừa gửi câu hỏi đến UBND tỉnh Quảng Trị:\n"Thủ tục cấp giấy chứng nhận quyền sử dụng đất"',
  values: { title: 'Thủ tục cấp giấy chứng nhận quyền sử dụng đất', link: 'https://quangtri.gov.vn/hoi-dap/xac-nhan/MAU-lien-ket-mau', hours: '48', province: 'UBND tỉnh Quảng Trị' },
};

/** An erasure as the core's audit log lists it (`GET /api/core/audit`). */
export function erasureEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return { id: 'a-1', at: '2026-11-28T01:00:00.000Z', actorId: 'system', action: 'qa.question.erase-personal-data', objectId: 'q-1', after: { reason: 'retention', published: false }, ...overrides };
}
