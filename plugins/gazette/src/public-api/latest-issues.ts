import type { Kysely } from 'kysely';
import type { IssueRow, PublicationDatabase } from '../publication/publication-database.js';

/**
 * An office's published issues, newest first (a later year, then a higher number), a page at a time,
 * with how many there are: what `GET /v1/issues` and the `<cong-gazette-latest>` widget list. Drafts,
 * issues being rendered and failed ones are never listed.
 */
export async function latestIssues(db: Kysely<PublicationDatabase>, officeId: string, year: number | undefined, limit: number, offset: number): Promise<{ issues: IssueRow[]; total: number }> {
  let base = db.selectFrom('gazette_issues').where('office_id', '=', officeId).where('status', '=', 'published');
  if (year !== undefined) base = base.where('year', '=', year);
  const issues = await base.selectAll().orderBy('year', 'desc').orderBy('number_from', 'desc').limit(limit).offset(offset).execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { issues, total: Number(count.n) };
}
