import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { createTestDatabase, OwnerMigrator, type TestDatabase } from '@cong/core/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import type { GazetteIntakeDatabase, SubmissionRow } from '../src/intake/gazette-database.js';
import { SubmissionRepository } from '../src/intake/submission.repository.js';
import { gazetteMigrations } from '../src/migrations/index.js';

// The intake tables alone: up → down → up on both dialects; register numbers restart each year and
// per office, and the unique index refuses a number taken twice (two clerks at the same moment).
describeEachDialect('gazette intake migrations and the register numbering', (dialect) => {
  let db: TestDatabase;
  let kysely: Kysely<GazetteIntakeDatabase>;
  const TABLES = ['gazette_comparison_rounds', 'gazette_issuer_contacts', 'gazette_submission_events', 'gazette_submission_files', 'gazette_submissions'];
  const tables = async () => (await db.kysely.introspection.getTables()).map((t) => t.name).filter((n) => TABLES.includes(n)).sort();
  // Only the intake's own migrations: other areas of the plugin add theirs to the same ledger.
  const intakeMigrations = Object.fromEntries(Object.entries(gazetteMigrations).filter(([name]) => /_(create_submissions|create_comparison_rounds)$/.test(name)));

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    kysely = db.kysely as unknown as Kysely<GazetteIntakeDatabase>;
  });
  afterAll(async () => db?.drop());

  it('goes up, down and up again', async () => {
    const names = Object.keys(intakeMigrations);
    const migrator = new OwnerMigrator('rt_gazette_intake', db.kysely, intakeMigrations);
    expect(await migrator.latest()).toEqual(names);
    expect(await tables()).toEqual(TABLES);
    expect(await migrator.rollback(null)).toEqual([...names].reverse());
    expect(await tables()).toEqual([]);
    expect(await migrator.latest()).toEqual(names);
    expect(await tables()).toEqual(TABLES);
  });

  it('numbers the register from 1 in each year and each office, and refuses a number taken twice', async () => {
    const repo = new SubmissionRepository(kysely);
    const row = (id: string, office: string, year: number | null, number: number | null): SubmissionRow => ({
      id,
      tenant_id: 'so-a',
      office_id: office,
      origin: 'issuer',
      status: year === null ? 'sent' : 'registered',
      document_type: 'quyet-dinh',
      number_symbol: `${id}/2026/QĐ-UBND`,
      number_key: `${id}/2026/QĐ-UBND`,
      doc_number: id,
      doc_year: 2026,
      doc_symbol: 'QĐ-UBND',
      summary: 'Trích yếu',
      issuing_agency: 'UBND tỉnh',
      signer: 'Người ký',
      signed_on: '2026-01-05',
      effective_on: null,
      in_force_on_signing: 0,
      legal_normative: 1,
      field: null,
      source_channel: 'portal',
      submitter_email: null,
      note: null,
      flags: '[]',
      register_year: year,
      register_number: number,
      registered_at: year === null ? null : 1,
      registered_by: year === null ? null : 'van-thu',
      sent_at: 1,
      sent_on: '2026-01-05',
      sent_by: 'x',
      send_due: null,
      send_rule: null,
      publish_due: null,
      publish_rule: null,
      round_count: 0,
      passed_at: null,
      passed_by: null,
      published_at: null,
      published_ref: null,
      withdrawn_at: null,
      withdrawn_by: null,
      withdraw_reason: null,
      created_by: 'x',
      created_at: 1,
      updated_at: 1,
    });
    await kysely.transaction().execute(async (trx) => {
      await repo.insert(row('1', 'tinh-a', 2025, 1), trx);
      await repo.insert(row('2', 'tinh-a', 2025, 2), trx);
      await repo.insert(row('3', 'tinh-a', 2025, 3), trx);
      await repo.insert(row('4', 'tinh-a', 2026, 1), trx);
      await repo.insert(row('5', 'tinh-b', 2026, 1), trx);
      // Unregistered rows (no number yet) never clash.
      await repo.insert(row('6', 'tinh-a', null, null), trx);
      await repo.insert(row('7', 'tinh-a', null, null), trx);
    });
    await kysely.transaction().execute(async (trx) => {
      expect(await repo.nextRegisterNumber('tinh-a', 2025, trx)).toBe(4);
      expect(await repo.nextRegisterNumber('tinh-a', 2026, trx)).toBe(2);
      expect(await repo.nextRegisterNumber('tinh-a', 2027, trx)).toBe(1);
      expect(await repo.nextRegisterNumber('tinh-b', 2026, trx)).toBe(2);
    });
    await expect(kysely.transaction().execute((trx) => repo.insert(row('8', 'tinh-a', 2026, 1), trx))).rejects.toThrow();
    // The same number in another year, or at another office, is fine.
    await kysely.transaction().execute((trx) => repo.insert(row('9', 'tinh-b', 2025, 1), trx));
  });
});
