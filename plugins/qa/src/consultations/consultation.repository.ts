import type { Kysely, Transaction } from 'kysely';
import type { ArticleRow, CommentRow, CommentStatus, ConsultationDatabase, ConsultationRow, ConsulteeRow, DossierFileRow, ModerationRow } from './consultation-database.js';

type Db = Kysely<ConsultationDatabase> | Transaction<ConsultationDatabase>;

/**
 * The consultation tables. Staff reads are always scoped: by the drafting unit (`unitId`) or, for a
 * consulted agency, by its consultee row; the public reads only announced consultations.
 */
export class ConsultationRepository {
  constructor(private readonly db: Kysely<ConsultationDatabase>) {}

  // ─── Consultations ──────────────────────────────────────────────────────────────────────────
  async insert(row: ConsultationRow, articles: readonly ArticleRow[], consultees: readonly ConsulteeRow[], trx: Transaction<ConsultationDatabase>): Promise<void> {
    await trx.insertInto('qa_consultations').values(row).execute();
    if (articles.length > 0) await trx.insertInto('qa_consultation_articles').values([...articles]).execute();
    if (consultees.length > 0) await trx.insertInto('qa_consultation_consultees').values([...consultees]).execute();
  }

  ofUnit(unitId: string, id: string): Promise<ConsultationRow | undefined> {
    return this.db.selectFrom('qa_consultations').selectAll().where('unit_id', '=', unitId).where('id', '=', id).executeTakeFirst();
  }

  byId(id: string): Promise<ConsultationRow | undefined> {
    return this.db.selectFrom('qa_consultations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  bySlug(slug: string): Promise<ConsultationRow | undefined> {
    return this.db.selectFrom('qa_consultations').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  async pageOfUnit(unitId: string, limit: number, offset: number): Promise<{ items: ConsultationRow[]; total: number }> {
    const base = this.db.selectFrom('qa_consultations').where('unit_id', '=', unitId);
    const [items, count] = await Promise.all([
      base.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).offset(offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    return { items, total: Number(count?.n ?? 0) };
  }

  /**
   * A page of the announced consultations a site shows, latest closing day first: its own, or every
   * unit's of the province when it is the province's site.
   */
  async announcedPage(site: { unitId: string; isProvince: boolean }, limit: number, offset: number): Promise<{ items: ConsultationRow[]; total: number }> {
    const base = this.db.selectFrom('qa_consultations').where(site.isProvince ? 'province_id' : 'unit_id', '=', site.unitId).where('announced_at', 'is not', null);
    const [items, count] = await Promise.all([
      base.selectAll().orderBy('closes_on', 'desc').orderBy('id').limit(limit).offset(offset).execute(),
      base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst(),
    ]);
    return { items, total: Number(count?.n ?? 0) };
  }

  /** The announced consultations of a site not yet closed on `today` (announced or open; no outcome yet), soonest closing first. */
  current(site: { unitId: string; isProvince: boolean }, today: string, limit: number): Promise<ConsultationRow[]> {
    return this.db
      .selectFrom('qa_consultations')
      .selectAll()
      .where(site.isProvince ? 'province_id' : 'unit_id', '=', site.unitId)
      .where('announced_at', 'is not', null)
      .where('outcome_published_at', 'is', null)
      .where('closes_on', '>=', today)
      .orderBy('closes_on')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  async update(id: string, changes: Partial<ConsultationRow>, trx: Db = this.db): Promise<void> {
    await trx.updateTable('qa_consultations').set(changes).where('id', '=', id).execute();
  }

  // ─── Articles ───────────────────────────────────────────────────────────────────────────────
  articles(consultationId: string): Promise<ArticleRow[]> {
    return this.db.selectFrom('qa_consultation_articles').selectAll().where('consultation_id', '=', consultationId).orderBy('position').execute();
  }

  async replaceArticles(consultationId: string, rows: readonly ArticleRow[], trx: Transaction<ConsultationDatabase>): Promise<void> {
    await trx.deleteFrom('qa_consultation_articles').where('consultation_id', '=', consultationId).execute();
    if (rows.length > 0) await trx.insertInto('qa_consultation_articles').values([...rows]).execute();
  }

  // ─── Dossier ────────────────────────────────────────────────────────────────────────────────
  files(consultationId: string): Promise<DossierFileRow[]> {
    return this.db.selectFrom('qa_consultation_files').selectAll().where('consultation_id', '=', consultationId).orderBy('created_at').orderBy('file_id').execute();
  }

  async addFile(row: DossierFileRow, trx: Db = this.db): Promise<void> {
    await trx.insertInto('qa_consultation_files').values(row).execute();
  }

  async removeFile(consultationId: string, fileId: string, trx: Db = this.db): Promise<number> {
    const result = await trx.deleteFrom('qa_consultation_files').where('consultation_id', '=', consultationId).where('file_id', '=', fileId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  // ─── Consultees ─────────────────────────────────────────────────────────────────────────────
  consultees(consultationId: string): Promise<ConsulteeRow[]> {
    return this.db.selectFrom('qa_consultation_consultees').selectAll().where('consultation_id', '=', consultationId).orderBy('unit_id').execute();
  }

  consultee(consultationId: string, unitId: string): Promise<ConsulteeRow | undefined> {
    return this.db.selectFrom('qa_consultation_consultees').selectAll().where('consultation_id', '=', consultationId).where('unit_id', '=', unitId).executeTakeFirst();
  }

  /** The announced consultations a unit is asked about. */
  requestsOf(unitId: string): Promise<(ConsulteeRow & { title: string; slug: string; drafting_unit: string })[]> {
    return this.db
      .selectFrom('qa_consultation_consultees as k')
      .innerJoin('qa_consultations as c', 'c.id', 'k.consultation_id')
      .selectAll('k')
      .select(['c.title as title', 'c.slug as slug', 'c.unit_id as drafting_unit'])
      .where('k.unit_id', '=', unitId)
      .where('c.announced_at', 'is not', null)
      .orderBy('k.deadline_on', 'desc')
      .limit(500)
      .execute();
  }

  async updateConsultee(consultationId: string, unitId: string, changes: Partial<ConsulteeRow>, trx: Db = this.db): Promise<void> {
    await trx.updateTable('qa_consultation_consultees').set(changes).where('consultation_id', '=', consultationId).where('unit_id', '=', unitId).execute();
  }

  // ─── Comments ───────────────────────────────────────────────────────────────────────────────
  async insertComment(row: CommentRow, trx: Db = this.db): Promise<void> {
    await trx.insertInto('qa_consultation_comments').values(row).execute();
  }

  comments(consultationId: string, statuses?: readonly CommentStatus[]): Promise<CommentRow[]> {
    let q = this.db.selectFrom('qa_consultation_comments').selectAll().where('consultation_id', '=', consultationId);
    if (statuses && statuses.length > 0) q = q.where('status', 'in', [...statuses]);
    return q.orderBy('created_at').orderBy('id').execute();
  }

  /** A page of the comments in `statuses` (not empty), oldest first, and how many there are in them. */
  async commentPage(consultationId: string, statuses: readonly CommentStatus[], limit: number, offset: number): Promise<{ items: CommentRow[]; total: number }> {
    const base = this.db.selectFrom('qa_consultation_comments').where('consultation_id', '=', consultationId).where('status', 'in', [...statuses]);
    const [items, count] = await Promise.all([
      base.selectAll().orderBy('created_at').orderBy('id').limit(limit).offset(offset).execute(),
      base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst(),
    ]);
    return { items, total: Number(count?.n ?? 0) };
  }

  comment(consultationId: string, id: string): Promise<CommentRow | undefined> {
    return this.db.selectFrom('qa_consultation_comments').selectAll().where('consultation_id', '=', consultationId).where('id', '=', id).executeTakeFirst();
  }

  commentByVerifyHash(hash: string): Promise<CommentRow | undefined> {
    return this.db.selectFrom('qa_consultation_comments').selectAll().where('verify_hash', '=', hash).executeTakeFirst();
  }

  /** A guarded change: only while the comment is still in one of `from`; false when another request came first. */
  async updateComment(id: string, from: readonly CommentStatus[], changes: Partial<CommentRow>, trx: Db = this.db): Promise<boolean> {
    const result = await trx.updateTable('qa_consultation_comments').set(changes).where('id', '=', id).where('status', 'in', [...from]).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async countComments(consultationId: string): Promise<number> {
    const row = await this.db.selectFrom('qa_consultation_comments').select((eb) => eb.fn.countAll<number>().as('n')).where('consultation_id', '=', consultationId).where('status', '!=', 'unverified').executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async purgeUnverified(now: number): Promise<number> {
    const result = await this.db.deleteFrom('qa_consultation_comments').where('status', '=', 'unverified').where('verify_expires_at', '<', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  // ─── Moderation and reports ─────────────────────────────────────────────────────────────────
  async log(row: ModerationRow, trx: Db = this.db): Promise<void> {
    await trx.insertInto('qa_consultation_moderation').values(row).execute();
  }

  moderationLog(consultationId: string): Promise<ModerationRow[]> {
    return this.db.selectFrom('qa_consultation_moderation').selectAll().where('consultation_id', '=', consultationId).orderBy('created_at').orderBy('id').execute();
  }

  /** Records one reporter's mark; false when that reporter had marked the comment already. */
  async addReport(commentId: string, reporterHash: string, now: number, trx: Transaction<ConsultationDatabase>): Promise<boolean> {
    const seen = await trx.selectFrom('qa_consultation_reports').select('comment_id').where('comment_id', '=', commentId).where('reporter_hash', '=', reporterHash).executeTakeFirst();
    if (seen) return false;
    await trx.insertInto('qa_consultation_reports').values({ comment_id: commentId, reporter_hash: reporterHash, created_at: now }).execute();
    return true;
  }

  async clearReports(commentId: string, trx: Transaction<ConsultationDatabase>): Promise<void> {
    await trx.deleteFrom('qa_consultation_reports').where('comment_id', '=', commentId).execute();
  }
}
