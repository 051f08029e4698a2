import type { Kysely, Transaction } from 'kysely';
import type { FileRole, GazetteIntakeDatabase, IssuerContactRow, SubmissionEventRow, SubmissionFileRow, SubmissionRow, SubmissionStatus } from './gazette-database.js';

export type Db = Kysely<GazetteIntakeDatabase> | Transaction<GazetteIntakeDatabase>;

/** Which side a query works for: the issuing unit reads by `tenant_id`, the office by `office_id`. */
export type Side = 'issuer' | 'office';
const column = (side: Side) => (side === 'issuer' ? 'tenant_id' : 'office_id');

export interface SubmissionFilter {
  readonly status?: SubmissionStatus;
  /** Any of these statuses (with `status`, both apply). */
  readonly statuses?: readonly SubmissionStatus[];
  readonly issuerUnitId?: string;
  readonly signedYear?: number;
  readonly registerYear?: number;
  /** The office's view: what was sent to it and what it entered itself, never an issuer's unsent draft. */
  readonly officeView?: boolean;
  readonly limit: number;
  readonly offset: number;
}

/** Queries on the intake tables; every one names the unit and the side it acts for. */
export class SubmissionRepository {
  constructor(private readonly db: Kysely<GazetteIntakeDatabase>) {}

  find(side: Side, unitId: string, id: string, trx?: Db): Promise<SubmissionRow | undefined> {
    return (trx ?? this.db).selectFrom('gazette_submissions').selectAll().where(column(side), '=', unitId).where('id', '=', id).executeTakeFirst();
  }

  /** By id alone: for the platform's own services (readiness for an issue), never for a route. */
  /** By id alone; with `trx` inside the caller's transaction (on SQLite another read would wait for it). */
  findAny(id: string, trx?: Transaction<GazetteIntakeDatabase>): Promise<SubmissionRow | undefined> {
    return (trx ?? this.db).selectFrom('gazette_submissions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async page(side: Side, unitId: string, filter: SubmissionFilter): Promise<{ items: SubmissionRow[]; total: number }> {
    let query = this.db.selectFrom('gazette_submissions').where(column(side), '=', unitId);
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (filter.statuses !== undefined) query = query.where('status', 'in', [...filter.statuses]);
    if (filter.issuerUnitId !== undefined) query = query.where('tenant_id', '=', filter.issuerUnitId);
    if (filter.signedYear !== undefined) query = query.where('signed_on', '>=', `${filter.signedYear}-01-01`).where('signed_on', '<=', `${filter.signedYear}-12-31`);
    if (filter.registerYear !== undefined) query = query.where('register_year', '=', filter.registerYear);
    if (filter.officeView) query = query.where((eb) => eb.or([eb('sent_at', 'is not', null), eb('origin', '=', 'office')]));
    let ordered = query.selectAll();
    ordered = filter.registerYear !== undefined ? ordered.orderBy('register_number', 'asc') : ordered.orderBy('created_at', 'desc');
    const [items, count] = await Promise.all([
      ordered.orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  /** The office's documents still open (not published, not withdrawn), drafts included: what the deadline dashboard reads. */
  open(officeId: string): Promise<SubmissionRow[]> {
    return this.db
      .selectFrom('gazette_submissions')
      .selectAll()
      .where('office_id', '=', officeId)
      .where('status', 'not in', ['published', 'withdrawn'])
      .orderBy('created_at', 'asc')
      .execute();
  }

  /** Other live submissions of the same issuer with the same number and symbol. */
  sameNumber(tenantId: string, numberKey: string, exceptId: string, trx?: Db): Promise<Pick<SubmissionRow, 'id' | 'number_symbol' | 'status' | 'register_year' | 'register_number'>[]> {
    return (trx ?? this.db)
      .selectFrom('gazette_submissions')
      .select(['id', 'number_symbol', 'status', 'register_year', 'register_number'])
      .where('tenant_id', '=', tenantId)
      .where('number_key', '=', numberKey)
      .where('id', '!=', exceptId)
      .where('status', '!=', 'withdrawn')
      .execute();
  }

  async insert(row: SubmissionRow, trx: Db): Promise<void> {
    await trx.insertInto('gazette_submissions').values(row).execute();
  }

  /** Compare-and-set on the status: applies only while the submission is still in `from`. True when it applied. */
  async update(id: string, from: readonly SubmissionStatus[], changes: Partial<SubmissionRow>, trx: Db): Promise<boolean> {
    const result = await trx.updateTable('gazette_submissions').set(changes).where('id', '=', id).where('status', 'in', [...from]).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** The next register number of the office's year (1 for the first). */
  async nextRegisterNumber(officeId: string, year: number, trx: Db): Promise<number> {
    const row = await trx
      .selectFrom('gazette_submissions')
      .select((eb) => eb.fn.max<number | null>('register_number').as('n'))
      .where('office_id', '=', officeId)
      .where('register_year', '=', year)
      .executeTakeFirst();
    return Number(row?.n ?? 0) + 1;
  }

  files(submissionId: string, trx?: Db): Promise<SubmissionFileRow[]> {
    return (trx ?? this.db).selectFrom('gazette_submission_files').selectAll().where('submission_id', '=', submissionId).orderBy('role', 'asc').orderBy('version', 'asc').execute();
  }

  currentFile(submissionId: string, role: FileRole, trx?: Db): Promise<SubmissionFileRow | undefined> {
    return (trx ?? this.db).selectFrom('gazette_submission_files').selectAll().where('submission_id', '=', submissionId).where('role', '=', role).where('is_current', '=', 1).executeTakeFirst();
  }

  fileById(submissionId: string, id: string): Promise<SubmissionFileRow | undefined> {
    return this.db.selectFrom('gazette_submission_files').selectAll().where('submission_id', '=', submissionId).where('id', '=', id).executeTakeFirst();
  }

  /** Adds a version of a file and makes it the current one of its role. */
  async addFile(row: SubmissionFileRow, trx: Db): Promise<void> {
    await trx.updateTable('gazette_submission_files').set({ is_current: 0 }).where('submission_id', '=', row.submission_id).where('role', '=', row.role).execute();
    await trx.insertInto('gazette_submission_files').values(row).execute();
  }

  async lastFileVersion(submissionId: string, role: FileRole, trx: Db): Promise<number> {
    const row = await trx
      .selectFrom('gazette_submission_files')
      .select((eb) => eb.fn.max<number | null>('version').as('n'))
      .where('submission_id', '=', submissionId)
      .where('role', '=', role)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async addEvent(row: SubmissionEventRow, trx: Db): Promise<void> {
    await trx.insertInto('gazette_submission_events').values(row).execute();
  }

  events(submissionId: string): Promise<SubmissionEventRow[]> {
    return this.db.selectFrom('gazette_submission_events').selectAll().where('submission_id', '=', submissionId).orderBy('created_at', 'asc').orderBy('id', 'asc').execute();
  }

  contact(tenantId: string): Promise<IssuerContactRow | undefined> {
    return this.db.selectFrom('gazette_issuer_contacts').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
  }
}
