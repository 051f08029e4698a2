/** Where a proposal to the province stands. */
export type ProposalStatus = 'proposed' | 'accepted' | 'rejected' | 'withdrawn' | 'revoked';
export const PROPOSAL_STATUSES: readonly ProposalStatus[] = ['proposed', 'accepted', 'rejected', 'withdrawn', 'revoked'];

/**
 * A step of a proposal: the unit proposes or withdraws; the province accepts, rejects or revokes its
 * acceptance; `source-withdraw` is the platform's, when the source article left the site for good.
 */
export type ProposalAction = 'propose' | 'accept' | 'reject' | 'withdraw' | 'revoke' | 'source-withdraw';

export type BroadcastScope = 'all' | 'subtree';
export type BroadcastStatus = 'active' | 'ended';
/** Who ended a broadcast: its sender, or the platform when the source article left the site for good. */
export type BroadcastEndCause = 'sender' | 'source-withdrawn';

/** Kysely table types of the syndication area (`sites_*`). Times are epoch milliseconds. */
export interface SyndicationDatabase {
  sites_proposals: {
    id: string;
    /** The proposing unit, which owns the article. */
    tenant_id: string;
    /** The province (the root of the proposing unit's tree) that decides. */
    receiver_id: string;
    article_id: string;
    status: ProposalStatus;
    /** `<unit>:<article>` while proposed or accepted, null after: one open proposal per article (unique). */
    open_key: string | null;
    note: string | null;
    /** Why it was rejected, revoked or withdrawn (the last such step). */
    reason: string | null;
    /** The province's category chosen at acceptance. */
    category_id: string | null;
    /** The portal's linked item on the province site, once accepted (kept after it leaves, for the record). */
    link_id: string | null;
    /** The item's address on the province site while it is shown there. */
    link_path: string | null;
    proposed_by: string;
    proposed_at: number;
    decided_by: string | null;
    decided_at: number | null;
    updated_at: number;
  };
  sites_proposal_events: {
    id: string;
    proposal_id: string;
    tenant_id: string;
    receiver_id: string;
    action: ProposalAction;
    actor_id: string;
    actor_unit_id: string;
    remark: string | null;
    created_at: number;
  };
  sites_broadcasts: {
    id: string;
    /** The sending unit, which owns the article. */
    tenant_id: string;
    article_id: string;
    scope: BroadcastScope;
    /** The unit whose subtree receives it (scope `subtree`); the sender itself for `all`. */
    root_id: string;
    status: BroadcastStatus;
    /** `<unit>:<article>` while active, null after: one active broadcast per article (unique). */
    active_key: string | null;
    note: string | null;
    /** How many units' sites it was put on. */
    target_count: number;
    created_by: string;
    created_at: number;
    ended_by: string | null;
    ended_at: number | null;
    end_cause: BroadcastEndCause | null;
    end_reason: string | null;
    updated_at: number;
  };
}

export type ProposalRow = SyndicationDatabase['sites_proposals'];
export type ProposalEventRow = SyndicationDatabase['sites_proposal_events'];
export type BroadcastRow = SyndicationDatabase['sites_broadcasts'];
