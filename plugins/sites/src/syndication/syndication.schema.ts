import { defineSchema } from '@cong/sdk';
import { PROPOSAL_STATUSES, type BroadcastEndCause, type BroadcastScope, type BroadcastStatus, type ProposalAction, type ProposalStatus } from './syndication-database.js';
import type { UnitRef } from './unit-tree.js';

// ─── Shapes the API returns ──────────────────────────────────────────────────────────────────
/** The source article as it is now (read live from the portal); null when it no longer exists. */
export interface ArticleRef {
  readonly id: string;
  readonly title: string;
  readonly slug: string;
  readonly status: string;
  /** Its public address on the source unit's site. */
  readonly url: string;
}

export interface Proposal {
  readonly id: string;
  readonly unit: UnitRef;
  readonly province: UnitRef;
  readonly articleId: string;
  readonly article: ArticleRef | null;
  readonly status: ProposalStatus;
  readonly note: string | null;
  readonly reason: string | null;
  readonly categoryId: string | null;
  /** The accepted item's address on the province site (`/tin-lien-ket/<id>`) while accepted. */
  readonly provincePath: string | null;
  readonly proposedBy: string;
  readonly proposedAt: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly updatedAt: string;
}

export interface ProposalStep {
  readonly action: ProposalAction;
  readonly actorId: string;
  readonly unitId: string;
  readonly remark: string | null;
  readonly at: string;
}

export interface ProposalDetail extends Proposal {
  readonly history: readonly ProposalStep[];
}

export interface Broadcast {
  readonly id: string;
  readonly sender: UnitRef;
  readonly articleId: string;
  readonly article: ArticleRef | null;
  readonly scope: BroadcastScope;
  readonly root: UnitRef;
  readonly status: BroadcastStatus;
  readonly note: string | null;
  readonly targetCount: number;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly endedBy: string | null;
  readonly endedAt: string | null;
  readonly endCause: BroadcastEndCause | null;
  readonly endReason: string | null;
}

export interface BroadcastDetail extends Broadcast {
  /** The units whose sites show (or showed) it, with the item's address on each. */
  readonly targets: readonly { readonly unit: UnitRef; readonly path: string; readonly removedAt: string | null }[];
}

/** A published article of the calling unit, with what it already takes part in. */
export interface PublishedArticle {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly publishedAt: string | null;
  readonly url: string;
  readonly proposal: { readonly id: string; readonly status: ProposalStatus } | null;
  readonly broadcast: { readonly id: string } | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

// ─── Building blocks ─────────────────────────────────────────────────────────────────────────
const uuid = { type: 'string', minLength: 36, maxLength: 36, pattern: '^[0-9a-f-]{36}$' } as const;
const time = { type: 'string', format: 'date-time' } as const;
const nullableTime = { type: ['string', 'null'], format: 'date-time' } as const;
const nullableText = { type: ['string', 'null'] } as const;
/** A reason someone reads later: not blank. */
const reason = { type: 'string', minLength: 1, maxLength: 2000, pattern: '\\S' } as const;
const remark = { type: 'string', maxLength: 2000 } as const;
const paging = { limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 }, offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0 } } as const;
const PROPOSAL_ACTIONS: readonly ProposalAction[] = ['propose', 'accept', 'reject', 'withdraw', 'revoke', 'source-withdraw'];

const unitRef = { type: 'object', additionalProperties: false, required: ['id', 'slug', 'name'], properties: { id: { type: 'string' }, slug: { type: 'string' }, name: { type: 'string' } } } as const;
const articleRef = {
  anyOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'title', 'slug', 'status', 'url'],
      properties: { id: { type: 'string' }, title: { type: 'string' }, slug: { type: 'string' }, status: { type: 'string' }, url: { type: 'string' } },
    },
    { type: 'null' },
  ],
} as const;

const pageOf = (items: object) =>
  ({
    type: 'object',
    additionalProperties: false,
    required: ['items', 'total', 'limit', 'offset'],
    properties: { items: { type: 'array', items }, total: { type: 'integer', minimum: 0 }, limit: { type: 'integer' }, offset: { type: 'integer' } },
  }) as const;

// ─── Requests ────────────────────────────────────────────────────────────────────────────────
export const idParams = defineSchema<{ id: string }>({ type: 'object', additionalProperties: false, required: ['id'], properties: { id: { type: 'string', maxLength: 36 } } });

export const publishedArticlesQuery = defineSchema<{ q?: string; limit: number; offset: number }>({
  type: 'object',
  additionalProperties: false,
  properties: { q: { type: 'string', maxLength: 200, description: 'Words of the title, accents optional.' }, ...paging },
});

export const proposalsQuery = defineSchema<{ status?: ProposalStatus; limit: number; offset: number }>({
  type: 'object',
  additionalProperties: false,
  properties: { status: { enum: PROPOSAL_STATUSES }, ...paging },
});

export const queueQuery = defineSchema<{ status?: ProposalStatus; unitId?: string; limit: number; offset: number }>({
  type: 'object',
  additionalProperties: false,
  properties: { status: { enum: PROPOSAL_STATUSES, default: 'proposed' }, unitId: { type: 'string', maxLength: 64, description: 'Only the proposals of this unit.' }, ...paging },
});

export const proposeBody = defineSchema<{ articleId: string; note?: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['articleId'],
  properties: { articleId: { type: 'string', minLength: 1, maxLength: 36 }, note: remark },
});

export const acceptBody = defineSchema<{ categoryId?: string | null; remark?: string }>({
  type: 'object',
  additionalProperties: false,
  properties: {
    categoryId: { type: ['string', 'null'], maxLength: 36, description: 'A category of the province it is listed in; without one it shows in the latest lists only.' },
    remark,
  },
});

export const reasonBody = defineSchema<{ reason: string }>({ type: 'object', additionalProperties: false, required: ['reason'], properties: { reason } });
export const remarkBody = defineSchema<{ remark?: string }>({ type: 'object', additionalProperties: false, properties: { remark } });

export const broadcastsQuery = defineSchema<{ status?: BroadcastStatus; limit: number; offset: number }>({
  type: 'object',
  additionalProperties: false,
  properties: { status: { enum: ['active', 'ended'] }, ...paging },
});

export const broadcastBody = defineSchema<{ articleId: string; scope: BroadcastScope; rootId?: string; note?: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['articleId', 'scope'],
  properties: {
    articleId: { type: 'string', minLength: 1, maxLength: 36 },
    scope: { enum: ['all', 'subtree'], description: '`all`: every unit below the sender; `subtree`: the unit `rootId` and every unit below it.' },
    rootId: { type: 'string', minLength: 1, maxLength: 64 },
    note: remark,
  },
});

export const endBroadcastBody = defineSchema<{ reason?: string }>({ type: 'object', additionalProperties: false, properties: { reason: remark } });

// ─── Responses ───────────────────────────────────────────────────────────────────────────────
const proposalProperties = {
  id: uuid,
  unit: unitRef,
  province: unitRef,
  articleId: { type: 'string' },
  article: articleRef,
  status: { enum: PROPOSAL_STATUSES },
  note: nullableText,
  reason: nullableText,
  categoryId: nullableText,
  provincePath: nullableText,
  proposedBy: { type: 'string' },
  proposedAt: time,
  decidedBy: nullableText,
  decidedAt: nullableTime,
  updatedAt: time,
} as const;
const proposalObject = { type: 'object', additionalProperties: false, required: Object.keys(proposalProperties), properties: proposalProperties } as const;
const stepObject = {
  type: 'object',
  additionalProperties: false,
  required: ['action', 'actorId', 'unitId', 'remark', 'at'],
  properties: { action: { enum: PROPOSAL_ACTIONS }, actorId: { type: 'string' }, unitId: { type: 'string' }, remark: nullableText, at: time },
} as const;

export const proposalDetailSchema = defineSchema<ProposalDetail>({
  type: 'object',
  additionalProperties: false,
  required: [...Object.keys(proposalProperties), 'history'],
  properties: { ...proposalProperties, history: { type: 'array', items: stepObject } },
});
export const proposalPageSchema = defineSchema<Page<Proposal>>(pageOf(proposalObject));

const broadcastProperties = {
  id: uuid,
  sender: unitRef,
  articleId: { type: 'string' },
  article: articleRef,
  scope: { enum: ['all', 'subtree'] },
  root: unitRef,
  status: { enum: ['active', 'ended'] },
  note: nullableText,
  targetCount: { type: 'integer', minimum: 0 },
  createdBy: { type: 'string' },
  createdAt: time,
  endedBy: nullableText,
  endedAt: nullableTime,
  endCause: { enum: ['sender', 'source-withdrawn', null] },
  endReason: nullableText,
} as const;
const broadcastObject = { type: 'object', additionalProperties: false, required: Object.keys(broadcastProperties), properties: broadcastProperties } as const;
const targetObject = {
  type: 'object',
  additionalProperties: false,
  required: ['unit', 'path', 'removedAt'],
  properties: { unit: unitRef, path: { type: 'string' }, removedAt: nullableTime },
} as const;

export const broadcastDetailSchema = defineSchema<BroadcastDetail>({
  type: 'object',
  additionalProperties: false,
  required: [...Object.keys(broadcastProperties), 'targets'],
  properties: { ...broadcastProperties, targets: { type: 'array', items: targetObject } },
});
export const broadcastPageSchema = defineSchema<Page<Broadcast>>(pageOf(broadcastObject));

export const publishedArticlePageSchema = defineSchema<Page<PublishedArticle>>(
  pageOf({
    type: 'object',
    additionalProperties: false,
    required: ['id', 'slug', 'title', 'summary', 'publishedAt', 'url', 'proposal', 'broadcast'],
    properties: {
      id: { type: 'string' },
      slug: { type: 'string' },
      title: { type: 'string' },
      summary: { type: 'string' },
      publishedAt: nullableTime,
      url: { type: 'string' },
      proposal: {
        anyOf: [{ type: 'object', additionalProperties: false, required: ['id', 'status'], properties: { id: { type: 'string' }, status: { enum: PROPOSAL_STATUSES } } }, { type: 'null' }],
      },
      broadcast: { anyOf: [{ type: 'object', additionalProperties: false, required: ['id'], properties: { id: { type: 'string' } } }, { type: 'null' }] },
    },
  }),
);

/** A unit below the sender, for choosing a subtree. */
export const unitsBelowSchema = defineSchema<{ items: readonly (UnitRef & { parentId: string | null })[] }>({
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['id', 'slug', 'name', 'parentId'], properties: { ...unitRef.properties, parentId: nullableText } },
    },
  },
});

export const categoriesSchema = defineSchema<{ items: readonly { id: string; slug: string; name: string; parentId: string | null }[] }>({
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['id', 'slug', 'name', 'parentId'], properties: { id: { type: 'string' }, slug: { type: 'string' }, name: { type: 'string' }, parentId: nullableText } },
    },
  },
});
