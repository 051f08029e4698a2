import { readdirSync, readFileSync } from 'node:fs';

// Chromium is a tree of processes (zygotes, renderers, GPU and network services). When the browser
// process dies, its children are re-parented and can no longer be found by walking down from its pid,
// so the printer records the tree while the browser lives and checks each recorded pid afterwards.
// A pid is identified together with its start time, so a recycled pid is never mistaken for ours.

/** A process as /proc shows it. */
export interface ProcessIdentity {
  readonly pid: number;
  /** Start time in clock ticks after boot (field 22 of /proc/<pid>/stat). */
  readonly startTime: string;
}

interface ProcStat extends ProcessIdentity {
  readonly ppid: number;
  readonly state: string;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, state: fields[0]!, ppid: Number(fields[1]), startTime: fields[19]! };
  } catch {
    return undefined;
  }
}

/** Every process below `pid` (children, grandchildren…), not `pid` itself. Empty where /proc is absent. */
export function descendantProcesses(pid: number): ProcessIdentity[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const all = entries.filter((name) => /^\d+$/.test(name)).flatMap((name) => readStat(Number(name)) ?? []);
  const found = new Map<number, ProcStat>();
  const parents = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const process of all) {
      if (parents.has(process.ppid) && !found.has(process.pid)) {
        found.set(process.pid, process);
        parents.add(process.pid);
        grew = true;
      }
    }
  }
  return [...found.values()].map(({ pid: child, startTime }) => ({ pid: child, startTime }));
}

/** The identity of a live process, or `undefined` when there is none with that pid. */
export function processIdentity(pid: number): ProcessIdentity | undefined {
  const stat = readStat(pid);
  return stat ? { pid, startTime: stat.startTime } : undefined;
}

/**
 * True while the recorded process still runs. A zombie (exited, waiting to be reaped by its new
 * parent) no longer runs; a pid now held by another process (other start time) is not ours.
 */
export function isStillRunning(process: ProcessIdentity): boolean {
  const stat = readStat(process.pid);
  return stat !== undefined && stat.startTime === process.startTime && stat.state !== 'Z' && stat.state !== 'X';
}

/** Sends SIGKILL to the recorded processes that still run; errors (already gone) are ignored. */
export function killProcesses(processes: Iterable<ProcessIdentity>): void {
  for (const process of processes) {
    if (!isStillRunning(process)) continue;
    try {
      globalThis.process.kill(process.pid, 'SIGKILL');
    } catch {
      // Exited between the check and the signal.
    }
  }
}

/** Waits until none of the processes runs, polling every 25 ms; resolves `false` on timeout. */
export async function waitUntilGone(processes: readonly ProcessIdentity[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!processes.some(isStillRunning)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
