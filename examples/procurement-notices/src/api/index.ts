// The plugin's contract for other plugins (`@cong/example-procurement-notices/api`): the notice as the
// public JSON shows it, and the event emitted when one is published. Everything else may change.
import { defineEvent } from '@cong/sdk';

/** What a notice is (POR-11): a public investment project, an invitation to bid, or a contractor selection result. */
export type NoticeKind = 'project' | 'tender' | 'award';
export type NoticeStatus = 'preparing' | 'open' | 'in-progress' | 'completed' | 'cancelled';
/** The source of funds (nguồn vốn). */
export type Funding = 'state-budget' | 'oda' | 'ppp' | 'other';
/** Project groups of the Public Investment Law (dự án quan trọng quốc gia, nhóm A, B, C). */
export type ProjectGroup = 'national' | 'group-a' | 'group-b' | 'group-c';

/** A published notice, as the public JSON and the widget read it. */
export interface PublicNotice {
  readonly id: string;
  readonly slug: string;
  readonly kind: NoticeKind;
  readonly name: string;
  readonly objective: string;
  readonly field: string;
  readonly projectGroup: ProjectGroup | null;
  readonly startOn: string | null;
  readonly endOn: string | null;
  /** In đồng (VND), whole numbers. */
  readonly budgetVnd: number | null;
  readonly funding: Funding;
  readonly donor: string | null;
  readonly status: NoticeStatus;
  /** Tenders: when bids close (ISO 8601). */
  readonly closesAt: string | null;
  /** Awards and completed projects: the outcome, as text. */
  readonly result: string | null;
  readonly publishedAt: string;
  readonly updatedAt: string;
}

/** A notice became public (or changed while public). Emitted after the transaction commits. */
export const noticePublished = defineEvent<{ readonly tenantId: string; readonly id: string; readonly kind: NoticeKind }>('procurement.notice-published', {
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['tenantId', 'id', 'kind'],
    properties: { tenantId: { type: 'string' }, id: { type: 'string' }, kind: { enum: ['project', 'tender', 'award'] } },
  },
});
