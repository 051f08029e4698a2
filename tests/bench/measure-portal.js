// Runs some portal scenarios against a seeded directory, optionally with another build of the portal:
// to measure a fix (an index, a query, a cache change) against the same data as `pnpm bench`.
//
//   node tests/bench/measure-portal.js <seeded dir> [--plugin <portal package dir>] [--workers n] [pageWarm] [pageUncached] [jsonList] [search]
//
// The directory is one `pnpm bench` kept (BENCH_PORTAL_DIR=<dir>: <dir>/units155-x200) or
// `node tests/bench/portal-seed.js` made. Run it pinned like the bench: `taskset -c 1 node …`
// (the server goes to core 0; with `--workers n`, `cong start --workers n` on cores 0 and 1). Prints one
// line per scenario; -d 10 after a 3 s warm-up.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, portalPlugin } from './portal-seed.js';
import { loadAverage, startServer } from './bench-support.js';
import { fetchAll, rotate, scenarioUrls } from './portal-bench.js';

const args = process.argv.slice(2);
const dir = args.shift();
const at = args.indexOf('--plugin');
const plugin = at === -1 ? portalPlugin : args.splice(at, 2)[1];
const workersAt = args.indexOf('--workers');
const workers = workersAt === -1 ? undefined : args.splice(workersAt, 2)[1];
const names = args.length > 0 ? args : ['pageWarm', 'pageUncached', 'jsonList', 'search'];
const urls = scenarioUrls(JSON.parse(readFileSync(join(dir, 'portal-seed.json'), 'utf8')));
const lists = { pageWarm: urls.warm, pageUncached: urls.uncached, jsonList: urls.json, search: urls.search };
// A config of its own, so the seed's cong.config.json (and the plugin it names) stays as it is; the
// seed's database (SQLite, or MySQL/MariaDB from portal-seed-mysql.js).
const { database } = JSON.parse(readFileSync(join(dir, 'cong.config.json'), 'utf8'));
writeFileSync(join(dir, 'cong.measure.json'), JSON.stringify({ database, http: { port: 0 }, plugins: [plugin] }));
const platform = await startServer(
  [cli, 'start', '-c', 'cong.measure.json', ...(workers ? ['--workers', workers] : [])],
  { cwd: dir, ...(workers ? { cpus: '0,1' } : {}) },
  /running at (http:\/\/\S+)/,
);
try {
  for (const name of names) {
    const list = lists[name];
    if (!list) throw new Error(`unknown scenario ${name}: pageWarm, pageUncached, jsonList or search`);
    if (name === 'pageWarm') await fetchAll(platform.url, list, 8);
    const load = loadAverage().one;
    const r = await rotate(platform.url, list, { connections: name === 'search' ? 20 : 50, duration: Number(process.env.BENCH_DURATION ?? 10), warmup: Number(process.env.BENCH_WARMUP ?? 3), countDuringMeasurement: name !== 'pageWarm' });
    process.stdout.write(
      `${name.padEnd(13)} ${String(r.requestsPerSec).padStart(6)} req/s  p50/p95/p99 ${r.latencyP50Ms}/${r.latencyP95Ms}/${r.latencyP99Ms} ms  ` +
        `errors ${r.errors} non-2xx ${r.non2xx} x-cache ${JSON.stringify(r.cache)} load 1m ${load}\n`,
    );
  }
} finally {
  await platform.stop();
}
