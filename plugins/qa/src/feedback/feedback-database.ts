/**
 * Kysely table types of feedback on regulations and ideas (`qa_feedback*`, migration 0480). Times are
 * epoch milliseconds; booleans 0/1; calendar dates `YYYY-MM-DD` (Vietnam).
 *
 * Feedback on a regulation follows NĐ 20/2008/NĐ-CP Art. 9 (intake) and Art. 14 (processing):
 *
 *   unverified ──verify──▶ received ──register (số vào sổ)──▶ registered ──classify──┬─▶ not-accepted
 *                                                                                 ├─▶ forwarding ──forward──▶ forwarded
 *                                                                                 └─▶ processing ──decide──▶ decided ──publish──▶ published
 *   (clarify, assess and review are recorded while processing; not-accepted, forwarded, decided and published end in archived)
 *
 * Staff enter feedback received by post, telephone, questionnaire or in person straight as `received`
 * (they vouch for the sender: no e-mail verification), with the day it arrived as `received_at`.
 *
 * An idea (góp ý, hiến kế, QA-15): unverified ──verify──▶ received ──accept──▶ accepted (public, with
 * support votes and an acknowledgement) or ──reject──▶ rejected; both end in archived.
 */
export type FeedbackKind = 'regulation' | 'idea';

export type FeedbackStatus =
  | 'unverified'
  | 'received'
  | 'registered'
  | 'not-accepted'
  | 'forwarding'
  | 'forwarded'
  | 'processing'
  | 'decided'
  | 'published'
  | 'accepted'
  | 'rejected'
  | 'archived';
export const FEEDBACK_STATUSES: readonly FeedbackStatus[] = ['unverified', 'received', 'registered', 'not-accepted', 'forwarding', 'forwarded', 'processing', 'decided', 'published', 'accepted', 'rejected', 'archived'];

/** The content types of NĐ 20/2008 Arts. 3 and 5 (QA-10), as the form offers them. */
export const CONTENT_TYPES = {
  'practical-obstacle': { vi: 'Vướng mắc, bất cập trong thực hiện quy định', en: 'Practical obstacles in applying the regulation' },
  unsuitable: { vi: 'Quy định không phù hợp với thực tế', en: 'The regulation does not suit practice' },
  inconsistent: { vi: 'Quy định không đồng bộ, không thống nhất', en: 'The regulation is inconsistent' },
  unlawful: { vi: 'Quy định không hợp pháp', en: 'The regulation is unlawful' },
  'contrary-to-treaty': { vi: 'Quy định trái với điều ước quốc tế mà Việt Nam là thành viên', en: 'The regulation is contrary to a treaty Viet Nam is party to' },
  other: { vi: 'Vấn đề khác', en: 'Another matter' },
  'proposed-solution': { vi: 'Phương án xử lý, giải pháp', en: 'A proposed solution' },
  'new-regulation': { vi: 'Sáng kiến ban hành quy định mới', en: 'An initiative for a new regulation' },
} as const;
export type ContentType = keyof typeof CONTENT_TYPES;

/** The four outcomes of classification (NĐ 20/2008 Art. 9(1), QA-12). */
export const CLASSIFICATIONS = {
  'not-accepted': { vi: 'Không thuộc phạm vi tiếp nhận', en: 'Not accepted' },
  'official-complaint': { vi: 'Phản ánh về hành vi của cán bộ, công chức: chuyển cơ quan có thẩm quyền', en: 'A complaint about officials: forwarded to the competent body' },
  'within-competence': { vi: 'Thuộc thẩm quyền xử lý', en: 'Within our competence' },
  'outside-competence': { vi: 'Không thuộc thẩm quyền: chuyển cơ quan có thẩm quyền', en: 'Outside our competence: forwarded' },
} as const;
export type Classification = keyof typeof CLASSIFICATIONS;

/** The criteria a regulation is reviewed against (NĐ 20/2008 Art. 14, QA-13). */
export const REVIEW_CRITERIA = {
  necessity: { vi: 'Sự cần thiết', en: 'Necessity' },
  'reasonableness-legality': { vi: 'Tính hợp lý, hợp pháp', en: 'Reasonableness and legality' },
  simplicity: { vi: 'Tính đơn giản', en: 'Simplicity' },
  feasibility: { vi: 'Tính khả thi', en: 'Feasibility' },
  consistency: { vi: 'Tính đồng bộ, thống nhất', en: 'Consistency' },
  'treaty-compliance': { vi: 'Phù hợp với điều ước quốc tế', en: 'Compliance with treaties' },
} as const;
export type ReviewCriterion = keyof typeof REVIEW_CRITERIA;

/** What the receiving body decides after the review. */
export const DECISIONS = {
  amend: { vi: 'Sửa đổi, bổ sung quy định', en: 'Amend the regulation' },
  replace: { vi: 'Thay thế quy định', en: 'Replace the regulation' },
  abolish: { vi: 'Bãi bỏ quy định', en: 'Abolish the regulation' },
  'issue-new': { vi: 'Ban hành quy định mới', en: 'Issue a new regulation' },
  keep: { vi: 'Giữ nguyên quy định và giải thích', en: 'Keep the regulation and explain why' },
} as const;
export type Decision = keyof typeof DECISIONS;

/**
 * How an item reached the receiving unit (NĐ 20/2008 Art. 6, QA-11): the portal's form (`web`, e-mail
 * verified) or entered by staff from a letter, a call, a questionnaire (phiếu lấy ý kiến) or a visit.
 */
export type FeedbackChannel = 'web' | 'post' | 'phone' | 'questionnaire' | 'in_person';
/** The channels staff enter items from (everything but the form). */
export const INTAKE_CHANNELS = {
  post: { vi: 'Thư gửi qua bưu điện', en: 'Letter by post' },
  phone: { vi: 'Điện thoại', en: 'Telephone' },
  questionnaire: { vi: 'Phiếu lấy ý kiến', en: 'Questionnaire' },
  in_person: { vi: 'Trực tiếp tại cơ quan', en: 'In person' },
} as const satisfies Record<Exclude<FeedbackChannel, 'web'>, { vi: string; en: string }>;
export type IntakeChannel = keyof typeof INTAKE_CHANNELS;

/** Public acknowledgement of an idea. */
export type Acknowledgement = 'acknowledged' | 'adopted';

export interface FeedbackDatabase {
  qa_feedback: {
    id: string;
    province_id: string;
    site_id: string;
    receiving_unit_id: string;
    kind: FeedbackKind;
    status: FeedbackStatus;
    /** How it reached the unit (migration 0520); `web` for the form's, and for every row written before. */
    channel: FeedbackChannel;
    tracking_code: string | null;
    sender_name: string;
    sender_email: string;
    sender_phone: string;
    sender_address: string;
    content_type: ContentType | null;
    regulation_name: string | null;
    regulation_link: string | null;
    title: string;
    content: string;
    proposal: string | null;
    consent_publish: number;
    consent_version: string;
    verify_hash: string | null;
    verify_expires_at: number | null;
    received_at: number | null;
    register_number: string | null;
    registered_at: number | null;
    classification: Classification | null;
    classify_reason: string | null;
    forward_due_on: string | null;
    forward_rule_version: string | null;
    forwarded_to: string | null;
    forwarded_at: number | null;
    review_json: string | null;
    decision: Decision | null;
    decision_note: string | null;
    public_slug: string | null;
    public_title: string | null;
    public_summary: string | null;
    public_result: string | null;
    published_at: number | null;
    archived_at: number | null;
    acknowledgement: Acknowledgement | null;
    acknowledgement_note: string | null;
    support_count: number;
    created_at: number;
    updated_at: number;
  };
  qa_feedback_events: {
    id: string;
    feedback_id: string;
    action: string;
    actor_id: string;
    unit_id: string | null;
    note: string | null;
    created_at: number;
  };
  qa_feedback_votes: {
    id: string;
    feedback_id: string;
    email_hash: string;
    status: 'unverified' | 'counted';
    verify_hash: string | null;
    verify_expires_at: number | null;
    counted_at: number | null;
    created_at: number;
  };
}

export type FeedbackRow = FeedbackDatabase['qa_feedback'];

/** The processing columns of a feedback or idea that has just been received (from the form or entered by staff). */
export const NOT_YET_PROCESSED = {
  register_number: null,
  registered_at: null,
  classification: null,
  classify_reason: null,
  forward_due_on: null,
  forward_rule_version: null,
  forwarded_to: null,
  forwarded_at: null,
  review_json: null,
  decision: null,
  decision_note: null,
  public_slug: null,
  public_title: null,
  public_summary: null,
  public_result: null,
  published_at: null,
  archived_at: null,
  acknowledgement: null,
  acknowledgement_note: null,
  support_count: 0,
} as const satisfies Partial<FeedbackRow>;
export type FeedbackEventRow = FeedbackDatabase['qa_feedback_events'];
export type VoteRow = FeedbackDatabase['qa_feedback_votes'];

/** A review as stored in `review_json`: every criterion with whether the regulation meets it and why. */
export type Review = Readonly<Record<ReviewCriterion, { readonly met: boolean; readonly note: string }>>;
