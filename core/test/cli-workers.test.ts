import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '@cong/core/testing';
import { runCli, startCli, type CliProcess } from './cli-process.js';

// `cong start --workers 2`, as an operator runs it: two processes serve one port, write to one
// database side by side, a killed one is replaced, and SIGTERM stops them all after in-flight requests.

const slowPlugin = fileURLToPath(new URL('./fixtures/slow-plugin', import.meta.url));

/** A request on a connection of its own, so the primary hands it to the next worker. */
function call(url: string, path: string, method = 'GET', body?: object): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, agent: false, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

const pidsAnswering = async (url: string, requests: number) => new Set(await Promise.all(Array.from({ length: requests }, async () => (await call(url, '/api/slow/pid')).json.pid as number)));
const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

for (const dialect of testDialects()) {
  describe(`[${dialect}] cong start --workers`, () => {
    let dir: string;
    let db: TestDatabase;
    let cli: CliProcess | undefined;
    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'cong-workers-'));
      db = await createTestDatabase(dialect);
      writeFileSync(join(dir, 'cong.config.json'), JSON.stringify({ database: dialect === 'sqlite' ? 'sqlite:./cong.db' : db.url, http: { port: 0 }, plugins: [slowPlugin] }));
    });
    afterEach(async () => {
      if (cli && cli.child.exitCode === null) cli.child.kill('SIGKILL');
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('serves from two processes, both writing; replaces a killed one; SIGTERM waits for in-flight requests and exits 0', async () => {
      cli = startCli(dir, ['start', '--workers', '2']);
      const url = await cli.url;
      expect(cli.output()).toContain('workers: 2 processes');

      const workers = await pidsAnswering(url, 24);
      expect(workers.size, cli.output()).toBe(2);
      expect(workers.has(cli.child.pid!)).toBe(false);

      // Mail goes to the outbox in a transaction: 20 at once, spread over both processes.
      const sent = await Promise.all(Array.from({ length: 20 }, (_, i) => call(url, '/api/slow/notify', 'POST', { to: `van.thu${i}@quangtri.gov.vn` })));
      expect(sent.map((r) => r.status)).toEqual(Array(20).fill(202));
      const outbox = await runCli(dir, ['outbox', '--status', 'held', '--limit', '100']);
      expect(outbox.stdout).toContain('20 message(s) in all.');

      const [killed] = [...workers];
      process.kill(killed!, 'SIGKILL');
      let now = new Set<number>();
      for (let i = 0; i < 200 && ![...now].some((pid) => !workers.has(pid)); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        now = await pidsAnswering(url, 8).catch(() => new Set<number>());
      }
      expect(now.has(killed!)).toBe(false);
      expect([...now].filter((pid) => !workers.has(pid)), cli.output()).toHaveLength(1);
      expect(cli.output()).toContain(`worker ${killed} exited (SIGKILL); starting another`);

      const serving = [...(await pidsAnswering(url, 24))];
      const inFlight = call(url, '/api/slow/wait?ms=1500');
      await new Promise((resolve) => setTimeout(resolve, 300));
      cli.child.kill('SIGTERM');
      expect(await inFlight).toEqual({ status: 200, json: { waited: 1500 } });
      expect(await cli.exited, cli.output()).toBe(0);
      expect(serving.filter(isRunning)).toEqual([]);
    }, 120_000);

    it('workers stop when their primary is killed', async () => {
      cli = startCli(dir, ['start', '--workers', '2']);
      const workers = [...(await pidsAnswering(await cli.url, 24))];
      expect(workers).toHaveLength(2);
      cli.child.kill('SIGKILL');
      for (let i = 0; i < 300 && workers.some(isRunning); i++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(workers.filter(isRunning)).toEqual([]);
    }, 60_000);

    it('exits 1 when the port is taken, with one process or with workers', async () => {
      const taken = createServer();
      await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = taken.address() as AddressInfo;
        const alone = await runCli(dir, ['start', '--port', String(port)]);
        expect(alone.code, alone.stderr).toBe(1);
        expect(alone.stderr).toMatch(/^cong: CONG_ERR_LISTEN_FAILED: Cannot listen on 127\.0\.0\.1:\d+: EADDRINUSE$/m);
        const failed = await runCli(dir, ['start', '--workers', '2', '--port', String(port)]);
        expect(failed.code, failed.stderr).toBe(1);
        expect(failed.stderr).toContain('CONG_ERR_LISTEN_FAILED');
        expect(failed.stderr).toMatch(/^cong: a worker exited before serving \(code 1\); its output above says why$/m);
      } finally {
        taken.close();
      }
    }, 60_000);

    it('refuses a worker count that is not one', async () => {
      const bad = await runCli(dir, ['start', '--workers', 'two']);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toBe('cong: --workers must be a whole number from 1 to 64, or auto (got "two")\n');
    });
  });
}
