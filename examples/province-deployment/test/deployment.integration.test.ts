import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '@cong/core/testing';
import { testPki } from '../../../plugins/gazette/test/fixtures/test-certificate.js';
import { SmtpSink } from '../../../tests/support/smtp-sink.js';

// The deployment recipe, run as the README and the systemd units run it: the example's own
// cong.config.json (four plugins, signing with a P12, mail, trusted proxy), secrets from the
// environment, `cong migrate`, `cong users create`, `cong tenants import units.csv`, `cong sites
// provision`, `cong start`,
// then requests as nginx forwards them for the units' hosts, and a SIGTERM that must end with exit 0.
// Only what cannot exist on a test machine changes: the certificate file (a test PKI's), the SMTP
// server (in-process) and the data directory.
const EXAMPLE = fileURLToPath(new URL('..', import.meta.url));
const CLI = fileURLToPath(new URL('../../../core/dist/cli/main.js', import.meta.url));
const run = promisify(execFile);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

for (const dialect of testDialects()) {
  describe(`[${dialect}] examples/province-deployment, deployed`, () => {
    let db: TestDatabase;
    let sink: SmtpSink;
    let dir: string;
    let configFile: string;
    let env: NodeJS.ProcessEnv;
    let port: number;
    let server: ChildProcess | undefined;
    let serverLog = '';

    const cong = (...args: string[]) => run(process.execPath, [CLI, '--config', configFile, ...args], { env, cwd: EXAMPLE });
    /** A request as nginx forwards it (fetch cannot set Host, so node:http). */
    const get = (host: string, path: string) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path, headers: { host, 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' } }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on('error', reject);
        req.end();
      });

    beforeAll(async () => {
      db = await createTestDatabase(dialect);
      sink = new SmtpSink();
      await sink.listen();
      dir = mkdtempSync(join(tmpdir(), 'cong-deployment-'));
      const pki = testPki();
      writeFileSync(join(dir, 'congbao.p12'), pki.organisation.p12, { mode: 0o600 });
      const config = JSON.parse(readFileSync(join(EXAMPLE, 'cong.config.json'), 'utf8'));
      config.pluginConfig.gazette.signing.p12.file = join(dir, 'congbao.p12');
      config.mail.smtp = { host: '127.0.0.1', port: sink.port, requireTLS: false, user: config.mail.smtp.user };
      // Beside the real file, so plugin packages resolve from the example's node_modules as they do in /opt/cong.
      configFile = join(EXAMPLE, `.test-${dialect}-${process.pid}.cong.config.json`);
      writeFileSync(configFile, JSON.stringify(config));
      port = await freePort();
      env = {
        PATH: process.env.PATH,
        HOME: dir,
        CONG_DATABASE: db.url,
        CONG_DATA_DIR: join(dir, 'data'),
        CONG_HTTP__PORT: String(port),
        CONG_MAIL__SMTP__PASSWORD: 'smtp-secret',
        GAZETTE_P12_PASSPHRASE: pki.organisation.passphrase,
        CONG_LOG__LEVEL: 'warn',
      };
    });

    afterAll(async () => {
      if (server && server.exitCode === null) server.kill('SIGKILL');
      rmSync(configFile, { force: true });
      rmSync(dir, { recursive: true, force: true });
      await sink?.close();
      await db?.drop();
    });

    it('migrates the core and the four plugins (cong-migrate.service)', async () => {
      const { stdout } = await cong('migrate');
      expect(stdout).toMatch(/portal/);
      expect((await cong('migrate', '--dry-run')).stdout).not.toMatch(/2026_/);
    }, 180_000);

    it('creates the first administrator, its password printed once', async () => {
      const { stdout } = await cong('users', 'create', 'quantri', '--super-admin', '--email', 'quantri@quangtri.gov.vn');
      expect(stdout).toMatch(/Mật khẩu \/ password: \S{12,}/);
    }, 180_000);

    it('imports the units of units.csv with their hosts, and a second run changes nothing', async () => {
      await cong('tenants', 'import', join(EXAMPLE, 'units.csv'));
      const again = await cong('tenants', 'import', join(EXAMPLE, 'units.csv'), '--dry-run');
      expect(again.stdout).not.toMatch(/\b(create|update)d?\b.*so-tai-chinh/i);
      const { stdout } = await cong('tenants', 'list');
      for (const slug of ['quang-tri', 'so-tai-chinh', 'xa-cua-tung', 'dac-khu-con-co']) expect(stdout).toContain(slug);
    }, 180_000);

    it('provisions a live component site for every unit, the province included', async () => {
      const { stdout } = await cong('sites', 'provision', '--from-tree', '--include-root', '--live');
      expect(stdout).toMatch(/^so-tai-chinh: create$/m);
      expect(stdout).toMatch(/Provisioned: 7 to create, 0 to update, 0 unchanged, 0 refused/);
      const again = await cong('sites', 'provision', '--from-tree', '--include-root', '--live', '--dry-run');
      expect(again.stdout).toMatch(/0 to create, 0 to update, 7 unchanged, 0 refused/);
    }, 180_000);

    it('starts (cong@.service) with every plugin started and ready', async () => {
      server = spawn(process.execPath, [CLI, '--config', configFile, 'start'], { env, cwd: EXAMPLE, stdio: ['ignore', 'pipe', 'pipe'] });
      server.stdout!.on('data', (chunk) => (serverLog += chunk));
      server.stderr!.on('data', (chunk) => (serverLog += chunk));
      let ready: Response | undefined;
      for (let i = 0; i < 600 && server.exitCode === null; i++) {
        ready = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
        if (ready?.status === 200) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(ready?.status, serverLog).toBe(200);
      const report = await ready!.json();
      const states = Object.fromEntries(report.plugins.map((p: { id: string; state: string }) => [p.id, p.state]));
      expect(states).toMatchObject({ portal: 'started', sites: 'started', gazette: 'started', qa: 'started' });
      expect(report.status).toBe('ready');
    }, 180_000);

    it('answers each unit on its own host as nginx forwards it, and the province\'s gazette', async () => {
      const finance = await get('sotaichinh.quangtri.gov.vn', '/');
      expect(finance.status, serverLog).toBe(200);
      expect(finance.text).toContain('Sở Tài chính');
      const province = await get('quangtri.gov.vn', '/cong-bao');
      expect(province.status).toBe(200);
      expect(province.text).toContain('Công báo');
      // The alias host answers too (the same unit), and an unknown host is no unit's.
      expect((await get('www.quangtri.gov.vn', '/')).status).toBeLessThan(400);
      expect((await get('unknown.example.org', '/')).status).toBe(404);
    });

    it('stops on SIGTERM (systemctl stop) with exit code 0', async () => {
      expect(server?.exitCode, serverLog).toBeNull();
      const exited = new Promise<number | null>((resolve) => server!.once('exit', (code) => resolve(code)));
      server!.kill('SIGTERM');
      expect(await exited, serverLog).toBe(0);
    });
  });
}
