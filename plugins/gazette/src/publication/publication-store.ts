import { coreServices, NotFoundError, type PluginContext, type RouteRequest } from '@cong/sdk';
import type { Kysely, Transaction } from 'kysely';
import type { GazetteIntakeDatabase } from '../intake/gazette-database.js';
import { callingUnit } from '../intake/intake-request.js';
import type { PublicationTables } from './publication-database.js';

/** The tables the publication area reads and writes: its own and the intake's. */
export type GazettePublicationDatabase = GazetteIntakeDatabase & PublicationTables;
export type PublicationDb = Kysely<GazettePublicationDatabase>;
export type PublicationTrx = Transaction<GazettePublicationDatabase>;

export function publicationDb(ctx: PluginContext): PublicationDb {
  return ctx.get(coreServices.database).kysely<GazettePublicationDatabase>();
}

export function inTransaction<T>(ctx: PluginContext, work: (trx: PublicationTrx) => Promise<T>): Promise<T> {
  return ctx.get(coreServices.database).transaction<GazettePublicationDatabase, T>(work);
}

/**
 * The gazette office a request acts for: the calling unit (`X-Cong-Tenant`), which must be the root of
 * its tree (the province). Any other unit has no issues: 404, as for an issue of another office.
 */
export async function callingOffice(ctx: PluginContext, req: RouteRequest): Promise<string> {
  const unitId = callingUnit(req);
  const unit = await ctx.get(coreServices.tenancy).get(unitId);
  if (!unit || unit.parentId !== null) throw new NotFoundError(`Unit ${unitId} is not a gazette office`);
  return unit.id;
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === 'ER_DUP_ENTRY' || /UNIQUE constraint failed/.test(e?.message ?? '');
}

export const iso = (ms: number | string): string => new Date(Number(ms)).toISOString();
export const isoOrNull = (ms: number | string | null): string | null => (ms === null ? null : iso(ms));
