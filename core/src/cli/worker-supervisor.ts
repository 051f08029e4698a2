import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';

// `cong start --workers <n>`: one platform process per core on the one port. The primary process runs
// no platform; it prepares the database once (migrations, the demo province and its administrator),
// then forks the workers, restarts one that dies, and stops them all on SIGTERM/SIGINT. Workers share
// what must be shared through the database, exactly as several instances behind nginx do
// (docs/guides/operations.md, "Scaling out").

/** A worker tells the primary where it serves. */
const LISTENING = 'cong:listening';
/** The primary asks a worker to stop after its in-flight requests. */
const STOP = 'cong:stop';

/** More workers than this is a typing error, not a machine. */
const MAX_WORKERS = 64;
/** A worker that dies this often within {@link RESTART_WINDOW_MS} stops the whole server. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

/** `--workers`: a whole number from 1 to 64, or `auto` (one per core). Absent: 1. */
export function workerCount(value: string | undefined): number {
  if (value === undefined) return 1;
  if (value === 'auto') return Math.min(availableParallelism(), MAX_WORKERS);
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS) throw new Error(`--workers must be a whole number from 1 to ${MAX_WORKERS}, or auto (got "${value}")`);
  return n;
}

/** True in a process forked by {@link superviseWorkers}. */
export const isWorkerProcess = (): boolean => cluster.isWorker;

/**
 * In a worker that serves at `url`: tells the primary, and stops (then exits) when the primary asks
 * or is gone — a worker never outlives its primary.
 */
export function serveAsWorker(url: string, stop: () => Promise<void>): void {
  let stopping = false;
  const stopAndExit = () => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('message', (message: { type?: string } | undefined) => {
    if (message?.type === STOP) stopAndExit();
  });
  // A primary killed while this worker booted is gone already: the event has passed.
  if (!process.connected) return stopAndExit();
  process.once('disconnect', stopAndExit);
  process.send?.({ type: LISTENING, url });
}

/**
 * In the primary: forks `count` workers of this same command and resolves with the URL once every one
 * serves. Afterwards it keeps them running: a worker that dies after serving is replaced (unless that
 * happens more than five times a minute); one that dies before serving stops them all with exit code 1,
 * since its siblings would fail the same way. SIGTERM or SIGINT stops every worker after its in-flight
 * requests, then the primary exits 0; a second signal kills them.
 */
export function superviseWorkers(count: number, log: (line: string) => void): Promise<string> {
  const served = new Set<Worker>();
  const restarts: number[] = [];
  let stopping = false;
  let started = false;
  let exitCode = 0;
  let resolveUrl: (url: string) => void;
  let rejectUrl: (error: Error) => void;
  const url = new Promise<string>((resolve, reject) => {
    resolveUrl = resolve;
    rejectUrl = reject;
  });

  const fork = () => {
    const worker = cluster.fork();
    worker.on('message', (message: { type?: string; url?: string } | undefined) => {
      if (message?.type !== LISTENING || typeof message.url !== 'string') return;
      served.add(worker);
      if (served.size === count && !started) {
        started = true;
        resolveUrl(message.url);
      }
    });
  };
  const live = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
  const stopAll = (code: number) => {
    exitCode = Math.max(exitCode, code);
    if (stopping) return;
    stopping = true;
    // One still booting would not hear the message yet: it gets the signal a lone process would.
    for (const worker of live()) {
      if (served.has(worker)) worker.send({ type: STOP });
      else worker.process.kill('SIGTERM');
    }
    if (live().length === 0) process.exit(exitCode);
  };

  cluster.on('exit', (worker, code, signal) => {
    const wasServing = served.delete(worker);
    if (stopping) {
      if (live().length === 0) process.exit(exitCode);
      return;
    }
    const how = signal ?? `code ${code}`;
    if (!wasServing) {
      // Before the banner, the command's error line says it; afterwards (a replacement failed), this.
      if (started) log(`cong: a worker exited before serving (${how}); stopping`);
      else rejectUrl(new Error(`a worker exited before serving (${how}); its output above says why`));
      stopAll(1);
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts[0]! < now - RESTART_WINDOW_MS) restarts.shift();
    if (restarts.length > MAX_RESTARTS) {
      log(`cong: workers exited ${restarts.length} times within a minute (last: ${how}); stopping`);
      stopAll(1);
      return;
    }
    log(`cong: worker ${worker.process.pid} exited (${how}); starting another`);
    fork();
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (!stopping) return stopAll(0);
      log(`cong: ${signal} again: killing the workers`);
      for (const worker of live()) worker.process.kill('SIGKILL');
      process.exit(1);
    });
  }
  for (let i = 0; i < count; i++) fork();
  return url;
}
