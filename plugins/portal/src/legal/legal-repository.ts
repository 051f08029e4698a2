import { sql, type Kysely, type Transaction } from 'kysely';
import type { LegalDatabase } from './legal-schema.js';
import type { Replacement } from './validity.js';

export type DocumentRow = LegalDatabase['portal_legal_documents'];
export type RelationRow = LegalDatabase['portal_legal_relations'];
/** A unit's id, or null on a platform without units. */
export type Scope = string | null;
type Db = Kysely<LegalDatabase> | Transaction<LegalDatabase>;

/** The columns a list needs to filter, facet, compute statuses and sort, without the long text. */
export type LightRow = Pick<DocumentRow, 'id' | 'doc_type' | 'type_name' | 'issuer' | 'issuer_key' | 'field' | 'field_key' | 'issue_year' | 'issued_on' | 'effective_on' | 'expires_on' | 'status_override' | 'number_key' | 'updated_at'>;

/** Queries on the legal tables, and nothing else. Every query names the unit it reads or writes. */
export class LegalRepository {
  constructor(private readonly db: Kysely<LegalDatabase>) {}

  async insert(row: DocumentRow, trx: Transaction<LegalDatabase>): Promise<void> {
    await trx.insertInto('portal_legal_documents').values(row).execute();
  }

  async update(scope: Scope, id: string, changes: Partial<DocumentRow>, trx: Transaction<LegalDatabase>): Promise<void> {
    await scoped(trx.updateTable('portal_legal_documents'), scope).set(changes).where('id', '=', id).execute();
  }

  async find(scope: Scope, id: string, db: Db = this.db): Promise<DocumentRow | undefined> {
    return scoped(db.selectFrom('portal_legal_documents'), scope).selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findMany(scope: Scope, ids: readonly string[]): Promise<DocumentRow[]> {
    if (ids.length === 0) return [];
    return scoped(this.db.selectFrom('portal_legal_documents'), scope).selectAll().where('id', 'in', ids).execute();
  }

  /** The document with this number from this issuer in the unit, other than `exceptId`. */
  async findByNumber(scope: Scope, issuerKey: string, numberKey: string, exceptId: string | null, db: Db = this.db): Promise<{ id: string } | undefined> {
    let q = db.selectFrom('portal_legal_documents').select('id').where('unit_key', '=', unitKey(scope)).where('issuer_key', '=', issuerKey).where('number_key', '=', numberKey);
    if (exceptId !== null) q = q.where('id', '<>', exceptId);
    return q.executeTakeFirst();
  }

  /** The unit's documents whose folded text holds every term: the list's candidates. */
  async light(scope: Scope, terms: readonly string[]): Promise<LightRow[]> {
    let q = scoped(this.db.selectFrom('portal_legal_documents'), scope).select([
      'id', 'doc_type', 'type_name', 'issuer', 'issuer_key', 'field', 'field_key', 'issue_year', 'issued_on', 'effective_on', 'expires_on', 'status_override', 'number_key', 'updated_at',
    ]);
    for (const term of terms) q = q.where(sql<boolean>`search_text like ${`%${escapeLike(term)}%`} escape '!'`);
    return q.execute();
  }

  /** Per document of the unit, the documents that replace it (wholly or in part) and the day they take effect. */
  async replacements(scope: Scope, toIds?: readonly string[], db: Db = this.db): Promise<Map<string, Replacement[]>> {
    if (toIds !== undefined && toIds.length === 0) return new Map();
    let q = db
      .selectFrom('portal_legal_relations as r')
      .innerJoin('portal_legal_documents as d', 'd.id', 'r.from_id')
      .select(['r.to_id', 'r.kind', 'd.effective_on', 'd.issued_on'])
      .where('r.kind', 'in', ['replaces', 'partly_replaces']);
    q = scope === null ? q.where('r.tenant_id', 'is', null) : q.where('r.tenant_id', '=', scope);
    if (toIds !== undefined) q = q.where('r.to_id', 'in', toIds);
    const out = new Map<string, Replacement[]>();
    for (const row of await q.execute()) {
      const list = out.get(row.to_id) ?? [];
      list.push({ kind: row.kind as Replacement['kind'], from: row.effective_on ?? row.issued_on });
      out.set(row.to_id, list);
    }
    return out;
  }

  /** Relations of a document, both ways. */
  async relationsOf(scope: Scope, id: string): Promise<RelationRow[]> {
    return scoped(this.db.selectFrom('portal_legal_relations'), scope)
      .selectAll()
      .where((eb) => eb.or([eb('from_id', '=', id), eb('to_id', '=', id)]))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  async findRelation(scope: Scope, fromId: string, toId: string, kind: string, db: Db = this.db): Promise<RelationRow | undefined> {
    return scoped(db.selectFrom('portal_legal_relations'), scope).selectAll().where('from_id', '=', fromId).where('to_id', '=', toId).where('kind', '=', kind as RelationRow['kind']).executeTakeFirst();
  }

  async relation(scope: Scope, relationId: string, db: Db = this.db): Promise<RelationRow | undefined> {
    return scoped(db.selectFrom('portal_legal_relations'), scope).selectAll().where('id', '=', relationId).executeTakeFirst();
  }

  async insertRelation(row: RelationRow, trx: Transaction<LegalDatabase>): Promise<void> {
    await trx.insertInto('portal_legal_relations').values(row).execute();
  }

  async deleteRelation(scope: Scope, relationId: string, trx: Transaction<LegalDatabase>): Promise<void> {
    await scoped(trx.deleteFrom('portal_legal_relations'), scope).where('id', '=', relationId).execute();
  }
}

/** The value of `unit_key`: the unit id, or `-` on a platform without units. */
export function unitKey(scope: Scope): string {
  return scope ?? '-';
}

// Every query on either table goes through here: a unit never reads or writes another's rows.
function scoped<Q extends { where: (...args: any[]) => any }>(query: Q, scope: Scope): Q {
  return (scope === null ? query.where('tenant_id', 'is', null) : query.where('tenant_id', '=', scope)) as Q;
}

/** LIKE pattern text with `%`, `_` and the escape character `!` taken literally (`escape '!'` works on both dialects). */
function escapeLike(term: string): string {
  return term.replace(/[!%_]/g, '!$&');
}
