// What the bench scripts share: starting servers pinned to core 0, running autocannon, reading RSS.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export function hasTaskset() {
  try {
    execFileSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const taskset = hasTaskset();

/** `node <args>`, pinned to `cpus` (core 0 unless told) when taskset exists. */
export function serverCommand(args, cpus = '0') {
  return taskset ? ['taskset', '-c', cpus, process.execPath, ...args] : [process.execPath, ...args];
}

/** Sets the CPU affinity of every thread of a process. */
export function pinAll(pid, cpus) {
  execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
  return true;
}

/**
 * Starts `node <args>` (pinned to core 0 when possible, or to `options.cpus`) and waits for `ready` in
 * its output. Processes it forks (`cong start --workers`) inherit the pinning.
 */
export function startServer(nodeArgs, { cpus, ...options }, ready) {
  const [bin, ...args] = serverCommand(nodeArgs, cpus);
  const child = spawn(bin, args, { ...options, env: { ...process.env, CONG_LOG__LEVEL: 'warn', ...(options.env ?? {}) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (d) => (output += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    child.stdout.on('data', (d) => {
      output += d;
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        const url = match[1].startsWith('http') ? match[1] : `http://127.0.0.1:${match[1]}`;
        resolve({
          url,
          pid: child.pid,
          output: () => output,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', done);
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
}

export function run(options) {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** Peak RSS (VmHWM) of a process in MB; with taskset the child is taskset's exec'd node: same pid. */
export function serverRssMb(pid) {
  const peakKb = (id) => {
    try {
      const status = readFileSync(`/proc/${id}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? /VmRSS:\s+(\d+)/.exec(status)?.[1]);
    } catch {
      return null;
    }
  };
  const own = peakKb(pid);
  if (own === null) return null;
  // With `cong start --workers`, the workers serve: their peaks are added to the primary's.
  const children = readdirSync('/proc').filter((id) => /^\d+$/.test(id) && parentOf(id) === pid);
  return Math.round(children.reduce((kb, id) => kb + (peakKb(id) ?? 0), own) / 1024);
}

function parentOf(id) {
  try {
    // /proc/<id>/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${id}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** The 1-minute load average and the machine's cores, to print next to figures taken on a shared host. */
export function loadAverage() {
  const [one, five] = readFileSync('/proc/loadavg', 'utf8').split(' ').map(Number);
  return { one, five };
}

/**
 * What page requests send as `Accept-Encoding`: nothing by default, so runs compare with the earlier
 * ones; `BENCH_ACCEPT_ENCODING='gzip, deflate, br'` asks as a browser does (cached pages then leave
 * compressed, a quarter of the bytes). On loopback that run is bound by the load generator, not the
 * server (35–40 % idle): docs/reference/benchmarks.md.
 */
export const PAGE_HEADERS = process.env.BENCH_ACCEPT_ENCODING ? { 'accept-encoding': process.env.BENCH_ACCEPT_ENCODING } : {};
