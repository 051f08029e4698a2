import { sql, type Kysely, type Transaction } from 'kysely';
import { fold } from '@cong/sdk';
import { DEFAULT_FIELDS } from './default-fields.js';
import type { FieldRow, QaDatabase, QuestionEventRow, QuestionRow, QuestionStatus, RoutingRuleRow } from './qa-database.js';

type Db = Kysely<QaDatabase> | Transaction<QaDatabase>;

/**
 * `qa_questions` with its search column (migration 0540): written and read only here, so the row
 * type the rest of the plugin builds and reads stays without it.
 */
type FoldDatabase = Omit<QaDatabase, 'qa_questions'> & { qa_questions: QuestionRow & { search_fold: string | null } };
type FoldDb = Kysely<FoldDatabase> | Transaction<FoldDatabase>;
const withFold = (db: Db): FoldDb => db as unknown as FoldDb;

/** The columns a question's folded search text is made of. */
const FOLDED_COLUMNS = ['tracking_code', 'title', 'content'] as const;

/** The text the queue searches: tracking code, title and text, folded (no diacritics, đ→d, lower case). */
export function questionFold(row: Pick<QuestionRow, 'tracking_code' | 'title' | 'content'>): string {
  return fold([row.tracking_code ?? '', row.title, row.content].join(' '));
}

/**
 * Writes a question's folded search text again from its stored columns: for writers outside this
 * repository that change the title or text (the erasure of personal data), inside their transaction.
 */
export async function refoldQuestion<DB extends Pick<QaDatabase, 'qa_questions'>>(db: Kysely<DB> | Transaction<DB>, id: string): Promise<void> {
  const trx = db as unknown as Db;
  const row = await trx.selectFrom('qa_questions').select([...FOLDED_COLUMNS]).where('id', '=', id).executeTakeFirst();
  if (row) await withFold(trx).updateTable('qa_questions').set({ search_fold: questionFold(row) }).where('id', '=', id).execute();
}

/** A `LIKE` pattern finding `word` anywhere, its wildcards taken literally (escape character `!`, the same on both dialects). */
const containing = (word: string) => `%${word.replace(/[!%_]/g, (c) => `!${c}`)}%`;

/** What the board's and an agency's lists filter on. */
export interface QuestionFilter {
  readonly status?: QuestionStatus;
  readonly field?: string;
  readonly communeId?: string;
  /** Received from (epoch ms, inclusive) and before (exclusive). */
  readonly from?: number;
  readonly to?: number;
  /** Folded words that must all occur in the tracking code, title or text (the board's queue, `q`). */
  readonly words?: readonly string[];
  readonly limit: number;
  readonly offset: number;
}

/** Who reads: the board of a province, or the agency a question is forwarded to. */
export type Side = { readonly kind: 'board'; readonly provinceId: string } | { readonly kind: 'agency'; readonly agencyId: string };

/** What an agency sees: the questions with it now, waiting for the citizen's information, or answered by it (src/answers). */
const AGENCY_STATUSES: QuestionStatus[] = ['forwarded', 'waiting', 'answered'];

/** Queries of the question tables; the same SQL on SQLite and MySQL/MariaDB. */
export class QuestionRepository {
  constructor(private readonly db: Kysely<QaDatabase>) {}

  async insert(row: QuestionRow, trx: Db): Promise<void> {
    await withFold(trx).insertInto('qa_questions').values({ ...row, search_fold: questionFold(row) }).execute();
  }

  async addEvent(row: QuestionEventRow, trx: Db): Promise<void> {
    await trx.insertInto('qa_question_events').values(row).execute();
  }

  async byVerifyHash(hash: string, trx: Db = this.db): Promise<QuestionRow | undefined> {
    return trx.selectFrom('qa_questions').selectAll().where('verify_hash', '=', hash).executeTakeFirst();
  }

  async byTrackingCode(code: string): Promise<QuestionRow | undefined> {
    return this.db.selectFrom('qa_questions').selectAll().where('tracking_code', '=', code).executeTakeFirst();
  }

  /** A question the side may see: the board sees every verified question of its province; an agency, those forwarded to it (then waiting or answered). */
  async find(side: Side, id: string, trx: Db = this.db): Promise<QuestionRow | undefined> {
    let query = trx.selectFrom('qa_questions').selectAll().where('id', '=', id).where('status', '!=', 'unverified');
    query = side.kind === 'board' ? query.where('province_id', '=', side.provinceId) : query.where('agency_id', '=', side.agencyId).where('status', 'in', AGENCY_STATUSES);
    return query.executeTakeFirst();
  }

  async page(side: Side, filter: QuestionFilter): Promise<{ items: QuestionRow[]; total: number }> {
    let query = this.db.selectFrom('qa_questions').where('status', '!=', 'unverified');
    query = side.kind === 'board' ? query.where('province_id', '=', side.provinceId) : query.where('agency_id', '=', side.agencyId).where('status', 'in', AGENCY_STATUSES);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.field) query = query.where('field_code', '=', filter.field);
    if (filter.communeId) query = query.where('commune_id', '=', filter.communeId);
    if (filter.from !== undefined) query = query.where('created_at', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('created_at', '<', filter.to);
    for (const word of filter.words ?? []) query = query.where(sql<boolean>`search_fold like ${containing(word)} escape '!'`);
    const [items, count] = await Promise.all([
      query.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute(),
      query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  /** Changes a question only if it is still in one of `from` and with `agencyId`: the step's guard against a concurrent step. */
  async update(id: string, from: readonly QuestionStatus[], changes: Partial<QuestionRow>, trx: Db, agencyId: string | null): Promise<boolean> {
    const result = await trx
      .updateTable('qa_questions')
      .set(changes)
      .where('id', '=', id)
      .where('status', 'in', [...from])
      .where((eb) => (agencyId === null ? eb('agency_id', 'is', null) : eb('agency_id', '=', agencyId)))
      .executeTakeFirst();
    const changed = Number(result.numUpdatedRows) === 1;
    // The tracking code arrives with verification; the title and text change only on erasure today.
    if (changed && FOLDED_COLUMNS.some((c) => c in changes)) await refoldQuestion(trx, id);
    return changed;
  }

  async events(questionId: string): Promise<QuestionEventRow[]> {
    return this.db.selectFrom('qa_question_events').selectAll().where('question_id', '=', questionId).orderBy('created_at').orderBy('id').execute();
  }

  /** Unverified questions whose link expired before `now`: deleted with their events. */
  async purgeUnverified(now: number): Promise<number> {
    const result = await this.db.deleteFrom('qa_questions').where('status', '=', 'unverified').where('verify_expires_at', '<', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  // ─── Fields ─────────────────────────────────────────────────────────────────────────────────
  /** The province's fields, seeded with the defaults the first time they are read. */
  async fields(provinceId: string): Promise<FieldRow[]> {
    const rows = await this.db.selectFrom('qa_fields').selectAll().where('province_id', '=', provinceId).orderBy('position').execute();
    if (rows.length > 0) return rows;
    const seeded = DEFAULT_FIELDS.map((f, i) => ({ province_id: provinceId, code: f.code, name_vi: f.vi, name_en: f.en, position: i + 1 }));
    try {
      await this.db.insertInto('qa_fields').values(seeded).execute();
    } catch {
      // Another request seeded them at the same moment: the primary key refused the duplicates.
    }
    return this.db.selectFrom('qa_fields').selectAll().where('province_id', '=', provinceId).orderBy('position').execute();
  }

  // ─── Routing rules ──────────────────────────────────────────────────────────────────────────
  async rules(provinceId: string): Promise<RoutingRuleRow[]> {
    return this.db.selectFrom('qa_routing_rules').selectAll().where('province_id', '=', provinceId).orderBy('kind').orderBy('created_at').orderBy('id').execute();
  }

  async rule(provinceId: string, id: string): Promise<RoutingRuleRow | undefined> {
    return this.db.selectFrom('qa_routing_rules').selectAll().where('province_id', '=', provinceId).where('id', '=', id).executeTakeFirst();
  }

  async insertRule(row: RoutingRuleRow, trx: Db): Promise<void> {
    await trx.insertInto('qa_routing_rules').values(row).execute();
  }

  async updateRule(id: string, changes: Partial<RoutingRuleRow>, trx: Db): Promise<void> {
    await trx.updateTable('qa_routing_rules').set(changes).where('id', '=', id).execute();
  }

  async deleteRule(id: string, trx: Db): Promise<void> {
    await trx.deleteFrom('qa_routing_rules').where('id', '=', id).execute();
  }

  // ─── The form key ───────────────────────────────────────────────────────────────────────────
  /** The secret `name`, created with `make` the first time (the first writer wins on a race). */
  async secret(name: string, make: () => string): Promise<string> {
    const found = await this.db.selectFrom('qa_secrets').select('value').where('name', '=', name).executeTakeFirst();
    if (found) return found.value;
    try {
      await this.db.insertInto('qa_secrets').values({ name, value: make(), created_at: Date.now() }).execute();
    } catch {
      // Another process created it first.
    }
    const row = await this.db.selectFrom('qa_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
    return row.value;
  }
}
