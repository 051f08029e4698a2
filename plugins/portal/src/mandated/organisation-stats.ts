import type { Kysely } from 'kysely';
import { ORGANISATION_TABLES, type OrganisationTable } from './mandated-catalogue.js';

/** What the compliance check needs from one organisation table for one unit. */
export interface OrganisationStats {
  readonly count: number;
  readonly lastUpdate: number | null;
  /** Rows whose English no longer matches the Vietnamese (POR-23). */
  readonly englishStale: number;
}

const KNOWN: ReadonlySet<string> = new Set(ORGANISATION_TABLES);

/**
 * Counts a unit's rows in an organisation table (`tenant_id`, `updated_at`, `en_stale`), or returns
 * `undefined` when the table (or one of those columns) does not exist: the organisation area ships its
 * tables separately, and until it does the section simply has no content. Only the tables of
 * {@link ORGANISATION_TABLES} are read, whatever a stored section names.
 */
export async function organisationStats(db: Kysely<any>, table: string, tenantId: string): Promise<OrganisationStats | undefined> {
  if (!KNOWN.has(table)) return undefined;
  try {
    const row = await db
      .selectFrom(table as OrganisationTable)
      .where('tenant_id', '=', tenantId)
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.max<number | null>('updated_at').as('last'),
        eb.fn.sum<number | null>(eb.case().when('en_stale', '=', 1).then(1).else(0).end()).as('stale'),
      ])
      .executeTakeFirstOrThrow();
    return { count: Number(row.n), lastUpdate: row.last === null ? null : Number(row.last), englishStale: Number(row.stale ?? 0) };
  } catch (error) {
    if (isMissingTableOrColumn(error)) return undefined;
    throw error;
  }
}

/** SQLite's "no such table/column"; MySQL's ER_NO_SUCH_TABLE (1146) and ER_BAD_FIELD_ERROR (1054). */
function isMissingTableOrColumn(error: unknown): boolean {
  const { errno, message } = (error ?? {}) as { errno?: unknown; message?: unknown };
  if (errno === 1146 || errno === 1054) return true;
  return typeof message === 'string' && /no such (table|column)/i.test(message);
}
