import { type Kysely, type Transaction } from 'kysely';
import type { QuestionRow } from '../questions/qa-database.js';
import type { AnswerRow, AnswersDatabase, AttachmentRow, NoteRow, PublicationRow, PublicationStatus, RatingRow, RevisionRow } from './answer-database.js';

type Db = Kysely<AnswersDatabase> | Transaction<AnswersDatabase>;

/** What the public list filters on. */
export interface PublicFilter {
  readonly provinceId: string;
  readonly field?: string;
  /** Folded words of letters and digits only (no LIKE wildcard can be in them); every one must occur. */
  readonly words: readonly string[];
  readonly limit: number;
  readonly offset: number;
}

/** Ratings of one agency: how many of each score. */
export interface RatingCounts {
  readonly agencyId: string;
  readonly counts: Readonly<Record<1 | 2 | 3 | 4 | 5, number>>;
}


/** Queries of the answer tables; the same SQL on SQLite and MySQL/MariaDB, always scoped to an agency or a province. */
export class AnswerRepository {
  constructor(private readonly db: Kysely<AnswersDatabase>) {}

  /** A question by id, whatever its unit: only for a caller that proved its right to it (a signed link). */
  async question(id: string): Promise<QuestionRow | undefined> {
    return this.db.selectFrom('qa_questions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  // ─── Answers ────────────────────────────────────────────────────────────────────────────────
  async answer(questionId: string, agencyId: string, trx: Db = this.db): Promise<AnswerRow | undefined> {
    return trx.selectFrom('qa_answers').selectAll().where('question_id', '=', questionId).where('agency_id', '=', agencyId).executeTakeFirst();
  }

  /** The answer that was sent for a question (whichever agency sent it). */
  async sentAnswer(questionId: string, trx: Db = this.db): Promise<AnswerRow | undefined> {
    return trx.selectFrom('qa_answers').selectAll().where('question_id', '=', questionId).where('status', '=', 'sent').executeTakeFirst();
  }

  async insertAnswer(row: AnswerRow, trx: Db): Promise<void> {
    await trx.insertInto('qa_answers').values(row).execute();
  }

  /** Changes an answer only if it is still in one of `from` at `revision`: the guard against a concurrent step. */
  async updateAnswer(id: string, from: readonly AnswerRow['status'][], revision: number, changes: Partial<AnswerRow>, trx: Db): Promise<boolean> {
    const result = await trx.updateTable('qa_answers').set(changes).where('id', '=', id).where('status', 'in', [...from]).where('revision', '=', revision).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async addRevision(row: RevisionRow, trx: Db): Promise<void> {
    await trx.insertInto('qa_answer_revisions').values(row).execute();
  }

  async revisions(answerId: string): Promise<RevisionRow[]> {
    return this.db.selectFrom('qa_answer_revisions').selectAll().where('answer_id', '=', answerId).orderBy('number').execute();
  }

  async attachments(answerId: string): Promise<AttachmentRow[]> {
    return this.db.selectFrom('qa_answer_attachments').selectAll().where('answer_id', '=', answerId).orderBy('created_at').orderBy('file_id').execute();
  }

  async attachment(answerId: string, fileId: string): Promise<AttachmentRow | undefined> {
    return this.db.selectFrom('qa_answer_attachments').selectAll().where('answer_id', '=', answerId).where('file_id', '=', fileId).executeTakeFirst();
  }

  async addAttachment(row: AttachmentRow, trx: Db): Promise<void> {
    await trx.insertInto('qa_answer_attachments').values(row).execute();
  }

  async removeAttachment(answerId: string, fileId: string, trx: Db): Promise<void> {
    await trx.deleteFrom('qa_answer_attachments').where('answer_id', '=', answerId).where('file_id', '=', fileId).execute();
  }

  async addNote(row: NoteRow, trx: Db): Promise<void> {
    await trx.insertInto('qa_answer_notes').values(row).execute();
  }

  async notes(questionId: string, agencyId: string): Promise<NoteRow[]> {
    return this.db.selectFrom('qa_answer_notes').selectAll().where('question_id', '=', questionId).where('agency_id', '=', agencyId).orderBy('created_at').orderBy('id').execute();
  }

  // ─── Agency settings ────────────────────────────────────────────────────────────────────────
  async requireApproval(unitId: string): Promise<boolean | undefined> {
    const row = await this.db.selectFrom('qa_agency_settings').select('require_approval').where('unit_id', '=', unitId).executeTakeFirst();
    return row === undefined ? undefined : row.require_approval === 1;
  }

  async setRequireApproval(unitId: string, value: boolean, actorId: string, trx: Db): Promise<void> {
    const now = Date.now();
    const changed = await trx.updateTable('qa_agency_settings').set({ require_approval: value ? 1 : 0, updated_by: actorId, updated_at: now }).where('unit_id', '=', unitId).executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) await trx.insertInto('qa_agency_settings').values({ unit_id: unitId, require_approval: value ? 1 : 0, updated_by: actorId, updated_at: now }).execute();
  }

  // ─── Publications ───────────────────────────────────────────────────────────────────────────
  async publication(provinceId: string, questionId: string, trx: Db = this.db): Promise<PublicationRow | undefined> {
    return trx.selectFrom('qa_publications').selectAll().where('province_id', '=', provinceId).where('question_id', '=', questionId).executeTakeFirst();
  }

  async savePublication(row: PublicationRow, exists: boolean, trx: Db): Promise<void> {
    if (exists) {
      const { question_id: _id, ...changes } = row;
      await trx.updateTable('qa_publications').set(changes).where('question_id', '=', row.question_id).execute();
    } else {
      await trx.insertInto('qa_publications').values(row).execute();
    }
  }

  async setPublicationStatus(questionId: string, status: PublicationStatus, changes: Partial<PublicationRow>, trx: Db): Promise<void> {
    await trx.updateTable('qa_publications').set({ ...changes, status }).where('question_id', '=', questionId).execute();
  }

  /** What changes whenever a publication of the province is made, edited, withdrawn or removed: for the list cache. */
  async publicationsFingerprint(provinceId: string): Promise<string> {
    const row = await this.db
      .selectFrom('qa_publications')
      .where('province_id', '=', provinceId)
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('latest')])
      .executeTakeFirst();
    return `${Number(row?.n ?? 0)}:${Number(row?.latest ?? 0)}`;
  }

  /** A published question and answer by its slug (or its question id), within a province. */
  async published(provinceId: string, slugOrId: string): Promise<PublicationRow | undefined> {
    return this.db
      .selectFrom('qa_publications')
      .selectAll()
      .where('province_id', '=', provinceId)
      .where('status', '=', 'published')
      .where((eb) => eb.or([eb('slug', '=', slugOrId), eb('question_id', '=', slugOrId)]))
      .executeTakeFirst();
  }

  async publishedPage(filter: PublicFilter): Promise<{ items: PublicationRow[]; total: number }> {
    let query = this.db.selectFrom('qa_publications').where('province_id', '=', filter.provinceId).where('status', '=', 'published');
    if (filter.field) query = query.where('field_code', '=', filter.field);
    for (const word of filter.words) query = query.where('search_fold', 'like', `%${word}%`);
    const [items, count] = await Promise.all([
      query.selectAll().orderBy('published_at', 'desc').orderBy('question_id').limit(filter.limit).offset(filter.offset).execute(),
      query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  /** Published counts per field, for the list's filter. */
  async publishedFields(provinceId: string): Promise<{ field: string; n: number }[]> {
    const rows = await this.db
      .selectFrom('qa_publications')
      .select(['field_code', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('province_id', '=', provinceId)
      .where('status', '=', 'published')
      .groupBy('field_code')
      .execute();
    return rows.map((r) => ({ field: r.field_code, n: Number(r.n) }));
  }

  // ─── Ratings ────────────────────────────────────────────────────────────────────────────────
  async rating(questionId: string, trx: Db = this.db): Promise<RatingRow | undefined> {
    return trx.selectFrom('qa_ratings').selectAll().where('question_id', '=', questionId).executeTakeFirst();
  }

  /** Stores a rating; false when the question was rated already (the primary key refused it). */
  async insertRating(row: RatingRow, trx: Db): Promise<boolean> {
    if (await this.rating(row.question_id, trx)) return false;
    await trx.insertInto('qa_ratings').values(row).execute();
    return true;
  }

  /** Scores per agency: of one agency, or of every agency of a province. */
  async ratingCounts(scope: { agencyId: string } | { provinceId: string }): Promise<RatingCounts[]> {
    let query = this.db.selectFrom('qa_ratings').select(['agency_id', 'score', (eb) => eb.fn.countAll<number | string>().as('n')]);
    query = 'agencyId' in scope ? query.where('agency_id', '=', scope.agencyId) : query.where('province_id', '=', scope.provinceId);
    const rows = await query.groupBy(['agency_id', 'score']).execute();
    const byAgency = new Map<string, Record<1 | 2 | 3 | 4 | 5, number>>();
    for (const r of rows) {
      const counts = byAgency.get(r.agency_id) ?? { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
      counts[r.score as 1 | 2 | 3 | 4 | 5] = Number(r.n);
      byAgency.set(r.agency_id, counts);
    }
    return [...byAgency].map(([agencyId, counts]) => ({ agencyId, counts }));
  }

  /** Questions answered per agency (the ratings' denominator). */
  async answeredCounts(scope: { agencyId: string } | { provinceId: string }): Promise<Map<string, number>> {
    let query = this.db.selectFrom('qa_answers').select(['agency_id', (eb) => eb.fn.countAll<number | string>().as('n')]).where('status', '=', 'sent');
    query = 'agencyId' in scope ? query.where('agency_id', '=', scope.agencyId) : query.where('province_id', '=', scope.provinceId);
    const rows = await query.groupBy('agency_id').execute();
    return new Map(rows.map((r) => [r.agency_id, Number(r.n)]));
  }
}
