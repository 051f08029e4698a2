import type { Kysely } from 'kysely';
import type { PublicationDatabase } from '../publication/publication-database.js';
import { agencyKey } from '../search/index-document.js';
import { publishedYears } from './gazette-reads.js';

/** An issuing agency with published documents. */
export interface Agency {
  /** Its key in filters (`conditions[issuer][]`, the search form's `co_quan`). */
  readonly key: string;
  readonly name: string;
  readonly level: 'local' | 'central';
  readonly documents: number;
}

/** The list changes only when an issue is published; a minute of staleness costs nobody anything. */
const TTL_MS = 60_000;

/**
 * The issuing agencies of an office (and its publication years), remembered per office: the search
 * form lists both on every page, and counting the agencies reads every published document (a quarter
 * of a second at 100,000). Past a minute
 * the remembered list is still answered while a fresh one is read, so only an office's very first
 * search waits for the count.
 */
export class AgencyList {
  readonly #cache = new Map<string, { readonly at: number; readonly agencies: Promise<Agency[]> }>();
  readonly #years = new Map<string, { readonly at: number; readonly years: Promise<number[]> }>();

  /** The years with published issues, newest first (the search form's year list), remembered for a minute. */
  async years(db: Kysely<PublicationDatabase>, officeId: string): Promise<number[]> {
    const hit = this.#years.get(officeId);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.years;
    const years = publishedYears(db, officeId);
    this.#years.set(officeId, { at: Date.now(), years });
    years.catch(() => this.#years.delete(officeId));
    return years;
  }

  async of(db: Kysely<PublicationDatabase>, officeId: string): Promise<Agency[]> {
    const hit = this.#cache.get(officeId);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.agencies;
    const agencies = read(db, officeId);
    this.#cache.set(officeId, { at: Date.now(), agencies });
    agencies.catch(() => {
      if (this.#cache.get(officeId)?.agencies === agencies) this.#cache.delete(officeId);
    });
    if (!hit) return agencies;
    // Stale: the old list now, the fresh one for later requests (or the old one kept, if reading fails).
    agencies.catch(() => this.#cache.set(officeId, hit));
    return hit.agencies;
  }
}

async function read(db: Kysely<PublicationDatabase>, officeId: string): Promise<Agency[]> {
  const rows = await db
    .selectFrom('gazette_documents as d')
    .innerJoin('gazette_issues as i', 'i.id', 'd.issue_id')
    .select(['d.issuing_agency', 'd.issuer_level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('d.office_id', '=', officeId)
    .where('i.status', '=', 'published')
    .groupBy(['d.issuing_agency', 'd.issuer_level'])
    .execute();
  const byKey = new Map<string, { key: string; name: string; level: 'local' | 'central'; documents: number }>();
  for (const r of rows) {
    const key = agencyKey(r.issuing_agency);
    const known = byKey.get(key);
    if (known) known.documents += Number(r.n);
    else byKey.set(key, { key, name: r.issuing_agency, level: r.issuer_level, documents: Number(r.n) });
  }
  return [...byKey.values()].sort((a, b) => b.documents - a.documents || a.name.localeCompare(b.name, 'vi'));
}
