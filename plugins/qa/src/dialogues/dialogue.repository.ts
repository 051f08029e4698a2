import type { Kysely, Transaction } from 'kysely';
import type { DialogueDatabase, DialogueModerationRow, DialogueQuestionRow, DialogueQuestionStatus, DialogueRow, DialogueStatus, GuestRow } from './dialogue-database.js';

type Db = Kysely<DialogueDatabase> | Transaction<DialogueDatabase>;

/** Where a public page looks: a unit's own site shows its events; the province's site shows the whole province's. */
export interface DialogueScope {
  readonly unitId: string;
  readonly isProvince: boolean;
}

/** Queries of the dialogue tables; the same SQL on SQLite and MySQL/MariaDB. */
export class DialogueRepository {
  constructor(private readonly db: Kysely<DialogueDatabase>) {}

  // ─── Events ─────────────────────────────────────────────────────────────────────────────────
  async insert(row: DialogueRow, guests: readonly GuestRow[], trx: Db): Promise<void> {
    await trx.insertInto('qa_dialogues').values(row).execute();
    if (guests.length > 0) await trx.insertInto('qa_dialogue_guests').values([...guests]).execute();
  }

  /** An event of the organising unit `unitId`; another unit's does not exist for it. */
  async own(unitId: string, id: string): Promise<DialogueRow | undefined> {
    return this.db.selectFrom('qa_dialogues').selectAll().where('id', '=', id).where('unit_id', '=', unitId).executeTakeFirst();
  }

  async bySlug(slug: string): Promise<DialogueRow | undefined> {
    return this.db.selectFrom('qa_dialogues').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  async byId(id: string): Promise<DialogueRow | undefined> {
    return this.db.selectFrom('qa_dialogues').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async page(unitId: string, limit: number, offset: number): Promise<{ items: DialogueRow[]; total: number }> {
    const query = this.db.selectFrom('qa_dialogues').where('unit_id', '=', unitId);
    const [items, count] = await Promise.all([
      query.selectAll().orderBy('starts_at', 'desc').orderBy('id').limit(limit).offset(offset).execute(),
      query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  /** A page of the events a public site lists, newest schedule first. */
  async listedPage(scope: DialogueScope, limit: number, offset: number): Promise<{ items: DialogueRow[]; total: number }> {
    const query = scope.isProvince ? this.db.selectFrom('qa_dialogues').where('province_id', '=', scope.unitId) : this.db.selectFrom('qa_dialogues').where('unit_id', '=', scope.unitId);
    const [items, count] = await Promise.all([
      query.selectAll().orderBy('starts_at', 'desc').orderBy('id').limit(limit).offset(offset).execute(),
      query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  /**
   * The events of a public site still ahead at `now`: announced or live, and those cancelled that were
   * to start later (a calendar that imported one learns it is cancelled); soonest first.
   */
  async upcoming(scope: DialogueScope, now: number, limit: number): Promise<DialogueRow[]> {
    const query = this.db.selectFrom('qa_dialogues').selectAll();
    return (scope.isProvince ? query.where('province_id', '=', scope.unitId) : query.where('unit_id', '=', scope.unitId))
      .where((eb) => eb.or([eb('status', 'in', ['announced', 'live']), eb.and([eb('status', '=', 'cancelled'), eb('starts_at', '>', now)])]))
      .orderBy('starts_at')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** Changes an event only if it is still in one of `from`: the guard against a concurrent step. */
  async update(id: string, from: readonly DialogueStatus[], changes: Partial<DialogueRow>, trx: Db): Promise<boolean> {
    const result = await trx.updateTable('qa_dialogues').set(changes).where('id', '=', id).where('status', 'in', [...from]).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async guests(dialogueId: string, trx: Db = this.db): Promise<GuestRow[]> {
    return trx.selectFrom('qa_dialogue_guests').selectAll().where('dialogue_id', '=', dialogueId).orderBy('position').execute();
  }

  async replaceGuests(dialogueId: string, guests: readonly GuestRow[], trx: Db): Promise<void> {
    await trx.deleteFrom('qa_dialogue_guests').where('dialogue_id', '=', dialogueId).execute();
    if (guests.length > 0) await trx.insertInto('qa_dialogue_guests').values([...guests]).execute();
  }

  // ─── Questions ──────────────────────────────────────────────────────────────────────────────
  async insertQuestion(row: DialogueQuestionRow, trx: Db): Promise<void> {
    await trx.insertInto('qa_dialogue_questions').values(row).execute();
  }

  async question(dialogueId: string, id: string, trx: Db = this.db): Promise<DialogueQuestionRow | undefined> {
    return trx.selectFrom('qa_dialogue_questions').selectAll().where('dialogue_id', '=', dialogueId).where('id', '=', id).executeTakeFirst();
  }

  async questionByVerifyHash(hash: string): Promise<DialogueQuestionRow | undefined> {
    return this.db.selectFrom('qa_dialogue_questions').selectAll().where('verify_hash', '=', hash).executeTakeFirst();
  }

  /** The event's questions in `statuses`, oldest first. */
  async questions(dialogueId: string, statuses: readonly DialogueQuestionStatus[], trx: Db = this.db): Promise<DialogueQuestionRow[]> {
    return trx.selectFrom('qa_dialogue_questions').selectAll().where('dialogue_id', '=', dialogueId).where('status', 'in', [...statuses]).orderBy('created_at').orderBy('id').execute();
  }

  /** Changes a question only if it is still in one of `from`. */
  async updateQuestion(id: string, from: readonly DialogueQuestionStatus[], changes: Partial<DialogueQuestionRow>, trx: Db = this.db): Promise<boolean> {
    const result = await trx.updateTable('qa_dialogue_questions').set(changes).where('id', '=', id).where('status', 'in', [...from]).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async purgeUnverified(now: number): Promise<number> {
    const result = await this.db.deleteFrom('qa_dialogue_questions').where('status', '=', 'unverified').where('verify_expires_at', '<', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  // ─── The moderation log ─────────────────────────────────────────────────────────────────────
  async log(row: DialogueModerationRow, trx: Db): Promise<void> {
    await trx.insertInto('qa_dialogue_moderation').values(row).execute();
  }

  async moderationLog(dialogueId: string): Promise<DialogueModerationRow[]> {
    return this.db.selectFrom('qa_dialogue_moderation').selectAll().where('dialogue_id', '=', dialogueId).orderBy('created_at').orderBy('id').execute();
  }
}
