/** How hard the checker may knock: a global bound, one request at a time per host, a pause between a host's requests. */
export interface Politeness {
  /** Links checked at once over all hosts. */
  readonly concurrency: number;
  /** Pause between two links of one host, in ms. */
  readonly perHostDelayMs: number;
}

/**
 * Runs `work` for every item with at most `concurrency` at once and at most one per host at a time,
 * waiting `perHostDelayMs` between two items of one host. Hosts are queues; each worker takes a whole
 * host queue, so a host is never worked on by two workers. Resolves when every item is done; `work`
 * must not throw (the checker turns failures into results).
 */
export async function runPolitely<T>(items: readonly T[], hostOf: (item: T) => string, politeness: Politeness, work: (item: T) => Promise<void>): Promise<void> {
  const queues = new Map<string, T[]>();
  for (const item of items) {
    const host = hostOf(item);
    queues.set(host, [...(queues.get(host) ?? []), item]);
  }
  const hosts = [...queues.values()];
  let next = 0;
  const worker = async () => {
    while (next < hosts.length) {
      const queue = hosts[next++]!;
      for (let i = 0; i < queue.length; i++) {
        if (i > 0 && politeness.perHostDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, politeness.perHostDelayMs));
        await work(queue[i]!);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(politeness.concurrency, hosts.length)) }, worker));
}
