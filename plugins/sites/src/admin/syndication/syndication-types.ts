// The shapes of the syndication API as the browser sees them: type-only imports of the server's
// definitions, erased at build, so no server code reaches the admin bundle and the two cannot drift.
import type { Broadcast, BroadcastDetail, Page, Proposal, ProposalDetail, PublishedArticle } from '../../syndication/syndication.schema.js';
import type { BroadcastStatus, ProposalAction, ProposalStatus } from '../../syndication/syndication-database.js';
import type { UnitRef } from '../../syndication/unit-tree.js';

export type { Broadcast, BroadcastDetail, BroadcastStatus, Page, Proposal, ProposalAction, ProposalDetail, ProposalStatus, PublishedArticle, UnitRef };

export const PROPOSAL_STATUSES: readonly ProposalStatus[] = ['proposed', 'accepted', 'rejected', 'withdrawn', 'revoked'];

/** A category of the province, to list an accepted article in. */
export interface CategoryOption {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly parentId: string | null;
}

/** A unit below the sender, to choose a subtree. */
export interface UnitOption extends UnitRef {
  readonly parentId: string | null;
}

/** The permissions the elements check (the server checks them again). */
export const PROPOSE = 'sites.syndication.propose';
export const REVIEW = 'sites.syndication.review';
export const PUBLISH = 'sites.broadcast.publish';
