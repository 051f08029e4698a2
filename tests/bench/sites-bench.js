// The component sites' part of `pnpm bench` (issue 6; docs/reference/benchmarks.md, "Component
// sites"): on a copy of the portal's small province (155 units, 31,000 articles), provision a site for
// every unit with the plugin's own CLI (`cong sites provision --from-tree`), timed, and a second time
// (it must change nothing); then the 155 home pages requested round-robin with a warm page cache,
// against bare Koa answering the same home page to the same requests.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAverage, PAGE_HEADERS, serverCommand, serverRssMb, startServer } from './bench-support.js';
import { fetchAll, recordPage, rotate } from './portal-bench.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'core/dist/cli/main.js');
const CONFIG = 'cong.sites.json';

/**
 * `seedDir` holds the small portal seed; the copy goes to `dir`, made afresh each run so the first
 * provisioning always starts from units without sites.
 */
export async function sitesScenarios({ seedDir, dir, duration, warmup, connections, log }) {
  const seed = JSON.parse(readFileSync(join(seedDir, 'portal-seed.json'), 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of ['cong.db', 'cong.db-wal', 'cong.db-shm']) if (existsSync(join(seedDir, file))) copyFileSync(join(seedDir, file), join(dir, file));
  writeFileSync(join(dir, CONFIG), JSON.stringify({ database: 'sqlite:./cong.db', http: { port: 0 }, plugins: [join(root, 'plugins/portal'), join(root, 'plugins/sites')] }));

  const provision = (...flags) => {
    const started = performance.now();
    const [bin, ...args] = serverCommand([cli, '--config', CONFIG, 'sites', 'provision', '--from-tree', '--include-root', '--live', ...flags]);
    let output;
    try {
      output = execFileSync(bin, args, { cwd: dir, env: { ...process.env, CONG_LOG__LEVEL: 'warn' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      throw new Error(`cong sites provision ${flags.join(' ')} failed (${error.status}):\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
    }
    const summary = /(\d+) to create, (\d+) to update, (\d+) unchanged, (\d+) refused/.exec(output);
    if (!summary) throw new Error(`cong sites provision printed no summary:\n${output}`);
    const [create, update, unchanged, refused] = summary.slice(1).map(Number);
    return { ms: Math.round(performance.now() - started), create, update, unchanged, refused };
  };
  log('provisioning: dry run, run, second run (cong sites provision --from-tree --include-root --live)');
  const provisioning = { dryRun: provision('--dry-run'), run: provision(), secondRun: provision(), loadAverage1m: loadAverage().one };

  const homes = seed.units.map((u) => ({ path: '/', headers: { host: `${u.slug}.localhost`, ...PAGE_HEADERS } }));
  const scenarios = [];
  const measure = async (server, name, key) => {
    log(`${name} (${homes.length} URLs, -c ${connections})`);
    const load = loadAverage();
    const result = await rotate(server.url, homes, { connections, duration, warmup, countDuringMeasurement: false });
    scenarios.push({ key, name, connections, urls: homes.length, loadAverage1m: load.one, ...result, rssMb: serverRssMb(server.pid) });
  };
  const platform = await startServer([cli, '--config', CONFIG, 'start'], { cwd: dir }, /running at (http:\/\/\S+)/);
  let prewarm;
  try {
    prewarm = await fetchAll(platform.url, homes, 8);
    await measure(platform, 'f. home pages of 155 sites, warm page cache', 'homeWarm');
    writeFileSync(join(dir, 'bare-home.json'), JSON.stringify(await recordPage(platform.url, homes[1])));
  } finally {
    await platform.stop();
  }
  const bare = await startServer([join(root, 'tests/bench/bare-koa.js')], { env: { BARE_KOA_PAGE: join(dir, 'bare-home.json') } }, /listening (\d+)/);
  try {
    await measure(bare, 'f0. bare Koa answering the same home page', 'bareSameHome');
  } finally {
    await bare.stop();
  }
  return { provisioning, prewarm, scenarios };
}
