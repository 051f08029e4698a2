import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { SqlDialect } from '@cong/sdk';
import { createDatabase, type Database } from '../db/create-database.js';
import { parseDatabaseUrl } from '../db/database-url.js';
import { coreMigrations } from '../db/core-migrations/index.js';
import { OwnerMigrator } from '../db/owner-migrator.js';

/**
 * The dialects tests run on: SQLite always, MySQL/MariaDB when `CONG_TEST_MYSQL_URL` names a server
 * (`mysql://root@127.0.0.1:3306/test`). Under CI the MySQL URL is required, so a missing server fails
 * the run instead of silently testing one dialect.
 */
export function testDialects(): SqlDialect[] {
  const mysql = process.env.CONG_TEST_MYSQL_URL;
  if (!mysql && process.env.CI === 'true') {
    throw new Error('CONG_TEST_MYSQL_URL must be set under CI: every repository test runs on SQLite and MySQL');
  }
  return mysql ? ['sqlite', 'mysql'] : ['sqlite'];
}

/** A fresh, empty database of one dialect, and the URL a second process can open it with. */
export interface TestDatabase extends Database {
  readonly url: string;
  /** Closes the pool and drops the database (MySQL) or deletes the file (SQLite). */
  drop(): Promise<void>;
}

/**
 * Creates a fresh database: a temporary SQLite file, or a new MySQL database `cong_t_<random>` on the
 * `CONG_TEST_MYSQL_URL` server, so test files never share state.
 */
export async function createTestDatabase(dialect: SqlDialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'cong-test-'));
    const url = `sqlite:${join(dir, 'test.db')}`;
    const db = await createDatabase(parseDatabaseUrl(url, dir));
    return {
      ...db,
      url,
      async drop() {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const server = process.env.CONG_TEST_MYSQL_URL;
  if (!server) throw new Error('CONG_TEST_MYSQL_URL is not set');
  const name = `cong_t_${randomBytes(6).toString('hex')}`;
  const admin = await createDatabase(parseDatabaseUrl(server, process.cwd()));
  await sql.raw(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`).execute(admin.kysely);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = await createDatabase(parseDatabaseUrl(url.toString(), process.cwd()));
  return {
    ...db,
    url: url.toString(),
    async drop() {
      await db.destroy();
      await sql.raw(`DROP DATABASE IF EXISTS \`${name}\``).execute(admin.kysely);
      await admin.destroy();
    },
  };
}

/** A fresh database with the core's migrations applied: what tests of core subsystems start from. */
export async function createCoreTestDatabase(dialect: SqlDialect): Promise<TestDatabase> {
  const db = await createTestDatabase(dialect);
  await new OwnerMigrator('core', db.kysely, coreMigrations).latest();
  return db;
}
