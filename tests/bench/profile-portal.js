// Profiles one portal scenario: starts the platform on a seeded directory with --cpu-prof (server on
// core 0), runs the scenario's load, stops the server and prints where its CPU time went.
//
//   node tests/bench/profile-portal.js <seeded dir> <pageWarm|pageUncached|jsonList|search> [seconds=10] [connections]
//
// The directory is one `pnpm bench` kept (BENCH_PORTAL_DIR) or `node tests/bench/portal-seed.js` made.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from './portal-seed.js';
import { loadAverage, startServer } from './bench-support.js';
import { fetchAll, rotate, scenarioUrls } from './portal-bench.js';

const [dir, scenario, seconds = '10', c] = process.argv.slice(2);
const seed = JSON.parse(readFileSync(join(dir ?? '.', 'portal-seed.json'), 'utf8'));
const urls = scenarioUrls(seed);
const list = { pageWarm: urls.warm, pageUncached: urls.uncached, jsonList: urls.json, search: urls.search }[scenario];
if (!list) throw new Error('scenario: pageWarm, pageUncached, jsonList or search');
const profDir = join(dir, 'profiles');
mkdirSync(profDir, { recursive: true });
const before = new Set(readdirSync(profDir));
const platform = await startServer(['--cpu-prof', `--cpu-prof-dir=${profDir}`, cli, 'start'], { cwd: dir }, /running at (http:\/\/\S+)/);
if (scenario === 'pageWarm') await fetchAll(platform.url, list, 8);
const load = loadAverage();
const result = await rotate(platform.url, list, { connections: Number(c ?? (scenario === 'search' ? 20 : 50)), duration: Number(seconds), warmup: 0, countDuringMeasurement: scenario !== 'pageWarm' });
await platform.stop();
process.stdout.write(`${scenario}: ${result.requestsPerSec} req/s, p50/p95/p99 ${result.latencyP50Ms}/${result.latencyP95Ms}/${result.latencyP99Ms} ms, x-cache ${JSON.stringify(result.cache)}, load 1m ${load.one}\n`);
await new Promise((r) => setTimeout(r, 500));
const file = readdirSync(profDir).find((f) => !before.has(f) && f.endsWith('.cpuprofile'));
if (!file) throw new Error('the server wrote no profile (did it exit cleanly?)');
process.stdout.write(`profile: ${join(profDir, file)}\n${topFunctions(JSON.parse(readFileSync(join(profDir, file), 'utf8')))}\n`);

/** Self time by package and by function, and inclusive time by function, as shares of the samples. */
function topFunctions(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const selfTime = new Map();
  profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfTime.values()].reduce((a, b) => a + b, 0);
  const where = (f) => f.url.replace(/^file:\/\//, '').replace(/^.*node_modules\/\.pnpm\//, '').replace(/^\/work\/main\//, '');
  const name = (f) => `${f.functionName || '(anonymous)'} ${where(f)}:${f.lineNumber + 1}`;
  const pkg = (f) => (f.url === '' ? f.functionName || '(native)' : f.url.startsWith('node:') ? 'node internals' : (/\.pnpm\/([^/]+)/.exec(f.url)?.[1] ?? where(f).split('/').slice(0, 2).join('/')));
  const bySelf = new Map();
  const byPkg = new Map();
  const inclusive = new Map();
  for (const [id, t] of selfTime) {
    const f = nodes.get(id).callFrame;
    bySelf.set(name(f), (bySelf.get(name(f)) ?? 0) + t);
    byPkg.set(pkg(f), (byPkg.get(pkg(f)) ?? 0) + t);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const key = name(nodes.get(at).callFrame);
      if (!seen.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + t);
      seen.add(key);
    }
  }
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
  return `self time by package:\n${top(byPkg, 12)}\nself time by function:\n${top(bySelf, 25)}\ninclusive time:\n${top(inclusive, 45)}`;
}
