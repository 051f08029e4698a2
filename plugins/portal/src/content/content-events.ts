import { defineEvent } from '@cong/sdk';

/** What the content events carry: enough to purge caches, ping feeds and reindex. */
export interface ArticleEventPayload {
  readonly tenantId: string;
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly categoryId: string | null;
  /** ISO time of the change. */
  readonly at: string;
}

const payloadSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['tenantId', 'id', 'slug', 'title', 'categoryId', 'at'],
  properties: {
    tenantId: { type: 'string' },
    id: { type: 'string' },
    slug: { type: 'string' },
    title: { type: 'string' },
    categoryId: { type: ['string', 'null'] },
    at: { type: 'string' },
  },
} as const;

/** Emitted after the transaction that published an article committed (by an approver or by the clock). */
export const articlePublished = defineEvent<ArticleEventPayload>('portal.article-published', { schema: payloadSchema });

/** Emitted after an article left the public site (withdrawn, reopened, or its unpublish time came). */
export const articleUnpublished = defineEvent<ArticleEventPayload>('portal.article-unpublished', { schema: payloadSchema });
