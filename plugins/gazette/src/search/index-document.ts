import { coreServices, slugify, type PluginContext, type SqlDialect } from '@cong/sdk';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DocumentRow, PublicationDatabase } from '../publication/publication-database.js';
import type { SearchDatabase } from './search-database.js';
import { searchNumberKey } from './number-key.js';
import { SearchCache } from './search-cache.js';
import { ftsForm, mysqlForm } from './search-tokens.js';

type Db = Kysely<SearchDatabase & PublicationDatabase>;

/** What the index reads of a published document (a whole `gazette_documents` row fits). */
export type IndexedDocument = Pick<
  DocumentRow,
  'id' | 'office_id' | 'issue_id' | 'tenant_id' | 'document_type' | 'issuing_agency' | 'issuer_level' | 'number_key' | 'number_symbol' | 'signed_on' | 'issue_year' | 'published_at' | 'summary' | 'full_text'
>;

/** The slug that names an issuing agency in filters and in `/agencies`: `uy-ban-nhan-dan-tinh-quang-tri`. */
export function agencyKey(agency: string): string {
  return slugify(agency, 180) || '-';
}

/**
 * Adds or replaces a published document in the public search index (GAZ-31). The publication area calls
 * it in the transaction that publishes the document (pass `trx`), so a rolled-back publication leaves no
 * entry behind; a later change of the row (a validity override, a correction) calls it again.
 * Documents indexed by nobody are caught up by the `search-catch-up` job.
 */
export async function indexGazetteDocument(ctx: PluginContext, row: IndexedDocument, options: { readonly trx?: Transaction<any> } = {}): Promise<void> {
  const database = ctx.get(coreServices.database);
  await writeEntry((options.trx ?? database.kysely()) as unknown as Db, database.dialect, row, Date.now());
}

/**
 * Takes a document out of the public search index (nothing to do when it is not there). For a document
 * row that is deleted or whose issue is no longer published: the catch-up indexes every published document again.
 */
export async function removeGazetteDocumentFromSearch(ctx: PluginContext, documentId: string, options: { readonly trx?: Transaction<any> } = {}): Promise<void> {
  const database = ctx.get(coreServices.database);
  await deleteEntry((options.trx ?? database.kysely()) as unknown as Db, database.dialect, documentId);
}

async function deleteEntry(db: Db, dialect: SqlDialect, documentId: string): Promise<void> {
  SearchCache.invalidate();
  const old = await db.selectFrom('gazette_search_entries').select('id').where('document_id', '=', documentId).executeTakeFirst();
  if (!old) return;
  if (dialect === 'sqlite') await sql`DELETE FROM gazette_search_fts WHERE rowid = ${old.id}`.execute(db);
  await db.deleteFrom('gazette_search_entries').where('id', '=', old.id).execute();
}

/**
 * The entry of `row`, replacing any earlier one in place: the entry keeps its id, which is also its
 * full-text rowid, and the SQLite search reads "newest first" as rowid order (entries are written in
 * publication order), so a document re-indexed after a change keeps its place.
 * Exported for the catch-up job and the tests' seeding.
 */
export async function writeEntry(db: Db, dialect: SqlDialect, row: IndexedDocument, now: number): Promise<void> {
  SearchCache.invalidate();
  const summary = `${row.number_symbol} ${row.summary}`;
  const body = `${row.issuing_agency} ${row.full_text}`;
  const values = {
    document_id: row.id,
    office_id: row.office_id,
    issue_id: row.issue_id,
    document_type: row.document_type,
    tenant_id: row.tenant_id,
    agency_key: agencyKey(row.issuing_agency),
    issuer_level: row.issuer_level,
    number_key: searchNumberKey(row.number_key),
    signed_on: row.signed_on,
    issue_year: Number(row.issue_year),
    published_at: Number(row.published_at),
    summary_fold: dialect === 'mysql' ? mysqlForm(summary) : '',
    body_fold: dialect === 'mysql' ? mysqlForm(body) : '',
    indexed_at: now,
  };
  const old = await db.selectFrom('gazette_search_entries').select('id').where('document_id', '=', row.id).executeTakeFirst();
  let id: number;
  if (old) {
    id = Number(old.id);
    await db.updateTable('gazette_search_entries').set(values as never).where('id', '=', id).execute();
    if (dialect === 'sqlite') await sql`DELETE FROM gazette_search_fts WHERE rowid = ${id}`.execute(db);
  } else {
    id = Number((await db.insertInto('gazette_search_entries').values(values as never).executeTakeFirst()).insertId);
  }
  if (dialect === 'sqlite') await sql`INSERT INTO gazette_search_fts(rowid, summary, body) VALUES (${id}, ${ftsForm(summary)}, ${ftsForm(body)})`.execute(db);
}

/** Rows indexed per transaction by the catch-up. */
const CATCH_UP_BATCH = 200;

/**
 * Indexes every published document that has no entry, or whose row changed after its entry was
 * written; returns how many it indexed. Run by the `search-catch-up` job (and after a restore).
 */
export async function catchUpGazetteSearch(ctx: PluginContext): Promise<number> {
  const database = ctx.get(coreServices.database);
  const db = database.kysely<SearchDatabase & PublicationDatabase>();
  let done = 0;
  for (;;) {
    const rows = await db
      .selectFrom('gazette_documents as d')
      .innerJoin('gazette_issues as i', 'i.id', 'd.issue_id')
      .leftJoin('gazette_search_entries as e', 'e.document_id', 'd.id')
      .select(['d.id', 'd.office_id', 'd.issue_id', 'd.tenant_id', 'd.document_type', 'd.issuing_agency', 'd.issuer_level', 'd.number_key', 'd.number_symbol', 'd.signed_on', 'd.issue_year', 'd.published_at', 'd.summary', 'd.full_text', 'd.updated_at'])
      .where('i.status', '=', 'published')
      .where((w) => w.or([w('e.id', 'is', null), w('e.indexed_at', '<', w.ref('d.updated_at'))]))
      .orderBy('d.published_at')
      .orderBy('d.id')
      .limit(CATCH_UP_BATCH)
      .execute();
    if (rows.length === 0) return done;
    const now = Date.now();
    await database.transaction<SearchDatabase & PublicationDatabase, void>(async (trx) => {
      // Never older than the row, so a row updated "in the future" (a skewed clock) is not picked up again forever.
      for (const row of rows) await writeEntry(trx as unknown as Db, database.dialect, row, Math.max(now, Number(row.updated_at)));
    });
    done += rows.length;
    if (rows.length < CATCH_UP_BATCH) return done;
  }
}

/** Entries dropped per transaction by a rebuild. */
const REBUILD_BATCH = 1_000;

/**
 * Drops an office's whole search index and writes it again in publication order; returns how many
 * documents it indexed. For after an import of older issues: the SQLite search reads "newest first"
 * from the entries' order, and a catch-up appends late-indexed old documents at the new end.
 */
export async function rebuildGazetteSearch(ctx: PluginContext, officeId: string): Promise<number> {
  const database = ctx.get(coreServices.database);
  const db = database.kysely<SearchDatabase & PublicationDatabase>();
  for (;;) {
    const ids = (await db.selectFrom('gazette_search_entries').select('id').where('office_id', '=', officeId).limit(REBUILD_BATCH).execute()).map((r) => Number(r.id));
    if (ids.length === 0) break;
    await database.transaction<SearchDatabase & PublicationDatabase, void>(async (trx) => {
      if (database.dialect === 'sqlite') for (const id of ids) await sql`DELETE FROM gazette_search_fts WHERE rowid = ${id}`.execute(trx);
      await trx.deleteFrom('gazette_search_entries').where('id', 'in', ids).execute();
    });
  }
  SearchCache.invalidate();
  return catchUpGazetteSearch(ctx);
}
