import { defineSchema } from '@cong/sdk';
import type { InformationRequestStatus, ReminderKind, SubmissionAction, SubmissionStatus } from './submissions-database.js';

// ─── Shapes the API returns ──────────────────────────────────────────────────────────────────
/** A unit as the submissions API names it (Vietnamese name). */
export interface UnitRef {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
}

/** A linked file: the sender's media (site-relative) or an https URL. */
export interface Attachment {
  readonly url: string;
  readonly title: string;
}

export interface Submission {
  readonly id: string;
  readonly sender: UnitRef;
  readonly receiver: UnitRef;
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly categorySlug: string | null;
  readonly byline: string | null;
  readonly contact: { readonly name: string; readonly phone: string | null; readonly email: string | null };
  readonly attachments: readonly Attachment[];
  readonly requestId: string | null;
  readonly status: SubmissionStatus;
  /** The reason of the last return, or the receiver's remark on acceptance. */
  readonly remarks: string | null;
  /** The draft article the receiver made of it. */
  readonly articleId: string | null;
  readonly revision: number;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly submittedAt: string;
  readonly handledBy: string | null;
  readonly handledAt: string | null;
}

export interface SubmissionStep {
  readonly action: SubmissionAction;
  readonly actorId: string;
  readonly unitId: string;
  readonly remark: string | null;
  readonly revision: number;
  readonly at: string;
}

export interface SubmissionDetail extends Submission {
  readonly history: readonly SubmissionStep[];
}

export type UnitAnswerState = 'answered' | 'pending' | 'overdue';

export interface AddressedUnit {
  readonly unit: UnitRef;
  readonly state: UnitAnswerState;
  /** Submissions of the unit that answer the request (withdrawn ones excluded). */
  readonly submissionIds: readonly string[];
  readonly notifyEmails: readonly string[];
  readonly lastReminderOn: string | null;
}

export interface InformationRequest {
  readonly id: string;
  readonly requester: UnitRef;
  readonly title: string;
  readonly message: string;
  /** The last day to answer, `YYYY-MM-DD` (Vietnam). */
  readonly deadline: string;
  /** The working days it was given, when it was given so. */
  readonly workingDays: number | null;
  readonly status: InformationRequestStatus;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly closedAt: string | null;
  readonly counts: { readonly answered: number; readonly pending: number; readonly overdue: number };
}

export interface InformationRequestDetail extends InformationRequest {
  readonly units: readonly AddressedUnit[];
}

/** A request as an addressed unit sees it: its own state only. */
export interface AssignedRequest {
  readonly id: string;
  readonly requester: UnitRef;
  readonly title: string;
  readonly message: string;
  readonly deadline: string;
  readonly status: InformationRequestStatus;
  readonly state: UnitAnswerState;
  readonly submissionIds: readonly string[];
  readonly notifyEmails: readonly string[];
}

export interface ReminderSent {
  readonly requestId: string;
  readonly unitId: string;
  readonly kind: ReminderKind;
  readonly recipients: readonly string[];
}

// ─── Building blocks ─────────────────────────────────────────────────────────────────────────
const uuid = { type: 'string', format: 'uuid' } as const;
const unitId = { type: 'string', minLength: 1, maxLength: 64 } as const;
const time = { type: 'string', format: 'date-time' } as const;
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' } as const;
const email = { type: 'string', format: 'email', maxLength: 254 } as const;
const emails = { type: 'array', maxItems: 20, uniqueItems: true, items: email } as const;
const SUBMISSION_STATUSES: readonly SubmissionStatus[] = ['submitted', 'accepted', 'returned', 'withdrawn'];
const ACTIONS: readonly SubmissionAction[] = ['submit', 'edit', 'resubmit', 'withdraw', 'accept', 'return'];
const ANSWER_STATES: readonly UnitAnswerState[] = ['answered', 'pending', 'overdue'];
const page = { limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 }, offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0 } } as const;

const unitRef = { type: 'object', additionalProperties: false, required: ['id', 'slug', 'name'], properties: { id: { type: 'string' }, slug: { type: 'string' }, name: { type: 'string' } } } as const;

const attachment = {
  type: 'object',
  additionalProperties: false,
  required: ['url', 'title'],
  properties: {
    // https, or a path on the sender's own site (its media library); never protocol-relative.
    url: { type: 'string', minLength: 2, maxLength: 2000, pattern: '^(https://[^\\s<>"]+|/(?!/)[^\\s<>"]*)$', description: 'https://… or a site-relative path (/files/…).' },
    title: { type: 'string', minLength: 1, maxLength: 300 },
  },
} as const;

const contact = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: { name: { type: 'string', minLength: 1, maxLength: 200 }, phone: { type: ['string', 'null'], maxLength: 40, pattern: '^[0-9 +().-]*$' }, email: { anyOf: [email, { type: 'null' }] } },
} as const;

// ─── Submissions ─────────────────────────────────────────────────────────────────────────────
const submissionProperties = {
  id: uuid,
  sender: unitRef,
  receiver: unitRef,
  title: { type: 'string' },
  summary: { type: 'string' },
  body: { type: 'string' },
  categorySlug: { type: ['string', 'null'] },
  byline: { type: ['string', 'null'] },
  contact: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'phone', 'email'],
    properties: { name: { type: 'string' }, phone: { type: ['string', 'null'] }, email: { type: ['string', 'null'] } },
  },
  attachments: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['url', 'title'], properties: { url: { type: 'string' }, title: { type: 'string' } } } },
  requestId: { type: ['string', 'null'] },
  status: { enum: SUBMISSION_STATUSES },
  remarks: { type: ['string', 'null'] },
  articleId: { type: ['string', 'null'] },
  revision: { type: 'integer' },
  createdBy: { type: 'string' },
  createdAt: time,
  updatedAt: time,
  submittedAt: time,
  handledBy: { type: ['string', 'null'] },
  handledAt: { type: ['string', 'null'], format: 'date-time' },
} as const;

export const submissionSchema = defineSchema<Submission>({ type: 'object', additionalProperties: false, required: Object.keys(submissionProperties), properties: submissionProperties });

const stepSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['action', 'actorId', 'unitId', 'remark', 'revision', 'at'],
  properties: { action: { enum: ACTIONS }, actorId: { type: 'string' }, unitId: { type: 'string' }, remark: { type: ['string', 'null'] }, revision: { type: 'integer' }, at: time },
} as const;

export const submissionDetailSchema = defineSchema<SubmissionDetail>({
  type: 'object',
  additionalProperties: false,
  required: [...Object.keys(submissionProperties), 'history'],
  properties: { ...submissionProperties, history: { type: 'array', items: stepSchema } },
});

export const submissionPage = defineSchema<{ items: Submission[]; total: number; limit: number; offset: number }>({
  type: 'object',
  additionalProperties: false,
  required: ['items', 'total', 'limit', 'offset'],
  properties: { items: { type: 'array', items: submissionSchema }, total: { type: 'integer', minimum: 0 }, limit: { type: 'integer' }, offset: { type: 'integer' } },
});

/** What a sender writes; the receiver and the request are fixed once sent. */
export interface SubmissionContentInput {
  title?: string;
  summary?: string;
  body?: string;
  categorySlug?: string | null;
  byline?: string | null;
  contact?: { name: string; phone?: string | null; email?: string | null };
  attachments?: Attachment[];
}

export interface CreateSubmissionBody extends SubmissionContentInput {
  title: string;
  body: string;
  contact: { name: string; phone?: string | null; email?: string | null };
  receiverId?: string;
  requestId?: string;
}

const contentProperties = {
  title: { type: 'string', minLength: 1, maxLength: 500 },
  summary: { type: 'string', maxLength: 2000 },
  body: { type: 'string', minLength: 1, maxLength: 1_000_000 },
  categorySlug: { type: ['string', 'null'], maxLength: 120, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'A suggestion for the receiver; need not exist there.' },
  byline: { type: ['string', 'null'], maxLength: 300, description: 'Author or source line (tác giả, nguồn tin).' },
  contact,
  attachments: { type: 'array', maxItems: 20, items: attachment },
} as const;

export const createSubmissionBody = defineSchema<CreateSubmissionBody>({
  type: 'object',
  additionalProperties: false,
  required: ['title', 'body', 'contact'],
  properties: {
    ...contentProperties,
    receiverId: { ...unitId, description: 'A unit above the sender with the portal enabled. Default: the nearest one.' },
    requestId: { ...uuid, description: 'The information request this answers; the submission then goes to the unit that asked.' },
  },
});

export const updateSubmissionBody = defineSchema<SubmissionContentInput>({ type: 'object', additionalProperties: false, minProperties: 1, properties: contentProperties });

export const remarkBody = defineSchema<{ remark?: string }>({
  type: 'object',
  additionalProperties: false,
  properties: { remark: { type: 'string', maxLength: 2000 } },
});

export const acceptBody = defineSchema<{ categoryId?: string | null; slug?: string; remark?: string }>({
  type: 'object',
  additionalProperties: false,
  properties: {
    categoryId: { type: ['string', 'null'], format: 'uuid', description: 'A category of the receiving unit. Default: the one whose slug the sender suggested, if it exists.' },
    slug: { type: 'string', minLength: 1, maxLength: 120, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'Default: from the title, made unique.' },
    remark: { type: 'string', maxLength: 2000 },
  },
});

export const returnBody = defineSchema<{ reason: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: { reason: { type: 'string', minLength: 1, maxLength: 2000 } },
});

export const listSubmissionsQuery = defineSchema<{ status?: SubmissionStatus; limit: number; offset: number }>({
  type: 'object',
  additionalProperties: false,
  properties: { status: { enum: SUBMISSION_STATUSES }, ...page },
});

export const inboxQuery = defineSchema<{ status?: SubmissionStatus; senderId?: string; limit: number; offset: number }>({
  type: 'object',
  additionalProperties: false,
  properties: { status: { enum: SUBMISSION_STATUSES }, senderId: unitId, ...page },
});

export const idParams = defineSchema<{ id: string }>({ type: 'object', additionalProperties: false, required: ['id'], properties: { id: uuid } });

// ─── Information requests ────────────────────────────────────────────────────────────────────
const counts = {
  type: 'object',
  additionalProperties: false,
  required: ['answered', 'pending', 'overdue'],
  properties: { answered: { type: 'integer' }, pending: { type: 'integer' }, overdue: { type: 'integer' } },
} as const;

const requestProperties = {
  id: uuid,
  requester: unitRef,
  title: { type: 'string' },
  message: { type: 'string' },
  deadline: { type: 'string' },
  workingDays: { type: ['integer', 'null'] },
  status: { enum: ['open', 'closed'] },
  createdBy: { type: 'string' },
  createdAt: time,
  closedAt: { type: ['string', 'null'], format: 'date-time' },
  counts,
} as const;

export const informationRequestSchema = defineSchema<InformationRequest>({ type: 'object', additionalProperties: false, required: Object.keys(requestProperties), properties: requestProperties });

const addressedUnit = {
  type: 'object',
  additionalProperties: false,
  required: ['unit', 'state', 'submissionIds', 'notifyEmails', 'lastReminderOn'],
  properties: {
    unit: unitRef,
    state: { enum: ANSWER_STATES },
    submissionIds: { type: 'array', items: { type: 'string' } },
    notifyEmails: { type: 'array', items: { type: 'string' } },
    lastReminderOn: { type: ['string', 'null'] },
  },
} as const;

export const informationRequestDetailSchema = defineSchema<InformationRequestDetail>({
  type: 'object',
  additionalProperties: false,
  required: [...Object.keys(requestProperties), 'units'],
  properties: { ...requestProperties, units: { type: 'array', items: addressedUnit } },
});

export const informationRequestPage = defineSchema<{ items: InformationRequest[]; total: number; limit: number; offset: number }>({
  type: 'object',
  additionalProperties: false,
  required: ['items', 'total', 'limit', 'offset'],
  properties: { items: { type: 'array', items: informationRequestSchema }, total: { type: 'integer', minimum: 0 }, limit: { type: 'integer' }, offset: { type: 'integer' } },
});

export interface CreateInformationRequestBody {
  title: string;
  message: string;
  units?: { id: string; notifyEmails?: string[] }[];
  subtrees?: string[];
  deadline: { workingDays?: number; date?: string };
}

export const createInformationRequestBody = defineSchema<CreateInformationRequestBody>({
  type: 'object',
  additionalProperties: false,
  required: ['title', 'message', 'deadline'],
  properties: {
    title: { type: 'string', minLength: 1, maxLength: 500 },
    message: { type: 'string', minLength: 1, maxLength: 10000 },
    units: {
      type: 'array',
      maxItems: 500,
      items: { type: 'object', additionalProperties: false, required: ['id'], properties: { id: unitId, notifyEmails: emails } },
      description: 'Units below the requester, each with the addresses reminders go to (the unit can change them).',
    },
    subtrees: { type: 'array', maxItems: 50, items: unitId, description: 'Every unit below each of these (and the unit itself, unless it is the requester), with the portal enabled.' },
    deadline: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      maxProperties: 1,
      properties: {
        workingDays: { type: 'integer', minimum: 1, maximum: 120, description: 'Counted from today with the working-day calendar.' },
        date: { ...date, description: 'The last day to answer; today or later.' },
      },
    },
  },
});

export const listInformationRequestsQuery = defineSchema<{ status?: InformationRequestStatus; limit: number; offset: number }>({
  type: 'object',
  additionalProperties: false,
  properties: { status: { enum: ['open', 'closed'] }, ...page },
});

const assignedProperties = {
  id: uuid,
  requester: unitRef,
  title: { type: 'string' },
  message: { type: 'string' },
  deadline: { type: 'string' },
  status: { enum: ['open', 'closed'] },
  state: { enum: ANSWER_STATES },
  submissionIds: { type: 'array', items: { type: 'string' } },
  notifyEmails: { type: 'array', items: { type: 'string' } },
} as const;

export const assignedRequestSchema = defineSchema<AssignedRequest>({ type: 'object', additionalProperties: false, required: Object.keys(assignedProperties), properties: assignedProperties });

export const assignedRequestPage = defineSchema<{ items: AssignedRequest[]; total: number; limit: number; offset: number }>({
  type: 'object',
  additionalProperties: false,
  required: ['items', 'total', 'limit', 'offset'],
  properties: { items: { type: 'array', items: assignedRequestSchema }, total: { type: 'integer', minimum: 0 }, limit: { type: 'integer' }, offset: { type: 'integer' } },
});

export const listAssignedQuery = defineSchema<{ status?: InformationRequestStatus; limit: number; offset: number }>({
  type: 'object',
  additionalProperties: false,
  properties: { status: { enum: ['open', 'closed'], default: 'open' }, ...page },
});

export const contactsBody = defineSchema<{ notifyEmails: string[] }>({
  type: 'object',
  additionalProperties: false,
  required: ['notifyEmails'],
  properties: { notifyEmails: emails },
});

export const deadlineQuery = defineSchema<{ workingDays: number; from?: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['workingDays'],
  properties: { workingDays: { type: 'integer', minimum: 1, maximum: 120 }, from: { ...date, description: 'Default: today (Vietnam).' } },
});

export const deadlineResponse = defineSchema<{ from: string; workingDays: number; deadline: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['from', 'workingDays', 'deadline'],
  properties: { from: { type: 'string' }, workingDays: { type: 'integer' }, deadline: { type: 'string' } },
});

export const remindersResponse = defineSchema<{ on: string; sent: ReminderSent[] }>({
  type: 'object',
  additionalProperties: false,
  required: ['on', 'sent'],
  properties: {
    on: { type: 'string' },
    sent: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['requestId', 'unitId', 'kind', 'recipients'],
        properties: { requestId: { type: 'string' }, unitId: { type: 'string' }, kind: { enum: ['before', 'overdue'] }, recipients: { type: 'array', items: { type: 'string' } } },
      },
    },
  },
});
