// Seeds a platform directory with the portal bench's data and fills the search index.
//
//   node tests/bench/portal-seed.js <dir> [articlesPerUnit=200] [direct|api]
//
// Units go in through the platform's own CLI (`cong tenants import`); categories and published
// articles are inserted into SQLite directly, in large transactions with prepared statements (the
// editorial API would write revisions and run the workflow for each article: minutes, not seconds).
// The search index is then filled either
//   - `api`: by the portal itself, `POST /api/portal/search/reindex` per unit (what the portal's repair
//     job does: each published article through its indexer and the core's search service), or
//   - `direct`: rows written straight into `core_search_documents` and the full-text table
//     `core_search_fts` (its unit tokens), in the same form the portal and core produce; checked
//     afterwards by reindexing one unit through the API and comparing its rows field by field, and what
//     the bench's queries match before and after, so the shortcut can never drift from the real path.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { fold, normalizeText } from '@cong/sdk';
import { article, CATEGORIES, provinceUnits, SEARCH_QUERIES } from './portal-data.js';
import { startServer } from './bench-support.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const cli = join(root, 'core/dist/cli/main.js');
/** The portal package to load; `BENCH_PORTAL_PLUGIN` points at another build of it (a directory with its package.json and dist). */
export const portalPlugin = process.env.BENCH_PORTAL_PLUGIN ?? join(root, 'plugins/portal');
const BATCH = 20_000;
/** The unit whose index rows are checked against the portal's own indexer in `direct` mode. */
const CHECKED_UNIT = 1;

/** Seeds `dir`; reuses it when a previous seed with the same parameters finished there. */
export async function seedPortal({ dir, articlesPerUnit = 200, unitCount = 155, index = 'direct', log = () => {} }) {
  const marker = join(dir, 'portal-seed.json');
  if (existsSync(marker)) {
    const done = JSON.parse(readFileSync(marker, 'utf8'));
    if (done.articlesPerUnit === articlesPerUnit && done.unitCount === unitCount) {
      writeConfig(dir); // the portal build may differ from the seed's (BENCH_PORTAL_PLUGIN)
      log(`reusing the seeded database in ${dir} (${done.articles} articles)`);
      return { ...done, reused: true };
    }
    throw new Error(`${dir} holds another seed (${done.unitCount} units × ${done.articlesPerUnit}); use an empty directory`);
  }
  mkdirSync(dir, { recursive: true });
  const timings = {};
  const t0 = performance.now();
  const lap = (name, since) => (timings[name] = Math.round(performance.now() - since));

  writeConfig(dir);
  let t = performance.now();
  execFileSync(process.execPath, [cli, 'migrate'], { cwd: dir, stdio: 'ignore' });
  lap('migrateMs', t);

  t = performance.now();
  writeFileSync(join(dir, 'units.json'), JSON.stringify(provinceUnits(unitCount), null, 2));
  execFileSync(process.execPath, [cli, 'tenants', 'import', 'units.json'], { cwd: dir, stdio: 'ignore' });
  lap('tenantsImportMs', t);
  log(`${unitCount} units imported with cong tenants import (${timings.tenantsImportMs} ms)`);

  const db = new Database(join(dir, 'cong.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -262144'); // 256 MB while seeding: the indexes of a million rows stay in memory
  const bySlug = new Map(db.prepare('select id, slug, name_vi from core_tenants').all().map((r) => [r.slug, r]));
  const units = provinceUnits(unitCount).map((u) => ({ ...bySlug.get(u.slug), kind: u.kind }));
  if (units.some((u) => u.id === undefined)) throw new Error('cong tenants import did not create every unit');

  t = performance.now();
  const now = Date.now();
  const insertCategory = db.prepare('insert into portal_categories (id, tenant_id, slug, name_vi, name_en, parent_id, sort_order, created_at, updated_at) values (?, ?, ?, ?, ?, null, ?, ?, ?)');
  const insertArticle = db.prepare(
    `insert into portal_articles (id, tenant_id, category_id, slug, title, title_folded, summary, body, status, author_id, submitted_by, approver_id, remarks,
       publish_at, unpublish_at, published_at, revision_no, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, 'published', 'bench-seed', null, null, null, null, null, ?, 1, ?, ?)`,
  );
  const insertDocument = db.prepare(
    `insert into core_search_documents (owner, type, doc_id, tenant_id, title, body, url, published_at, title_fold, body_fold, updated_at, sort_key)
     values ('portal', 'article', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFullText = db.prepare('insert into core_search_fts (rowid, title, body) values (?, ?, ?)');
  const counts = units.map(() => new Array(CATEGORIES.length).fill(0));
  const expected = new Map();
  const sortKeys = new Set();
  let written = 0;
  let bytes = 0;
  const total = units.length * articlesPerUnit;
  const writeBatch = db.transaction((from, to) => {
    // Full-text rows go in by rowid (their sort key), ascending: FTS5 writes its pending postings out
    // whenever a rowid comes lower than the one before (one tiny segment per row in article order).
    const fullText = [];
    for (let n = from; n < to; n++) {
      const u = Math.floor(n / articlesPerUnit);
      const j = n % articlesPerUnit;
      const unit = units[u];
      if (j === 0) {
        unit.categoryIds = CATEGORIES.map(([slug, vi, en], i) => {
          const id = randomUUID();
          insertCategory.run(id, unit.id, slug, vi, en, i, now, now);
          return id;
        });
      }
      const a = article(u, j, unit.name_vi);
      const id = randomUUID();
      counts[u][a.category]++;
      bytes += a.bytes;
      insertArticle.run(id, unit.id, unit.categoryIds[a.category], a.slug, a.title, a.titleFolded, a.summary, a.body, a.publishedAt, a.publishedAt, a.publishedAt);
      if (index === 'direct') {
        const doc = indexRow(a);
        let key = sortKey(doc.published_at, 'portal', 'article', id);
        while (sortKeys.has(key)) key--;
        sortKeys.add(key);
        insertDocument.run(id, unit.id, doc.title, doc.body, doc.url, doc.published_at, doc.title_fold, doc.body_fold, now, key);
        const code = unitCode(unit.id);
        fullText.push([key, unitTokens(code, doc.title_fold), unitTokens(code, doc.body_fold)]);
        if (u === CHECKED_UNIT) expected.set(id, doc);
      }
      written++;
    }
    fullText.sort((a, b) => a[0] - b[0]);
    for (const row of fullText) insertFullText.run(...row);
  });
  for (let from = 0; from < total; from += BATCH) {
    writeBatch(from, Math.min(total, from + BATCH));
    if (total > 100_000 && (from / BATCH) % 10 === 9) log(`  ${written} of ${total} articles (${Math.round((performance.now() - t) / 1000)} s)`);
  }
  lap(index === 'direct' ? 'articlesAndIndexInsertMs' : 'articlesInsertMs', t);
  log(`${written} articles in ${units.length * CATEGORIES.length} categories inserted (${timings[index === 'direct' ? 'articlesAndIndexInsertMs' : 'articlesInsertMs']} ms, bodies average ${Math.round(bytes / written)} bytes)`);
  t = performance.now();
  db.exec('analyze');
  db.pragma('wal_checkpoint(TRUNCATE)');
  lap('analyzeMs', t);
  db.close();

  // The platform's own indexer: every unit (api), or one unit to check the direct rows against (direct).
  const matchedBefore = index === 'direct' ? matchedByQueries(dir, units[CHECKED_UNIT].id) : undefined;
  t = performance.now();
  const check = await indexThroughPortal(dir, index === 'api' ? units : [units[CHECKED_UNIT]], log);
  lap(index === 'api' ? 'indexThroughApiMs' : 'checkUnitReindexMs', t);
  let verified;
  if (index === 'direct') {
    verified = compareRows(dir, units[CHECKED_UNIT].id, expected);
    const matchedAfter = matchedByQueries(dir, units[CHECKED_UNIT].id);
    if (JSON.stringify(matchedAfter) !== JSON.stringify(matchedBefore)) throw new Error("the seed's full-text rows match other documents than the portal's for the checked unit");
    verified = { ...verified, queriesMatchingAlike: Object.keys(matchedAfter).length };
    log(`direct index rows checked against the portal's indexer for ${units[CHECKED_UNIT].slug}: ${verified.compared} rows identical`);
  }
  // What the core's nightly housekeeping does to a live index (DefaultSearchIndex.compact): the batches
  // above and the check's reindex left many b-trees, which every query term would look up one by one.
  t = performance.now();
  const compaction = compactFullText(dir);
  lap('searchCompactMs', t);
  log(`full-text index merged into one b-tree in ${compaction.steps} steps (${timings.searchCompactMs} ms)`);
  timings.totalMs = Math.round(performance.now() - t0);

  const result = {
    unitCount,
    articlesPerUnit,
    articles: written,
    averageBodyBytes: Math.round(bytes / written),
    index,
    indexed: check.indexed,
    verified,
    timings,
    units: units.map((u, i) => ({ id: u.id, slug: u.slug, kind: u.kind, categories: CATEGORIES.map(([slug], c) => ({ slug, count: counts[i][c] })) })),
    dbBytes: fileSize(join(dir, 'cong.db')),
  };
  writeFileSync(marker, JSON.stringify(result));
  return result;
}

/** The steps of `DefaultSearchIndex.compact` (core/src/search/default-search-index.ts), to the end. */
function compactFullText(dir) {
  const db = new Database(join(dir, 'cong.db'));
  try {
    const changes = db.prepare('select total_changes() as n');
    const merge = db.prepare("insert into core_search_fts(core_search_fts, rank) values ('merge', -1000)");
    let steps = 0;
    for (;;) {
      const before = changes.get().n;
      merge.run();
      if (changes.get().n - before < 2) break;
      steps++;
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { steps };
  } finally {
    db.close();
  }
}

function writeConfig(dir) {
  writeFileSync(join(dir, 'cong.config.json'), JSON.stringify({ database: 'sqlite:./cong.db', http: { port: 0 }, plugins: [portalPlugin] }, null, 2));
}

function fileSize(file) {
  try {
    return Number(execFileSync('stat', ['-c', '%s', file]).toString().trim());
  } catch {
    return null;
  }
}

/** Starts the platform on `dir`, signs in a super-admin made with the CLI, and reindexes the units. */
export async function indexThroughPortal(dir, units, log) {
  const created = execFileSync(process.execPath, [cli, 'users', 'create', `bench-${Date.now().toString(36)}`, '--super-admin'], { cwd: dir }).toString();
  const username = /^Created (\S+)/m.exec(created)?.[1];
  const password = /password: (\S+)/.exec(created)?.[1];
  if (!username || !password) throw new Error(`cong users create printed no password:\n${created}`);
  const platform = await startServer([cli, 'start'], { cwd: dir }, /running at (http:\/\/\S+)/);
  try {
    const login = await fetch(`${platform.url}/api/core/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    let indexed = 0;
    for (const [i, unit] of units.entries()) {
      const res = await fetch(`${platform.url}/api/portal/search/reindex`, { method: 'POST', headers: { cookie, origin: platform.url, 'x-cong-tenant': unit.slug } });
      if (res.status !== 200) throw new Error(`reindex of ${unit.slug} failed: ${res.status} ${await res.text()}`);
      indexed += (await res.json()).articles;
      if (units.length > 10 && i % 25 === 24) log(`  reindexed ${i + 1} of ${units.length} units`);
    }
    log(`portal reindex API: ${indexed} articles in ${units.length} unit(s)`);
    return { indexed };
  } finally {
    await platform.stop();
  }
}

/**
 * The index row of an article, as `articleDocuments` (portal) and `DefaultSearchIndex#index` (core)
 * make it. Portal: title = indexText(title), body = join(fromHtml(summary), fromHtml(body)); the
 * generated text holds no `&` or `<`, so indexText changes nothing and fromHtml of the `<h2>`/`<p>`
 * markup is its parts joined by spaces. Core: NFC plain text with collapsed whitespace, and the token
 * form. A part's tokens never span into the next (a space or " — " separates them), so the body's
 * token form is its parts' forms joined, each computed once: this is what makes a million rows quick.
 */
function indexRow(a) {
  const title = plain(a.title);
  const text = plain(`${a.summary} — ${a.parts.join(' ')}`);
  const bodyFold = [cachedForm(a.summary), ...a.parts.map(cachedForm)].filter((f) => f !== '').join(' ');
  return { title, body: text, url: `/tin/${encodeURIComponent(a.slug)}`, published_at: a.publishedAt, title_fold: indexForm(title), body_fold: bodyFold };
}

const forms = new Map();
function cachedForm(text) {
  let form = forms.get(text);
  if (form === undefined) {
    form = indexForm(text);
    if (forms.size < 100_000) forms.set(text, form);
  }
  return form;
}

const plain = (text) => normalizeText(text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ').replace(/\s+/g, ' ').trim());

/** core/src/search/search-query.ts toIndexForm: folded tokens, each cut to 80 characters, padded with `_` to 3. */
function indexForm(text) {
  const out = [];
  for (const token of fold(text).split(/[^\p{L}\p{N}]+/u)) {
    if (token === '') continue;
    const chars = Array.from(token);
    const cut = chars.length > 80 ? chars.slice(0, 80).join('') : token;
    const padded = `${cut}_`;
    const missing = 3 - Array.from(padded).length;
    out.push(missing > 0 ? padded + '_'.repeat(missing) : padded);
  }
  return out.join(' ');
}

/** core/src/search/unit-tokens.ts unitCode: `k` and 7 base-36 digits of the id's FNV-1a hash. */
function unitCode(tenantId) {
  return `k${fnv1a(tenantId).toString(36).padStart(7, '0').slice(-7)}`;
}

/** core/src/search/sort-key.ts preferredSortKey: the full-text row's id, the second of publication × 2^20 + 20 bits of the identity's hash. */
function sortKey(publishedAtMs, owner, type, docId) {
  return Math.floor(publishedAtMs / 1000) * 2 ** 20 + (fnv1a(`${owner}\u0000${type}\u0000${docId}`) & 0xfffff);
}

function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** core/src/search/unit-tokens.ts unitTokens: every token of the stored form, prefixed with the unit's code. */
function unitTokens(code, form) {
  return form
    .split(/[\s_]+/)
    .filter((t) => t !== '')
    .map((t) => code + t)
    .join(' ');
}

/** For each bench query, the full-text rows of the unit holding all its words: what the index answers. */
function matchedByQueries(dir, tenantId) {
  const db = new Database(join(dir, 'cong.db'), { readonly: true });
  try {
    const code = unitCode(tenantId);
    const statement = db.prepare('select rowid from core_search_fts where core_search_fts match ? order by rowid');
    return Object.fromEntries(SEARCH_QUERIES.map((q) => [q, statement.all(unitTokens(code, indexForm(q)).split(' ').map((t) => `"${t}"`).join(' AND ')).map((r) => r.rowid)]));
  } finally {
    db.close();
  }
}

/** After the portal reindexed the checked unit, its rows must be the ones the direct insert wrote. */
function compareRows(dir, tenantId, expected) {
  const db = new Database(join(dir, 'cong.db'), { readonly: true });
  try {
    const rows = db.prepare("select doc_id, title, body, url, published_at, title_fold, body_fold from core_search_documents where owner = 'portal' and tenant_id = ?").all(tenantId);
    if (rows.length !== expected.size) throw new Error(`the checked unit has ${rows.length} index rows, the seed wrote ${expected.size}`);
    for (const row of rows) {
      const want = expected.get(row.doc_id);
      if (!want) throw new Error(`index row ${row.doc_id} was not written by the seed`);
      for (const field of ['title', 'body', 'url', 'published_at', 'title_fold', 'body_fold']) {
        if (String(row[field]) !== String(want[field])) throw new Error(`direct index row ${row.doc_id} differs from the portal's in ${field}:\n  portal: ${String(row[field]).slice(0, 300)}\n  seed:   ${String(want[field]).slice(0, 300)}`);
      }
    }
    return { compared: rows.length };
  } finally {
    db.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, perUnit, index] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('usage: node tests/bench/portal-seed.js <dir> [articlesPerUnit=200] [direct|api]\n');
    process.exit(2);
  }
  const result = await seedPortal({ dir, articlesPerUnit: Number(perUnit ?? 200), index: index ?? 'direct', log: (m) => process.stdout.write(`${m}\n`) });
  const { units: _units, ...summary } = result;
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}
