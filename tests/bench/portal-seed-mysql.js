// Copies a seeded bench directory (SQLite, from portal-seed.js) to MySQL/MariaDB, to measure the portal
// on the other dialect against the same data:
//
//   node tests/bench/portal-seed-mysql.js <seeded SQLite dir> <mysql://… database URL> <new dir>
//
// `pnpm bench` runs it too, with BENCH_MYSQL_URL (`seedPortalMysql`). The database named by the URL is
// emptied first; a directory that holds a finished copy of the same set is reused. Units go in with
// `cong tenants import` (the same units.json); categories and articles are copied row by row with
// their units' new ids; the search index is then filled by the portal itself, `POST
// /api/portal/search/reindex` per unit (the real path: every article through the portal's indexer and
// the core's search service). `node tests/bench/measure-portal.js <new dir> …` then measures it (it
// takes the directory's database).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { cli, indexThroughPortal, portalPlugin } from './portal-seed.js';

// mysql2 is the core's dependency, not the repository root's.
const mysql = createRequire(new URL('../../core/package.json', import.meta.url))('mysql2/promise');

/**
 * What the figures on MySQL/MariaDB depend on beyond the data: the server's version and its InnoDB buffer
 * pool against the size of the database's tables (with the default 128 MB pool and O_DIRECT, what does
 * not fit is read from disk on every miss: benchmarks.md, MariaDB).
 */
export async function mysqlServerFacts(url) {
  const connection = await mysql.createConnection({ uri: url, charset: 'utf8mb4' });
  try {
    const [[facts]] = await connection.query(
      'SELECT @@version AS version, @@innodb_buffer_pool_size AS bufferPoolBytes, (SELECT SUM(data_length + index_length) FROM information_schema.tables WHERE table_schema = DATABASE()) AS tableBytes',
    );
    return { version: facts.version, bufferPoolMb: Math.round(Number(facts.bufferPoolBytes) / 1048576), tablesMb: Math.round(Number(facts.tableBytes ?? 0) / 1048576) };
  } finally {
    await connection.end();
  }
}

/** Copies the seeded set in `from` to the MySQL/MariaDB database at `url`, with `dir` as its platform directory. */
export async function seedPortalMysql({ from, url, dir, log = () => {} }) {
  const seed = JSON.parse(readFileSync(join(from, 'portal-seed.json'), 'utf8'));
  const marker = join(dir, 'portal-seed.json');
  if (existsSync(marker)) {
    const done = JSON.parse(readFileSync(marker, 'utf8'));
    if (done.copiedFrom === from && done.articles === seed.articles && done.database === withoutPassword(url)) {
      log(`reusing the MySQL/MariaDB copy in ${dir} (${done.articles} articles)`);
      return { ...done, reused: true };
    }
  }
  const timings = {};
  const lap = (name, since) => (timings[name] = Math.round(performance.now() - since));
  const t0 = performance.now();

  const database = new URL(url).pathname.slice(1);
  const server = await mysql.createConnection({ uri: url.replace(/\/[^/]*$/, '/'), charset: 'utf8mb4' });
  await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await server.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4`);
  await server.end();

  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'cong.config.json'), JSON.stringify({ database: url, http: { port: 0 }, plugins: [portalPlugin] }, null, 2));
  copyFileSync(join(from, 'units.json'), join(dir, 'units.json'));
  let t = performance.now();
  execFileSync(process.execPath, [cli, 'migrate'], { cwd: dir, stdio: 'ignore' });
  execFileSync(process.execPath, [cli, 'tenants', 'import', 'units.json'], { cwd: dir, stdio: 'ignore' });
  lap('migrateAndImportMs', t);

  const source = new Database(join(from, 'cong.db'), { readonly: true });
  const target = await mysql.createConnection({ uri: url, charset: 'utf8mb4' });
  try {
    const [imported] = await target.query('SELECT id, slug FROM core_tenants');
    const newId = new Map(imported.map((r) => [r.slug, r.id]));
    const unitOf = new Map(source.prepare('SELECT id, slug FROM core_tenants').all().map((r) => [r.id, newId.get(r.slug)]));
    t = performance.now();
    // The units' default categories came with the import; the seed's own have other slugs or the same
    // ones under other ids: the target's are replaced by the source's, so articles keep their categories.
    await target.query('DELETE FROM portal_categories');
    const categories = await copyTable(source, target, 'portal_categories', unitOf);
    const articles = await copyTable(source, target, 'portal_articles', unitOf);
    lap('copyMs', t);
    log(`${categories} categories and ${articles} articles copied to MySQL/MariaDB (${timings.copyMs} ms)`);
  } finally {
    source.close();
    await target.end();
  }

  t = performance.now();
  const check = await indexThroughPortal(dir, seed.units, log);
  lap('indexThroughApiMs', t);
  timings.totalMs = Math.round(performance.now() - t0);
  log(`search index filled through the portal in ${timings.indexThroughApiMs} ms`);
  const result = { ...seed, index: 'api', indexed: check.indexed, copiedFrom: from, database: withoutPassword(url), dbBytes: null, timings };
  writeFileSync(marker, JSON.stringify(result));
  return result;
}

const withoutPassword = (url) => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1@');

/** Copies `table` (the columns both sides have) with tenant ids mapped, 300 rows per statement. */
async function copyTable(source, target, table, unitOf) {
  const [described] = await target.query(`SHOW COLUMNS FROM \`${table}\``);
  const columns = described.map((c) => c.Field);
  let rows = [];
  let copied = 0;
  const flush = async () => {
    if (rows.length === 0) return;
    await target.query(`INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ?`, [rows]);
    copied += rows.length;
    rows = [];
  };
  for (const row of source.prepare(`SELECT * FROM ${table}`).iterate()) {
    const unit = unitOf.get(row.tenant_id);
    if (unit === undefined) throw new Error(`${table}: a row of an unknown unit ${row.tenant_id}`);
    rows.push(columns.map((c) => (c === 'tenant_id' ? unit : (row[c] ?? null))));
    if (rows.length === 300) await flush();
  }
  await flush();
  return copied;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [from, url, dir] = process.argv.slice(2);
  if (!from || !url?.startsWith('mysql://') || !dir) throw new Error('usage: portal-seed-mysql.js <seeded SQLite dir> <mysql://… URL> <new dir>');
  await seedPortalMysql({ from, url, dir, log: (line) => process.stdout.write(`${line}\n`) });
}
