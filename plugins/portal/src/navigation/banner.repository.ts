import type { Kysely, Transaction } from 'kysely';
import type { BannerPlacement, BannerRow, NavigationDatabase } from './navigation-database.js';

/** A banner as the admin API returns it; `state` is computed for now. */
export interface Banner {
  readonly id: string;
  readonly placement: BannerPlacement;
  readonly imageUrl: string;
  readonly alt: { readonly vi: string; readonly en: string };
  readonly linkUrl: string | null;
  readonly startsAt: string | null;
  readonly endsAt: string | null;
  readonly order: number;
  readonly active: boolean;
  readonly state: 'scheduled' | 'showing' | 'ended' | 'inactive';
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface BannerInput {
  readonly placement?: BannerPlacement;
  readonly imageUrl?: string;
  readonly alt?: { readonly vi: string; readonly en: string };
  readonly linkUrl?: string | null;
  readonly startsAt?: string | null;
  readonly endsAt?: string | null;
  readonly order?: number;
  readonly active?: boolean;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** Whether a banner shows at `now`: active, started (or no start) and not ended. */
export function showing(row: Pick<BannerRow, 'active' | 'starts_at' | 'ends_at'>, now: number): boolean {
  return Number(row.active) === 1 && (row.starts_at === null || Number(row.starts_at) <= now) && (row.ends_at === null || Number(row.ends_at) > now);
}

export function toBanner(row: BannerRow, now: number): Banner {
  const state = Number(row.active) !== 1 ? 'inactive' : row.ends_at !== null && Number(row.ends_at) <= now ? 'ended' : row.starts_at !== null && Number(row.starts_at) > now ? 'scheduled' : 'showing';
  return {
    id: row.id,
    placement: row.placement,
    imageUrl: row.image_url,
    alt: { vi: row.alt_vi, en: row.alt_en },
    linkUrl: row.link_url,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    order: Number(row.sort_order),
    active: Number(row.active) === 1,
    state,
    createdBy: row.created_by,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

/** Queries on `portal_banners`; every one names the unit. */
export class BannerRepository {
  constructor(private readonly db: Kysely<NavigationDatabase>) {}

  find(tenantId: string, id: string, trx?: Transaction<NavigationDatabase>): Promise<BannerRow | undefined> {
    return (trx ?? this.db).selectFrom('portal_banners').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  }

  list(tenantId: string, placement?: BannerPlacement): Promise<BannerRow[]> {
    let query = this.db.selectFrom('portal_banners').selectAll().where('tenant_id', '=', tenantId);
    if (placement) query = query.where('placement', '=', placement);
    return query.orderBy('placement').orderBy('sort_order').orderBy('created_at').limit(500).execute();
  }

  /** The banners showing at `now`, by placement order. */
  showing(tenantId: string, now: number): Promise<BannerRow[]> {
    return this.db
      .selectFrom('portal_banners')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('active', '=', 1)
      .where((eb) => eb.or([eb('starts_at', 'is', null), eb('starts_at', '<=', now)]))
      .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]))
      .orderBy('sort_order')
      .orderBy('created_at')
      .limit(50)
      .execute();
  }

  /** Units with a banner window opening or closing in (`from`, `to`]: their cached pages are out of date. */
  async unitsWithTransitions(from: number, to: number, tenantId?: string): Promise<string[]> {
    let query = this.db
      .selectFrom('portal_banners')
      .select('tenant_id')
      .where((eb) => eb.or([eb.and([eb('starts_at', '>', from), eb('starts_at', '<=', to)]), eb.and([eb('ends_at', '>', from), eb('ends_at', '<=', to)])]));
    if (tenantId !== undefined) query = query.where('tenant_id', '=', tenantId);
    return [...new Set((await query.distinct().execute()).map((r) => r.tenant_id))];
  }
}
