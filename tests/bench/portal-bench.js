// The portal scenarios of `pnpm bench` (docs/reference/benchmarks.md): a province of 155 units with
// published articles, its public pages with a warm page cache and without one, the JSON content API
// and search; with BENCH_SCALE=1 the same again over a million articles, as ratios to the small run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { CATEGORIES, SEARCH_QUERIES } from './portal-data.js';
import { cli, seedPortal } from './portal-seed.js';
import { mysqlServerFacts, seedPortalMysql } from './portal-seed-mysql.js';
import { loadAverage, PAGE_HEADERS, serverRssMb, startServer } from './bench-support.js';
import { sitesScenarios } from './sites-bench.js';

export const SMALL_PER_UNIT = 200;
/** 155 × 6,452 = 1,000,060 articles. */
export const SCALE_PER_UNIT = 6452;
const CATEGORY_PAGES = 3;
const PAGE_SIZE = 10; // plugins/portal/src/site/pages.ts PAGE_SIZE
const LIST_PAGES = 5;
/** `cong start --workers` for the second run of (b)–(d); BENCH_WORKERS=1 leaves that run out. */
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
/** The targets of the issue, checked in the table. */
export const TARGETS = { warmShareOfBare: 0.5, uncachedReqPerSec: 1500, uncachedP99Ms: 100, strapiReqPerSec: 27, strapiRatio: 20, searchP95Ms: 100, scaleLatencyRatio: 1.5, provisionMs: 60_000 };

/**
 * Seeds (or reuses) a province in `dir`, starts the platform on it and runs the four scenarios.
 * `options`: duration, warmup and connections of autocannon; search runs at `searchConnections`.
 */
export async function portalScenarios({ dir, articlesPerUnit, duration, warmup, connections, searchConnections, log }) {
  const seed = await seedPortal({ dir, articlesPerUnit, index: 'direct', log });
  const urls = scenarioUrls(seed);
  // A server that has been running holds its database in the OS cache; a bench that has just seeded or
  // measured another set may not (at a million articles the file is 18 GB: pages read once were gone
  // within minutes, and the scale search ran 35 % slower). Read it once, as `cat db > /dev/null` would.
  const readMs = await readThrough(join(dir, 'cong.db'));
  log(`database read into the OS cache (${Math.round(readMs / 1000)} s)`);
  const run = scenarioRunner({ dir, urls, duration, warmup, connections, searchConnections, log });
  let prewarm;
  const cached = await run.start();
  try {
    log(`pre-warming ${urls.warm.length} category pages`);
    prewarm = await fetchAll(cached.url, urls.warm, 8);
    await run.measure(cached, 'a. category page HTML, warm page cache', 'pageWarm', urls.warm, connections);
    writeFileSync(join(dir, 'bare-page.json'), JSON.stringify(await recordPage(cached.url, urls.warm[0])));
  } finally {
    await cached.stop();
  }
  // What (a) is compared with: Koa answering that page's bytes and headers, nothing else, asked the
  // same way (same URLs and Host headers): the load generator reads the same bytes in both runs.
  const bare = await startServer([new URL('./bare-koa.js', import.meta.url).pathname], { env: { BARE_KOA_PAGE: join(dir, 'bare-page.json') } }, /listening (\d+)/);
  try {
    await run.measure(bare, 'a0. bare Koa answering the same page', 'bareSamePage', urls.warm, connections);
  } finally {
    await bare.stop();
  }
  await run.measureUncached(await run.start({ PORTAL_PAGE_CACHE: 'off' }), '', '');
  // (b), (c) and (d) again as a province runs the portal on a machine of two cores: `cong start
  // --workers 2`, on both cores — one of which the load generator (this process) also uses.
  if (WORKERS > 1) {
    const spread = await startServer([cli, 'start', '--workers', String(WORKERS)], { cwd: dir, env: { PORTAL_PAGE_CACHE: 'off' }, cpus: '0,1' }, /running at (http:\/\/\S+)/);
    await run.measureUncached(spread, `, ${WORKERS} workers`, 'Workers');
  }
  return { seed: summary(seed), prewarm, scenarios: run.scenarios };
}

/**
 * The small set again on MySQL/MariaDB (BENCH_MYSQL_URL): copied from the SQLite set in `from` (or
 * reused), then (b), (c) and (d) with one process. The database server is not pinned: it shares the two
 * cores with the platform and the load generator, as on a one-machine installation.
 */
async function mysqlScenarios({ from, url, dir, duration, warmup, connections, searchConnections, log }) {
  const seed = await seedPortalMysql({ from, url, dir, log });
  const server = await mysqlServerFacts(url);
  log(`MySQL/MariaDB ${server.version}: InnoDB buffer pool ${server.bufferPoolMb} MB for ${server.tablesMb} MB of tables`);
  const run = scenarioRunner({ dir, urls: scenarioUrls(seed), duration, warmup, connections, searchConnections, log });
  await run.measureUncached(await run.start({ PORTAL_PAGE_CACHE: 'off' }), ' (MySQL/MariaDB)', '');
  return { seed: summary(seed), server, scenarios: run.scenarios };
}

/** Starts the platform on `dir` and measures scenarios against it, collecting them in `scenarios`. */
function scenarioRunner({ dir, urls, duration, warmup, connections, searchConnections, log }) {
  const scenarios = [];
  const start = (env = {}) => startServer([cli, 'start'], { cwd: dir, env }, /running at (http:\/\/\S+)/);
  const measure = async (platform, name, key, list, c) => {
    log(`${name} (${list.length} URLs, -c ${c})`);
    const load = loadAverage();
    // The fast two are counted during the warm-up only, alike, so the load generator does the same work for both.
    const result = await rotate(platform.url, list, { connections: c, duration, warmup, countDuringMeasurement: key !== 'pageWarm' && key !== 'bareSamePage' });
    scenarios.push({ key, name, connections: c, urls: list.length, loadAverage1m: load.one, ...result, rssMb: serverRssMb(platform.pid) });
  };
  // With the page cache switched off (PORTAL_PAGE_CACHE=off): (b) measures rendering itself, (c) and
  // (d) never go through the page cache. Stops the server afterwards.
  const measureUncached = async (server, label, keySuffix) => {
    try {
      await measure(server, `b. category page HTML, page cache off${label}`, `pageUncached${keySuffix}`, urls.uncached, connections);
      await measure(server, `c. JSON content API, 20 articles + total${label}`, `jsonList${keySuffix}`, urls.json, connections);
      await measure(server, `d. search API, Vietnamese queries ± diacritics${label}`, `search${keySuffix}`, urls.search, searchConnections);
    } finally {
      await server.stop();
    }
  };
  return { scenarios, start, measure, measureUncached };
}

/** Reads a file to the end and drops the bytes; how long it took. */
async function readThrough(file) {
  const started = performance.now();
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(8 * 1024 * 1024);
    while ((await handle.read(buffer, 0, buffer.length, null)).bytesRead > 0);
  } finally {
    await handle.close();
  }
  return performance.now() - started;
}

function summary(seed) {
  const { units, ...rest } = seed;
  return { ...rest, units: units.length };
}

/**
 * The request lists. Consecutive entries belong to different units, so each scenario spreads over
 * the whole province. Pages are reached by host (`<slug>.localhost`, as each unit's own domain would
 * be); the JSON API and search by the `/t/<slug>/` prefix.
 */
export function scenarioUrls(seed) {
  const units = seed.units;
  const interleave = (perUnit) => {
    const lists = units.map(perUnit);
    const out = [];
    for (let i = 0; i < Math.max(...lists.map((l) => l.length)); i++) for (const l of lists) if (i < l.length) out.push(l[i]);
    return out;
  };
  const pageOf = (unit, path) => ({ path, headers: { host: `${unit.slug}.localhost`, ...PAGE_HEADERS } });
  const warm = interleave((u) => CATEGORIES.map(([slug]) => pageOf(u, `/chuyen-muc/${slug}`)));
  // Pages 2–3 in Vietnamese and 1–3 in English of every category: 155 units × 8 × 5 ≈ 6,200 pages, none
  // of them warmed by (a), walked in a cycle. That is three times what the page cache holds (2,000
  // entries, least recently used out first), so every request misses: the cost of rendering.
  const uncached = interleave((u) =>
    ['', '/en'].flatMap((lang) =>
      u.categories.flatMap((c) => {
        const pages = Math.min(CATEGORY_PAGES, Math.max(1, Math.ceil(c.count / PAGE_SIZE)));
        return Array.from({ length: pages }, (_, p) => p).filter((p) => lang === '/en' || p > 0).map((p) => pageOf(u, `${lang}/chuyen-muc/${c.slug}${p > 0 ? `?trang=${p + 1}` : ''}`));
      }),
    ),
  );
  const json = interleave((u) => Array.from({ length: LIST_PAGES }, (_, p) => ({ path: `/t/${u.slug}/api/portal/public/articles?limit=20${p > 0 ? `&offset=${p * 20}` : ''}`, headers: {} })));
  // Each unit walks the queries from its own starting point, so consecutive requests ask different things.
  const search = interleave((u, n) => SEARCH_QUERIES.map((_, i) => ({ path: `/t/${u.slug}/api/portal/search?${new URLSearchParams({ q: SEARCH_QUERIES[(i + n) % SEARCH_QUERIES.length] })}`, headers: {} })));
  return { warm, uncached, json, search };
}

/** One answer of the platform as bare-koa.js replays it: status, headers and body. */
export async function recordPage(base, r) {
  return new Promise((resolve, reject) => {
    request(`${base}${r.path}`, { headers: r.headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        // Node and Koa write these themselves; the request id stays (a fixed one: the same bytes).
        const headers = { ...res.headers };
        for (const name of ['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']) delete headers[name];
        resolve({ status: res.statusCode, headers, body: Buffer.concat(chunks).toString('base64') });
      });
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

/** Requests every entry once, `concurrency` at a time; counts the x-cache answers. (node:http: fetch drops a Host header.) */
export async function fetchAll(base, list, concurrency) {
  const started = performance.now();
  const cache = {};
  const statuses = {};
  let i = 0;
  const get = (r) =>
    new Promise((resolve, reject) => {
      request(`${base}${r.path}`, { headers: r.headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res)).on('error', reject);
      })
        .on('error', reject)
        .end();
    });
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (i < list.length) {
        const res = await get(list[i++]);
        statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
        const x = res.headers['x-cache'] ?? 'none';
        cache[x] = (cache[x] ?? 0) + 1;
      }
    }),
  );
  return { requests: list.length, ms: Math.round(performance.now() - started), statuses, cache };
}

/**
 * Runs autocannon over `list`: every request takes the next entry of one shared cycle, whatever the
 * connection, so each URL is asked once per cycle. Latencies are collected per response, for p95
 * (autocannon's histogram reports p97.5 and p99 but no p95); `x-cache` answers are counted.
 */
export async function rotate(base, list, { connections, duration, warmup, countDuringMeasurement = true }) {
  let next = 0;
  const cache = {};
  const statuses = {};
  const request = {
    method: 'GET',
    setupRequest: (req) => {
      const r = list[next++ % list.length];
      return { ...req, path: r.path, headers: { ...r.headers } };
    },
    onResponse: (status, _body, _context, headers) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      const x = headers['x-cache'] ?? 'none';
      cache[x] = (cache[x] ?? 0) + 1;
    },
  };
  if (warmup > 0) await cannon({ url: base, connections, duration: warmup, requests: [request] });
  if (countDuringMeasurement) {
    for (const k of Object.keys(cache)) delete cache[k];
    for (const k of Object.keys(statuses)) delete statuses[k];
  }
  const latencies = [];
  // Reading every body to count x-cache costs the load generator (one core) about a third of its
  // requests at 10,000 req/s; a fast scenario is counted during the warm-up only, and says so.
  const measured = countDuringMeasurement ? request : { method: 'GET', setupRequest: request.setupRequest };
  const result = await cannon({ url: base, connections, duration, requests: [measured] }, (time) => latencies.push(time));
  latencies.sort((a, b) => a - b);
  const at = (p) => (latencies.length === 0 ? null : Math.round(latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] * 10) / 10);
  return {
    requestsPerSec: Math.round(result.requests.average),
    latencyP50Ms: at(0.5),
    latencyP95Ms: at(0.95),
    latencyP99Ms: at(0.99),
    averageKb: Math.round(result.throughput.average / Math.max(1, result.requests.average) / 102.4) / 10,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statuses,
    cache,
    cacheCountedDuring: countDuringMeasurement ? 'measurement' : 'warm-up',
  };
}

function cannon(options, onLatency) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    if (onLatency) instance.on('response', (_client, _status, _bytes, time) => onLatency(time));
  });
}

/** The portal part of `pnpm bench`: the small set, and with `scale` the million-article set too. */
export async function portalBench({ scale, sites = true, duration, warmup, connections, searchConnections = 20, measureBare, log }) {
  const keep = process.env.BENCH_PORTAL_DIR;
  const base = keep ?? mkdtempSync(join(tmpdir(), 'cong-portal-bench-'));
  try {
    const out = { searchConnections };
    // Bare Koa again, next to these scenarios: the seed can take minutes on a shared host.
    out.bareKoa = await measureBare();
    out.small = await portalScenarios({ dir: join(base, `units155-x${SMALL_PER_UNIT}`), articlesPerUnit: SMALL_PER_UNIT, duration, warmup, connections, searchConnections, log });
    if (sites) out.sites = await sitesScenarios({ seedDir: join(base, `units155-x${SMALL_PER_UNIT}`), dir: join(base, `sites155-x${SMALL_PER_UNIT}`), duration, warmup, connections, log });
    const mysqlUrl = process.env.BENCH_MYSQL_URL;
    if (mysqlUrl) out.mysql = await mysqlScenarios({ from: join(base, `units155-x${SMALL_PER_UNIT}`), url: mysqlUrl, dir: join(base, `units155-x${SMALL_PER_UNIT}-mysql`), duration, warmup, connections, searchConnections, log });
    if (scale) {
      out.scale = await portalScenarios({ dir: join(base, `units155-x${SCALE_PER_UNIT}`), articlesPerUnit: SCALE_PER_UNIT, duration, warmup, connections, searchConnections, log });
      out.bareKoaAfterScale = await measureBare();
    }
    out.checks = checks(out);
    return out;
  } finally {
    if (!keep) rmSync(base, { recursive: true, force: true });
  }
}

/** A check that a scenario's requests/s reach `target`. */
const reqAtLeast = (key, scenario, what, target) => ({ keys: [key], what, value: scenario.requestsPerSec, target: `≥ ${target}`, met: scenario.requestsPerSec >= target });
/** A check that a scenario's latency (`latencyP95Ms`, `latencyP99Ms`) stays within `target`; no answers at all is missed. */
const latencyAtMost = (key, scenario, field, what, target) => ({ keys: [key], what, value: scenario[field] ?? 'no answers', target: `≤ ${target}`, met: scenario[field] !== null && scenario[field] <= target });

/** Each target of the issue against the figures: value, target, met. */
function checks(out) {
  const bare = out.bareKoa.requestsPerSec;
  const s = Object.fromEntries(out.small.scenarios.map((x) => [x.key, x]));
  const list = [
    { keys: ['small:pageWarm'], what: 'a. warm category page ÷ bare Koa (27-byte JSON) req/s', value: round(s.pageWarm.requestsPerSec / bare, 3), target: `≥ ${TARGETS.warmShareOfBare}`, met: s.pageWarm.requestsPerSec / bare >= TARGETS.warmShareOfBare },
    { keys: ['small:pageWarm', 'small:bareSamePage'], what: 'a. warm category page ÷ bare Koa answering the same page req/s', value: round(s.pageWarm.requestsPerSec / s.bareSamePage.requestsPerSec, 3), target: `≥ ${TARGETS.warmShareOfBare}`, met: s.pageWarm.requestsPerSec / s.bareSamePage.requestsPerSec >= TARGETS.warmShareOfBare },
    reqAtLeast('small:pageUncached', s.pageUncached, 'b. uncached category page req/s', TARGETS.uncachedReqPerSec),
    latencyAtMost('small:pageUncached', s.pageUncached, 'latencyP99Ms', 'b. uncached category page p99 ms', TARGETS.uncachedP99Ms),
    { keys: ['small:jsonList'], what: `c. JSON list req/s ÷ Strapi 5 (${TARGETS.strapiReqPerSec} req/s)`, value: round(s.jsonList.requestsPerSec / TARGETS.strapiReqPerSec, 1), target: `≥ ${TARGETS.strapiRatio}`, met: s.jsonList.requestsPerSec / TARGETS.strapiReqPerSec >= TARGETS.strapiRatio },
    ...(s.pageUncachedWorkers
      ? [
          reqAtLeast('small:pageUncachedWorkers', s.pageUncachedWorkers, `b. uncached category page req/s, ${WORKERS} workers on 2 cores`, TARGETS.uncachedReqPerSec),
          latencyAtMost('small:pageUncachedWorkers', s.pageUncachedWorkers, 'latencyP99Ms', `b. uncached category page p99 ms, ${WORKERS} workers on 2 cores`, TARGETS.uncachedP99Ms),
        ]
      : []),
    latencyAtMost('small:search', s.search, 'latencyP95Ms', 'd. search p95 ms, small set', TARGETS.searchP95Ms),
  ];
  const onMysql = out.mysql?.scenarios.find((x) => x.key === 'search');
  if (onMysql) list.push(latencyAtMost('mysql:search', onMysql, 'latencyP95Ms', 'd. search p95 ms, small set on MySQL/MariaDB', TARGETS.searchP95Ms));
  // The issue sets (d) over a million articles: the scale run's search, when there is one.
  for (const [key, label] of [['search', ''], ['searchWorkers', `, ${WORKERS} workers on 2 cores`]]) {
    const big = out.scale?.scenarios.find((x) => x.key === key);
    if (big) list.push(latencyAtMost(`scale:${key}`, big, 'latencyP95Ms', `d. search p95 ms over the million articles${label}`, TARGETS.searchP95Ms));
  }
  if (out.scale) {
    for (const big of out.scale.scenarios.filter((x) => x.key !== 'bareSamePage')) {
      const small = s[big.key];
      for (const p of ['latencyP50Ms', 'latencyP95Ms', 'latencyP99Ms']) big[`${p}RatioToSmall`] = big[p] === null ? null : round(big[p] / Math.max(0.1, small[p]), 2);
      big.requestsPerSecRatioToSmall = round(big.requestsPerSec / Math.max(1, small.requestsPerSec), 2);
      // No answers at all (every request timed out) is no latency: missed, not a ratio of 0.
      const ratio = big.latencyP95Ms === null ? null : big.latencyP95MsRatioToSmall;
      list.push({ keys: [`small:${big.key}`, `scale:${big.key}`], what: `e. scale ${big.key}: p95 ÷ small p95`, value: ratio ?? 'no answers', target: `≤ ${TARGETS.scaleLatencyRatio}`, met: ratio !== null && ratio <= TARGETS.scaleLatencyRatio });
    }
  }
  if (out.sites) {
    const home = Object.fromEntries(out.sites.scenarios.map((x) => [x.key, x]));
    const p = out.sites.provisioning;
    list.push(
      { keys: ['sites:homeWarm'], what: 'f. home pages of 155 sites, warm ÷ bare Koa (27-byte JSON) req/s', value: round(home.homeWarm.requestsPerSec / bare, 3), target: `≥ ${TARGETS.warmShareOfBare}`, met: home.homeWarm.requestsPerSec / bare >= TARGETS.warmShareOfBare },
      { keys: ['sites:homeWarm', 'sites:bareSameHome'], what: 'f. home pages of 155 sites, warm ÷ bare Koa answering the same page req/s', value: round(home.homeWarm.requestsPerSec / home.bareSameHome.requestsPerSec, 3), target: `≥ ${TARGETS.warmShareOfBare}`, met: home.homeWarm.requestsPerSec / home.bareSameHome.requestsPerSec >= TARGETS.warmShareOfBare },
      { keys: [], what: `g. provisioning ${p.run.create + p.run.update + p.run.unchanged} sites (SQLite) ms`, value: p.run.ms, target: `< ${TARGETS.provisionMs}`, met: p.run.ms < TARGETS.provisionMs && p.run.refused === 0 && p.run.create + p.run.update > 0 },
      { keys: [], what: 'g. provisioning again changes nothing (sites created or updated)', value: p.secondRun.create + p.secondRun.update, target: '= 0', met: p.secondRun.create + p.secondRun.update === 0 && p.secondRun.refused === 0 },
      { keys: [], what: 'g. the dry run plans what the run did (create, update)', value: `${p.dryRun.create}, ${p.dryRun.update}`, target: `${p.run.create}, ${p.run.update}`, met: p.dryRun.create === p.run.create && p.dryRun.update === p.run.update },
    );
  }
  // A scenario that answered errors measured nothing: its targets are missed, whatever the figures.
  const failed = new Set(
    scenarioSets(out).flatMap(([set, run]) => (run?.scenarios ?? []).filter((x) => x.non2xx + x.errors > 0).map((x) => `${set}:${x.key}`)),
  );
  for (const c of list) {
    if (c.keys.some((k) => failed.has(k))) Object.assign(c, { met: false, value: `${c.value} (with errors)` });
    delete c.keys;
  }
  return list;
}

const round = (n, d) => Math.round(n * 10 ** d) / 10 ** d;

/** The measured sets by their label in the table (those not run are undefined). */
const scenarioSets = (out) => [['small', out.small], ['scale', out.scale], ['sites', out.sites], ['mysql', out.mysql]];

export function printPortal(out, write) {
  const bare = out.bareKoa.requestsPerSec;
  const rows = [];
  for (const [label, set] of scenarioSets(out)) {
    if (!set) continue;
    for (const s of set.scenarios) {
      rows.push([
        `${label}: ${s.name}`,
        String(s.requestsPerSec),
        `${((s.requestsPerSec / bare) * 100).toFixed(1)}%`,
        `${s.latencyP50Ms} / ${s.latencyP95Ms} / ${s.latencyP99Ms}`,
        Object.entries(s.cache).map(([k, v]) => `${k} ${v}`).join(', ') + (s.cacheCountedDuring === 'warm-up' ? ' (warm-up)' : ''),
        String(s.rssMb ?? '-'),
        String(s.non2xx + s.errors),
        String(s.loadAverage1m),
      ]);
    }
  }
  const header = ['portal scenario', 'req/s', '÷ bare Koa', 'p50 / p95 / p99 ms', 'x-cache', 'peak RSS MB', 'non-2xx+errors', 'load 1m'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  write(`\nPortal at province scale — bare Koa ${bare} req/s (load 1m ${out.bareKoa.loadAverage1m}); search at -c ${out.searchConnections}\n`);
  for (const [label, set] of [['small', out.small], ['scale', out.scale]]) {
    if (!set) continue;
    const t = set.seed.timings;
    write(`  ${label}: ${set.seed.unitCount} units × ${set.seed.articlesPerUnit} = ${set.seed.articles} articles, ${Math.round((set.seed.dbBytes ?? 0) / 1048576)} MB database; ` +
      (set.seed.reused ? 'seed reused\n' : `seeded in ${(t.totalMs / 1000).toFixed(1)} s (tenants ${t.tenantsImportMs} ms, articles + index ${t.articlesAndIndexInsertMs} ms, check ${t.checkUnitReindexMs} ms)\n`));
  }
  if (out.mysql) {
    const m = out.mysql.seed;
    const { version, bufferPoolMb, tablesMb } = out.mysql.server;
    write(`  mysql: the small set on ${m.database}; ${m.reused ? 'copy reused' : `copied and indexed through the portal in ${(m.timings.totalMs / 1000).toFixed(1)} s`}; ${version}, InnoDB buffer pool ${bufferPoolMb} MB for ${tablesMb} MB of tables\n`);
  }
  write(`\n${[line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`);
  if (out.scale) {
    write('\nScale ÷ small (p50, p95, p99 latency; req/s):\n');
    for (const s of out.scale.scenarios.filter((x) => x.key !== 'bareSamePage')) write(`  ${s.key.padEnd(13)} ×${s.latencyP50MsRatioToSmall} ×${s.latencyP95MsRatioToSmall} ×${s.latencyP99MsRatioToSmall}; req/s ×${s.requestsPerSecRatioToSmall}\n`);
  }
  if (out.sites) {
    const p = out.sites.provisioning;
    const line = (label, r) => `  ${label.padEnd(10)} ${(r.ms / 1000).toFixed(1)} s: ${r.create} to create, ${r.update} to update, ${r.unchanged} unchanged, ${r.refused} refused\n`;
    write(`\nProvisioning the sites of 155 units (cong sites provision --from-tree --include-root --live; load 1m ${p.loadAverage1m}):\n${line('dry run', p.dryRun)}${line('run', p.run)}${line('again', p.secondRun)}`);
  }
  write('\nTargets:\n');
  for (const c of out.checks) write(`  ${c.met ? 'met   ' : 'MISSED'}  ${c.what}: ${c.value} (target ${c.target})\n`);
}
