// The Q&A API's shapes as the admin reads them. Types only, straight from the server's services, so
// the pages follow the API when it changes; `import type` keeps server code out of the bundle.
import type { QuestionView, RoutingSuggestion, RuleView, TimelineEntry } from '../../questions/question.service.js';
import type { QuestionStatus, QuestionAction, RoutingRuleKind } from '../../questions/qa-database.js';
import type { AnswerView, AttachmentView } from '../../answers/answer.service.js';
import type { FindingView, PublicTexts, ReviewView } from '../../answers/publication.service.js';

export type { AnswerView, AttachmentView, FindingView, PublicTexts, QuestionAction, QuestionStatus, QuestionView, ReviewView, RoutingRuleKind, RoutingSuggestion, RuleView, TimelineEntry };

export const API = '/api/qa';

/** The pages' nav routes, as package.json's `cong.admin.nav` declares them (admin-manifest.test.ts checks). */
export const ROUTES = {
  board: '/qa/tiep-nhan',
  rules: '/qa/quy-tac-chuyen',
  inbox: '/qa/cau-hoi-duoc-chuyen',
  settings: '/qa/cai-dat-tra-loi',
} as const;

/** The permissions the pages check before calling (the server checks again). */
export const TRIAGE = 'qa.questions.triage';
export const ANSWER = 'qa.questions.answer';
export const APPROVE = 'qa.answers.approve';
export const PUBLISH = 'qa.answers.publish';

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
