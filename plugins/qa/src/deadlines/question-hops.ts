import type { QuestionEventRow } from '../questions/qa-database.js';
import type { HopKind, HopOutcome } from './deadline-database.js';

/** One turn of a question's route, read from its timeline: whose turn, from when, its pauses, how it ended. */
export interface Hop {
  /** 1, 2, … in timeline order: stable, since the timeline is only ever appended to. */
  readonly number: number;
  readonly kind: HopKind;
  /** The agency, or the province for the board's turn. */
  readonly unitId: string;
  readonly startedAt: number;
  /** Finished pauses (waiting for the citizen): [asked, replied] instants. */
  readonly pauses: readonly (readonly [number, number])[];
  /** The start of a pause still open (the question is `waiting`), else null. */
  readonly pausedAt: number | null;
  readonly endedAt: number | null;
  readonly outcome: HopOutcome | null;
}

type MutableHop = { -readonly [K in keyof Hop]: Hop[K] } & { pauses: [number, number][] };

/**
 * The hops of a question (an SLA per hop): the board's turn starts when the question is received
 * (verified) or returned by an agency, and ends when it is forwarded or declined; an agency's turn
 * starts when the question is forwarded or transferred to it and ends when it answers, transfers or
 * returns it. `info-requested` … `citizen-replied` is a pause of the agency's turn. Other steps
 * (drafts, approvals, publication, rating) do not move a clock. `events` are in timeline order.
 */
export function hopsOf(provinceId: string, events: readonly Pick<QuestionEventRow, 'action' | 'target_unit_id' | 'created_at'>[]): Hop[] {
  const hops: MutableHop[] = [];
  let open: MutableHop | null = null;
  const start = (kind: HopKind, unitId: string, at: number) => {
    open = { number: hops.length + 1, kind, unitId, startedAt: at, pauses: [], pausedAt: null, endedAt: null, outcome: null };
    hops.push(open);
  };
  const end = (kind: HopKind, outcome: HopOutcome, at: number) => {
    const hop = open as MutableHop | null;
    if (!hop || hop.kind !== kind) return;
    if (hop.pausedAt !== null) {
      hop.pauses.push([hop.pausedAt, at]);
      hop.pausedAt = null;
    }
    hop.endedAt = at;
    hop.outcome = outcome;
    open = null;
  };
  for (const e of events) {
    const hop = open as MutableHop | null;
    switch (e.action) {
      case 'verified':
        if (hops.length === 0) start('board', provinceId, e.created_at);
        break;
      case 'forwarded':
        // Steps of two requests in the same millisecond sort by their random ids: a forward read before
        // the verification still closes the board's turn, begun at that instant.
        if (hops.length === 0) start('board', provinceId, e.created_at);
        end('board', 'forwarded', e.created_at);
        if (e.target_unit_id) start('agency', e.target_unit_id, e.created_at);
        break;
      case 'declined':
        if (hops.length === 0) start('board', provinceId, e.created_at);
        end('board', 'declined', e.created_at);
        break;
      case 'transferred':
        end('agency', 'transferred', e.created_at);
        if (e.target_unit_id) start('agency', e.target_unit_id, e.created_at);
        break;
      case 'returned':
        end('agency', 'returned', e.created_at);
        start('board', provinceId, e.created_at);
        break;
      case 'info-requested':
        if (hop?.kind === 'agency' && hop.pausedAt === null) hop.pausedAt = e.created_at;
        break;
      case 'citizen-replied':
        if (hop?.kind === 'agency' && hop.pausedAt !== null) {
          hop.pauses.push([hop.pausedAt, e.created_at]);
          hop.pausedAt = null;
        }
        break;
      case 'answered':
        end('agency', 'answered', e.created_at);
        break;
      case 'answered-by-ref':
        // QA-06: the board answered a received or returned question by linking a published Q&A.
        if (hops.length === 0) start('board', provinceId, e.created_at);
        end('board', 'answered', e.created_at);
        break;
      default:
        break;
    }
  }
  return hops;
}
