// pnpm bench: measures the platform against a bare Koa server in the same run, on loopback only,
// with bounded durations. Prints a table and writes tests/bench/results/<timestamp>.json.
// Not a test: it asserts nothing. SECURITY.md §6.2 and §7 explain the scenarios and ratios; the portal's
// scenarios at province scale are in docs/reference/benchmarks.md.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { measureShell } from './shell-bench.js';
import { loadAverage, pinAll, run, serverCommand, serverRssMb, startServer, taskset } from './bench-support.js';
import { portalBench, printPortal } from './portal-bench.js';
import { gazetteBench, printGazette } from './gazette-bench.js';
import { printQa, qaBench } from './qa-bench.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'core/dist/cli/main.js');
const helloPlugin = join(root, 'examples/hello-plugin');
const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const warmup = Number(process.env.BENCH_WARMUP ?? 3);
const coldStarts = Number(process.env.BENCH_COLD_STARTS ?? 5);
// The portal at province scale (docs/reference/benchmarks.md): on unless BENCH_PORTAL=0; BENCH_SCALE=1
// adds the million-article run; BENCH_PORTAL_ONLY=1 skips the hello-plugin scenarios, sign-in storm,
// admin shell and cold starts.
const portal = process.env.BENCH_PORTAL !== '0';
const portalOnly = process.env.BENCH_PORTAL_ONLY === '1';
const scale = process.env.BENCH_SCALE === '1';
// The component sites' part (provisioning 155 sites, their home pages) runs with the portal's unless BENCH_SITES=0.
const sites = process.env.BENCH_SITES !== '0';

// Pin servers to core 0 and the load generator (this process) to core 1 when taskset exists, so the
// two do not fight for one core (the reference figures were measured that way).
if (taskset && !process.env.BENCH_PINNED) {
  const child = spawn('taskset', ['-c', '1', process.execPath, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, BENCH_PINNED: '1' } });
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  await main();
}

async function main() {
  const results = { date: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length, pinned: taskset, duration, connections, scenarios: [], coldStart: {} };

  results.loadAverageAtStart = loadAverage();
  results.scenarios.push(await measureBare());

  if (!portalOnly) await platformScenarios(results);

  if (portal) {
    const log = (m) => process.stdout.write(`[portal] ${m}\n`);
    results.portal = await portalBench({ scale, sites, duration, warmup, connections, measureBare, log });
  }

  // The gazette's search over 100,000 documents at 20 connections: opt-in (BENCH_GAZETTE=1), its seeding takes a minute.
  if (process.env.BENCH_GAZETTE === '1') results.gazette = await gazetteBench({ duration, warmup, log: (m) => process.stdout.write(`[gazette] ${m}\n`) });
  // The Q&A plugin's question submission and public list (tests/bench/qa-bench.js): opt-in (BENCH_QA=1).
  if (process.env.BENCH_QA === '1') results.qa = await qaBench({ duration, warmup, connections, measureBare, log: (m) => process.stdout.write(`[qa] ${m}\n`) });
  const baseline = results.scenarios[0].requestsPerSec;
  for (const s of results.scenarios) s.ratioToBareKoa = Math.round((s.requestsPerSec / baseline) * 10000) / 10000;
  printTable(results);
  if (results.portal) printPortal(results.portal, (t) => process.stdout.write(t));
  if (results.gazette) printGazette(results.gazette, (t) => process.stdout.write(t));
  if (results.qa) printQa(results.qa, (t) => process.stdout.write(t));
  const outDir = join(root, 'tests/bench/results');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `bench-${results.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2));
  process.stdout.write(`\nResults written to ${file}\n`);
}

/** The hello plugin's routes, the sign-in storm, the admin shell and cold starts (SECURITY.md §6.2, §7). */
async function platformScenarios(results) {
  const dir = mkdtempSync(join(tmpdir(), 'cong-bench-'));
  try {
    writeFileSync(join(dir, 'cong.config.json'), JSON.stringify({ database: 'sqlite:./cong.db', http: { port: 0 }, demo: true, plugins: [helloPlugin] }));
    execFileSync(process.execPath, [cli, 'migrate'], { cwd: dir, stdio: 'ignore' });
    const ids = seedGreetings(join(dir, 'cong.db'), 200);

    const platform = await startServer([cli, 'start'], { cwd: dir }, /running at (http:\/\/\S+)/);
    for (const [name, path] of [
      ['platform GET /healthz', '/healthz'],
      ['hello list: 20 of 200 rows + count, JSON', '/api/hello/greetings?limit=20'],
      ['hello item by id (validated uuid param)', `/api/hello/greetings/${ids[17]}`],
    ]) {
      results.scenarios.push({ name, ...(await load(`${platform.url}${path}`, platform.pid)) });
    }
    results.loginStorm = await loginStorm(platform, `${platform.url}/api/hello/greetings?limit=20`);
    results.adminShell = await measureShell(platform.url, 'admin', demoPassword(platform));
    await platform.stop();

    const samples = [];
    for (let i = 0; i < coldStarts; i++) samples.push(await coldStart(dir));
    samples.sort((a, b) => a - b);
    results.coldStart = { samplesMs: samples, medianMs: samples[Math.floor(samples.length / 2)] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * SECURITY.md §6.2: sign-ins (argon2id) at 20/s while a public GET runs at 500/s; the public p99
 * should grow at most 2× over the same GET rate without sign-ins.
 */
async function loginStorm(platform, publicUrl) {
  const password = demoPassword(platform);
  const publicLoad = { url: publicUrl, connections: 10, duration, overallRate: 500 };
  const login = {
    url: `${new URL(publicUrl).origin}/api/core/auth/login`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
    connections: 5,
    duration,
    overallRate: 20,
  };
  // argon2 hashes on libuv's thread pool: give the server both cores for this phase, as a production
  // server has, and measure the baseline the same way.
  const spread = taskset ? pinAll(platform.pid, '0,1') : undefined;
  let alone, withLogins, logins;
  try {
    await run({ ...publicLoad, duration: warmup });
    alone = await run(publicLoad);
    [withLogins, logins] = await Promise.all([run(publicLoad), run(login)]);
  } finally {
    if (spread) pinAll(platform.pid, '0');
  }
  const summary = (r) => ({ requestsPerSec: Math.round(r.requests.average), p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors });
  return { publicAlone: summary(alone), publicWithLogins: summary(withLogins), logins: summary(logins), p99Growth: Math.round((withLogins.latency.p99 / Math.max(1, alone.latency.p99)) * 100) / 100 };
}

/** The demo admin's password, from the banner `cong start` prints once. */
function demoPassword(platform) {
  const password = /admin account: admin \/ (\S+)/.exec(platform.output())?.[1];
  if (!password) throw new Error('the demo admin password was not printed');
  return password;
}

/** Bare Koa 3 answering a 27-byte JSON object: the baseline every ratio is taken against. */
async function measureBare() {
  const bare = await startServer([join(root, 'tests/bench/bare-koa.js')], {}, /listening (\d+)/);
  try {
    return { name: 'bare Koa 3, 27-byte JSON', loadAverage1m: loadAverage().one, ...(await load(`${bare.url}/`, bare.pid)) };
  } finally {
    await bare.stop();
  }
}

async function load(url, pid) {
  await run({ url, connections, duration: warmup });
  const result = await run({ url, connections, duration });
  const rssMb = serverRssMb(pid);
  return {
    url: new URL(url).pathname + new URL(url).search,
    requestsPerSec: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    rssMb,
  };
}

async function coldStart(dir) {
  const started = performance.now();
  const [bin, ...args] = serverCommand([cli, 'start', '--port', '0']);
  const child = spawn(bin, args, { cwd: dir, env: { ...process.env, CONG_LOG__LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'ignore'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  try {
    // The port is chosen by the OS: read it from the banner, then poll /healthz until it answers 200.
    for (;;) {
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) {
        const res = await fetch(`${match[1]}/healthz`).catch(() => undefined);
        if (res?.status === 200) return Math.round(performance.now() - started);
      }
      if (performance.now() - started > 30_000) throw new Error(`cold start did not finish:\n${output}`);
      await new Promise((r) => setTimeout(r, 2));
    }
  } finally {
    await new Promise((done) => {
      child.once('exit', done);
      child.kill('SIGTERM');
    });
  }
}

function seedGreetings(file, count) {
  const db = new Database(file);
  const insert = db.prepare('insert into hello_greetings (id, name, message, language, created_at, delivered_at) values (?, ?, ?, ?, ?, ?)');
  const ids = [];
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      ids.push(id);
      insert.run(id, `Người dân số ${i}`, 'Chúc mừng năm mới — Happy new year', i % 2 ? 'vi' : 'en', Date.now() - i * 1000, null);
    }
  })();
  db.close();
  return ids;
}

function printTable(results) {
  const rows = results.scenarios.map((s) => [
    s.name,
    String(s.requestsPerSec),
    `${(s.ratioToBareKoa * 100).toFixed(1)}%`,
    `${s.latencyP50Ms} / ${s.latencyP99Ms}`,
    s.rssMb === null ? '-' : String(s.rssMb),
    String(s.non2xx + s.errors),
  ]);
  const header = ['scenario', 'req/s', '÷ bare Koa', 'p50 / p99 ms', 'peak RSS MB', 'non-2xx+errors'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  process.stdout.write(`\nCổng bench — node ${results.node}, ${results.cpus} cores, -c ${results.connections} -d ${results.duration}s${results.pinned ? ', server on core 0, load on core 1' : ''}\n\n`);
  process.stdout.write([line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n');
  if (results.coldStart.medianMs !== undefined) process.stdout.write(`\nCold start (spawn → first 200 on /healthz, SQLite, hello plugin): median ${results.coldStart.medianMs} ms of ${results.coldStart.samplesMs.join(', ')}\n`);
  const storm = results.loginStorm;
  if (storm) {
    process.stdout.write(
      `\nSign-in storm (argon2id, 20/s) during a public GET at 500/s, server on both cores:\n` +
        `  public alone:        p50 ${storm.publicAlone.p50} ms, p99 ${storm.publicAlone.p99} ms, ${storm.publicAlone.requestsPerSec} req/s\n` +
        `  public with sign-ins: p50 ${storm.publicWithLogins.p50} ms, p99 ${storm.publicWithLogins.p99} ms (×${storm.p99Growth})\n` +
        `  sign-ins:            ${storm.logins.requestsPerSec}/s, p50 ${storm.logins.p50} ms, p97.5 ${storm.logins.p97_5} ms, p99 ${storm.logins.p99} ms, non-2xx ${storm.logins.non2xx}\n`,
    );
  }
  const shell = results.adminShell;
  if (shell) {
    process.stdout.write(
      `\nAdmin shell /admin/ after sign-in, headless Chromium, empty cache, median of ${shell.runs}:\n` +
        `  initial JS ${shell.initialJsGzipKb} KB gzipped (${shell.initialJsKb} KB raw, ${shell.initialJsFiles} files; budget ${shell.budgetGzipKb} KB)\n` +
        `  time to interactive ${shell.ttiMedianMs} ms (navigation start → cong-shell-ready)\n`,
    );
  }
}
