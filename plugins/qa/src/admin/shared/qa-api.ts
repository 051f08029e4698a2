// The Q&A API's shapes as the admin reads them. Types only, straight from the server's services, so
// the pages follow the API when it changes; `import type` keeps server code out of the bundle.
import type { QuestionView, RoutingSuggestion, RuleView, TimelineEntry } from '../../questions/question.service.js';
import type { QuestionStatus, QuestionAction, RoutingRuleKind } from '../../questions/qa-database.js';
import type { AnswerView, AttachmentView } from '../../answers/answer.service.js';
import type { FindingView, PublicTexts, ReviewView } from '../../answers/publication.service.js';
import type { ConsultationService } from '../../consultations/consultation.service.js';
import type { ConsultationPhase } from '../../consultations/consultation-phase.js';
import type { BuiltInConsultee, ReplyDecision } from '../../consultations/consultation-database.js';
import type { DraftArticle } from '../../consultations/article-splitter.js';
import type { DialogueService, DialogueInput } from '../../dialogues/dialogue.service.js';
import type { DialogueForwarding } from '../../dialogues/dialogue-forwarding.js';
import type { DialogueQuestionStatus, DialogueStatus } from '../../dialogues/dialogue-database.js';
import type { Statistics, AgencyFigures } from '../../deadlines/statistics.service.js';
import type { FeedbackService } from '../../feedback/feedback.service.js';
import type { Classification, ContentType, Decision, FeedbackStatus, ReviewCriterion } from '../../feedback/feedback-database.js';
import type { MailTemplateService, MailTemplateView } from '../../templates/mail-template.service.js';

export type { AnswerView, AttachmentView, FindingView, PublicTexts, QuestionAction, QuestionStatus, QuestionView, ReviewView, RoutingRuleKind, RoutingSuggestion, RuleView, TimelineEntry };

export const API = '/api/qa';

/** The pages' nav routes, as package.json's `cong.admin.nav` declares them (admin-manifest.test.ts checks). */
export const ROUTES = {
  board: '/qa/tiep-nhan',
  rules: '/qa/quy-tac-chuyen',
  inbox: '/qa/cau-hoi-duoc-chuyen',
  settings: '/qa/cai-dat-tra-loi',
  consultations: '/qa/lay-y-kien',
  consultationRequests: '/qa/du-thao-duoc-lay-y-kien',
  dialogues: '/qa/doi-thoai',
  statistics: '/qa/thong-ke',
  feedback: '/qa/phan-anh-kien-nghi',
  ideas: '/qa/gop-y-hien-ke',
  templates: '/qa/mau-thu',
  privacy: '/qa/du-lieu-ca-nhan',
} as const;

/** The permissions the pages check before calling (the server checks again). */
export const TRIAGE = 'qa.questions.triage';
export const ANSWER = 'qa.questions.answer';
export const APPROVE = 'qa.answers.approve';
export const PUBLISH = 'qa.answers.publish';
export const CONSULTATIONS = 'qa.consultations.manage';
export const CONSULTATION_REPLY = 'qa.consultations.reply';
export const DIALOGUES = 'qa.dialogues.manage';
export const STATISTICS = 'qa.statistics.read';
export const FEEDBACK = 'qa.feedback.process';
export const IDEAS = 'qa.ideas.manage';
export const TEMPLATES = 'qa.templates.manage';
export const PRIVACY = 'qa.privacy.manage';

/** The statuses staff can filter on (mirrors `listQuery`: every status but `unverified`). */
export const LIST_STATUSES: readonly QuestionStatus[] = ['received', 'forwarded', 'returned', 'waiting', 'answered', 'closed'];

/**
 * A deadline as a question list may carry it (optional: shown when the server sends it). Read loosely
 * on purpose, so the pages work before and after the deadlines area adds it to the views.
 */
export interface DueView {
  readonly dueOn?: string | null;
  readonly due?: string | null;
  readonly dueAt?: string | null;
  readonly state?: string | null;
}

/**
 * One hop's SLA clock as `GET /api/qa/questions/:id/deadlines` and `GET /api/qa/inbox/:id/deadlines`
 * give it (the deadlines area, QA-03/QA-12). Optional: the pages show nothing when the route is absent.
 */
export interface ClockItem {
  readonly hop: number;
  readonly kind: 'board' | 'agency';
  readonly unit: { readonly id: string; readonly slug: string; readonly name: string } | null;
  readonly startedAt: string;
  readonly limitDays: number;
  readonly dueOn: string;
  readonly pausedDays: number;
  readonly pausedSince: string | null;
  readonly endedAt: string | null;
  readonly workingDays: number | null;
  readonly state: string;
}

/** A question of a list (`GET /api/qa/questions`, `GET /api/qa/inbox`). */
export type QuestionItem = QuestionView & { readonly deadline?: DueView | null; readonly dueAt?: string | null };

/** One question with its timeline; the board's view adds the routing rules' suggestions. */
export type QuestionDetail = QuestionItem & { readonly timeline: readonly TimelineEntry[]; readonly suggestions?: readonly RoutingSuggestion[] };

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/** A field (lĩnh vực) and a commune as `GET /api/qa/public/form` lists them for the unit's province. */
export interface FieldOption {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
}
export interface CommuneOption {
  readonly slug: string;
  readonly name: string;
}
export interface FormLists {
  readonly fields: readonly FieldOption[];
  readonly communes: readonly CommuneOption[];
}

/** A unit as `GET /api/core/tenants` lists it (the fields the pickers read). */
export interface UnitNode {
  readonly id: string;
  readonly slug: string;
  readonly nameVi: string;
  readonly nameEn: string | null;
  readonly kind: string;
  readonly parentId: string | null;
  readonly status: string;
}

/** What the attachment chooser accepts (the server sniffs the bytes and decides; mirrors `ATTACHMENT_TYPES`). */
export const ATTACHMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,.odt,.ods';
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

// ─── Consultations, dialogues, statistics (the services' own return types) ──────────────────────
export type { AgencyFigures, BuiltInConsultee, ConsultationPhase, DialogueInput, DialogueQuestionStatus, DialogueStatus, DraftArticle, ReplyDecision, Statistics };

type Resolved<F> = F extends (...args: never[]) => Promise<infer R> ? R : never;

/** `GET /api/qa/consultations/:id`. */
export type ConsultationView = Resolved<ConsultationService['detail']>;
/** A consultation of `GET /api/qa/consultations`. */
export type ConsultationItem = Resolved<ConsultationService['page']>['items'][number];
export type ConsulteeView = ConsultationView['consultees'][number];
/** `GET /api/qa/consultation-periods`. */
export interface PeriodsView {
  readonly version: string;
  readonly citation: string;
  readonly documentTypes: readonly { readonly code: string; readonly label: { readonly vi: string; readonly en: string }; readonly minimumDays: number; readonly checked: boolean }[];
  readonly agencyReplyDays: number;
  readonly agencyReplyDaysShortened: number;
  readonly builtInConsultees: readonly { readonly flag: BuiltInConsultee; readonly unit: { readonly id: string; readonly slug: string; readonly name: string } | null }[];
}
/** A comment as `GET /api/qa/consultations/:id/comments` gives it. */
export type CommentView = Resolved<ConsultationService['comments']>['items'][number];
export type ModerationEntry = Resolved<ConsultationService['moderationLog']>['items'][number];
/** A draft the unit is consulted on (`GET /api/qa/consultation-requests`). */
export type ConsultationRequest = Resolved<ConsultationService['requests']>['items'][number];

/** `GET /api/qa/dialogues/:id`. */
export type DialogueView = Resolved<DialogueService['detail']>;
export type DialogueQuestionView = Resolved<DialogueService['questions']>['items'][number];
export type DialogueModerationEntry = Resolved<DialogueService['moderationLog']>['items'][number];
export type ForwardedView = Resolved<DialogueForwarding['forwardUnanswered']>;

/** `POST /api/qa/deadlines/sweep`. */
export interface SweepResult {
  readonly computed: number;
  readonly reminders: number;
  readonly escalations: number;
}

/** What the dossier chooser accepts (the server sniffs the bytes; mirrors `DOSSIER_TYPES`). */
export const DOSSIER_ACCEPT = '.pdf,.docx';
export const DOSSIER_MAX_BYTES = 20 * 1024 * 1024;

// ─── Feedback and ideas, mail templates, personal data ──────────────────────────────────────────
export type { Classification, ContentType, Decision, FeedbackStatus, MailTemplateView, ReviewCriterion };

/** One feedback on a regulation or one idea, with its timeline (`GET /api/qa/feedback/:id`, `GET /api/qa/ideas/:id`). */
export type FeedbackView = Resolved<FeedbackService['detail']>;
/** The review of a regulation against the six criteria (`PUT /api/qa/feedback/:id/review`). */
export type ReviewCriteria = Readonly<Record<ReviewCriterion, { readonly met: boolean; readonly note: string }>>;
/** The six criteria of NĐ 20/2008 Art. 14, in the order the API lists them (mirrors `REVIEW_CRITERIA`). */
export const REVIEW_CRITERIA: readonly ReviewCriterion[] = ['necessity', 'reasonableness-legality', 'simplicity', 'feasibility', 'consistency', 'treaty-compliance'];
/** The four outcomes of classification (mirrors `CLASSIFICATIONS`). */
export const CLASSIFICATIONS: readonly Classification[] = ['not-accepted', 'official-complaint', 'within-competence', 'outside-competence'];
/** The outcomes after which the item is forwarded by a due date. */
export const FORWARDING: readonly Classification[] = ['official-complaint', 'outside-competence'];
export const DECISIONS: readonly Decision[] = ['amend', 'replace', 'abolish', 'issue-new', 'keep'];
export const CONTENT_TYPES: readonly ContentType[] = ['practical-obstacle', 'unsuitable', 'inconsistent', 'unlawful', 'contrary-to-treaty', 'other', 'proposed-solution', 'new-regulation'];
/** The statuses staff filter feedback on regulations by (the list query refuses `unverified`). */
export const FEEDBACK_LIST_STATUSES: readonly FeedbackStatus[] = ['received', 'registered', 'not-accepted', 'forwarding', 'forwarded', 'processing', 'decided', 'published', 'archived'];
/** The statuses of ideas. */
export const IDEA_LIST_STATUSES: readonly FeedbackStatus[] = ['received', 'accepted', 'rejected', 'archived'];

/** A template of `GET /api/qa/templates`. */
export type MailTemplateItem = Resolved<MailTemplateService['list']>['items'][number];
/** `POST /api/qa/templates/:name/preview`. */
export type MailPreview = Resolved<MailTemplateService['preview']>;

/** `POST /api/qa/privacy/retention/run`. */
export interface RetentionResult {
  readonly erased: number;
  readonly retentionYears: number;
}

/** The core's audit log (`GET /api/core/audit`, `core.audit.read`): the fields the erasure record reads. */
export const AUDIT_READ = 'core.audit.read';
/** The audit action of an erasure (privacy/personal-data-eraser.ts); `after` is `{ reason, published }`. */
export const ERASURE_ACTION = 'qa.question.erase-personal-data';
export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly actorId: string;
  readonly action: string;
  readonly objectId: string;
  readonly after?: unknown;
}
export interface AuditPage {
  readonly items: readonly AuditEntry[];
  readonly nextCursor: string | null;
}

// ─── Progress reports (QA-03) and answers by reference (QA-06) ─────────────────────────────────
export type { ProgressReportView } from '../../answers/progress-report.service.js';
export type { AnsweredByReference } from '../../answers/answer-link.service.js';

/** A published Q&A as `GET /api/qa/public/answers` lists it (the fields the picker reads). */
export interface PublishedItem {
  readonly slug: string;
  readonly title: string;
  readonly field: { readonly code: string; readonly name: string };
  readonly agency: string | null;
  readonly publishedAt: string;
}
