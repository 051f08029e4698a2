import { Migrator, NO_MIGRATIONS, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import { CONG_ERR_MIGRATION_FAILED } from '../errors.js';

/** One migration's state in an owner's ledger. */
export interface MigrationStatus {
  readonly owner: string;
  readonly name: string;
  readonly executedAt: Date | undefined;
}

/**
 * Migrations of one owner (`core` or a plugin id), with their own ledger tables
 * `<owner>_migrations` and `<owner>_migrations_lock`, so plugins migrate and roll back independently.
 */
export class OwnerMigrator {
  readonly #migrator: Migrator;

  constructor(
    readonly owner: string,
    db: Kysely<any>,
    migrations: Readonly<Record<string, Migration>>,
  ) {
    this.#migrator = new Migrator({
      db,
      provider: { getMigrations: async () => ({ ...migrations }) },
      migrationTableName: `${owner.replace(/-/g, '_')}_migrations`,
      migrationLockTableName: `${owner.replace(/-/g, '_')}_migrations_lock`,
    });
  }

  async status(): Promise<MigrationStatus[]> {
    const list = await this.#migrator.getMigrations();
    return list.map((m) => ({ owner: this.owner, name: m.name, executedAt: m.executedAt }));
  }

  async pending(): Promise<string[]> {
    return (await this.status()).filter((m) => m.executedAt === undefined).map((m) => m.name);
  }

  /** Runs every pending migration. Returns the names run. */
  async latest(): Promise<string[]> {
    return this.#check(await this.#migrator.migrateToLatest());
  }

  /** Migrates down one step, or down to just after `to` (`to: null` undoes everything). */
  async rollback(to?: string | null): Promise<string[]> {
    if (to === undefined) return this.#check(await this.#migrator.migrateDown());
    return this.#check(await this.#migrator.migrateTo(to === null ? NO_MIGRATIONS : to));
  }

  #check(result: MigrationResultSet): string[] {
    const done = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    if (result.error !== undefined) {
      const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? '(ledger)';
      const reason = result.error instanceof Error ? result.error.message : String(result.error);
      throw CONG_ERR_MIGRATION_FAILED.create({ owner: this.owner, migration: failed, reason }, { cause: result.error });
    }
    return done;
  }
}
