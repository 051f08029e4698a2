import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlatform } from '@cong/core/testing';
import { runCli, startCli } from './cli-process.js';

const slowPlugin = fileURLToPath(new URL('./fixtures/slow-plugin', import.meta.url));
const helloPlugin = fileURLToPath(new URL('../../examples/hello-plugin', import.meta.url));

describe('cong CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cong-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const writeConfig = (config: object) => writeFileSync(join(dir, 'cong.config.json'), JSON.stringify(config));

  it('SIGTERM lets an in-flight request finish, then exits 0', async () => {
    writeConfig({ database: 'sqlite:./cong.db', http: { port: 0 }, plugins: [slowPlugin] });
    const cli = startCli(dir);
    const url = await cli.url;
    const inFlight = fetch(`${url}/api/slow/wait?ms=1500`);
    await new Promise((r) => setTimeout(r, 300));
    cli.child.kill('SIGTERM');
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ waited: 1500 });
    expect(await cli.exited).toBe(0);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it('migrate --dry-run lists pending migrations, migrate runs them, db status shows them, rollback undoes one', async () => {
    writeConfig({ database: 'sqlite:./cong.db', plugins: [helloPlugin] });
    const dry = await runCli(dir, ['migrate', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/core\s+2026_11_28_0001_create_jobs\s+pending/);
    expect(dry.stdout).toMatch(/hello\s+2026_11_28_1200_create_greetings\s+pending/);

    const run = await runCli(dir, ['migrate']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/hello\s+2026_11_28_1200_create_greetings\s+applied/);

    const status = await runCli(dir, ['db', 'status']);
    expect(status.stdout).toMatch(/hello\s+2026_11_28_1200_create_greetings\s+\d{4}-\d\d-\d\dT/);

    const back = await runCli(dir, ['rollback', '--plugin', 'hello']);
    expect(back.code).toBe(0);
    expect(back.stdout).toContain('Rolled back hello: 2026_11_28_2100_add_greeting_tenant');
    const after = (await runCli(dir, ['db', 'status'])).stdout;
    expect(after).toMatch(/hello\s+2026_11_28_2100_add_greeting_tenant\s+pending/);
    expect(after).toMatch(/hello\s+2026_11_28_1200_create_greetings\s+\d{4}-\d\d-\d\dT/);
  });

  it('outbox lists messages held without SMTP and shows one whole', async () => {
    writeConfig({ database: 'sqlite:./cong.db', http: { port: 0 }, log: { level: 'silent' }, plugins: [slowPlugin] });
    const platform = createPlatform({ cwd: dir });
    await platform.start();
    const url = await platform.listen();
    const sent = await fetch(`${url}/api/slow/notify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ to: 'van.thu@quangtri.gov.vn' }) });
    expect(sent.status).toBe(202);
    const { id } = (await sent.json()) as { id: string };
    await platform.stop();

    const list = await runCli(dir, ['outbox', '--status', 'held']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`${id}\\s+\\S+\\s+held\\s+van.thu@quangtri.gov.vn\\s+Thông báo lịch họp`));
    expect(list.stdout).toContain('1 message(s) in all.');
    const one = await runCli(dir, ['outbox', '--show', id]);
    expect(one.stdout).toContain('Họp giao ban lúc 8 giờ.');
    const bad = await runCli(dir, ['outbox', '--status', 'lost']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('cong: --status must be held, queued, sent or failed, not "lost"\n');
  });

  it('tenants import: dry run, import, list with folded search; a bad file exits 1 writing nothing', async () => {
    writeConfig({ database: 'sqlite:./cong.db', plugins: [] });
    writeFileSync(join(dir, 'units.json'), JSON.stringify([
      { slug: 'quang-tri', nameVi: 'Tỉnh Quảng Trị', kind: 'province', primaryHost: 'quangtri.gov.vn' },
      { slug: 'so-tai-chinh', nameVi: 'Sở Tài chính', kind: 'department', parent: 'quang-tri' },
    ]));
    const dry = await runCli(dir, ['tenants', 'import', 'units.json', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Dry run: 2 to create, 0 to update, 0 unchanged, 0 refused. Nothing was written.');
    expect((await runCli(dir, ['tenants', 'import', 'units.json'])).stdout).toContain('Imported: 2 to create');
    const list = await runCli(dir, ['tenants', 'list', '--text', 'tai chinh']);
    expect(list.stdout).toMatch(/so-tai-chinh\s+department\s+active\s+Sở Tài chính/);
    expect(list.stdout).toContain('1 unit(s).');
    writeFileSync(join(dir, 'bad.json'), JSON.stringify([{ slug: 'x', nameVi: 'X', kind: 'galaxy' }]));
    const bad = await runCli(dir, ['tenants', 'import', 'bad.json']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('kind "galaxy" must be one of');
    expect(bad.stderr).toContain('cong: nothing imported: 0 to create, 0 to update, 0 unchanged, 1 refused');
  });

  it('users create makes the first administrator of a production platform; reset-password replaces it once', async () => {
    writeConfig({ database: 'sqlite:./cong.db', http: { port: 0 }, log: { level: 'silent' }, plugins: [] });
    const created = await runCli(dir, ['users', 'create', 'chu.tich', '--super-admin', '--email', 'chutich@quangtri.gov.vn']);
    expect(created.code).toBe(0);
    const password = /password: (\S+)/.exec(created.stdout)![1]!;
    expect(password.length).toBeGreaterThanOrEqual(12);
    const again = await runCli(dir, ['users', 'create', 'chu.tich']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^cong: CONG_ERR_USER_EXISTS/);

    const signIn = async (secret: string) => {
      const platform = createPlatform({ cwd: dir });
      await platform.start();
      const url = await platform.listen();
      try {
        const res = await fetch(`${url}/api/core/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'chu.tich', password: secret }) });
        return res.status;
      } finally {
        await platform.stop();
      }
    };
    expect(await signIn(password)).toBe(200);
    const reset = await runCli(dir, ['users', 'reset-password', 'chu.tich']);
    const fresh = /for chu.tich: (\S+)/.exec(reset.stdout)![1]!;
    expect(await signIn(password)).toBe(401);
    expect(await signIn(fresh)).toBe(200);
  });

  it('plugins list shows plugins in boot order; failures end with one line and a non-zero exit', async () => {
    writeConfig({ database: 'sqlite:./cong.db', plugins: [helloPlugin, slowPlugin] });
    const list = await runCli(dir, ['plugins', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/hello\s+0\.1\.0\s+@cong\/example-hello\s+\^1\.0\.0/);

    writeConfig({ database: 'sqlite:./cong.db', http: { port: 'eighty' } });
    const bad = await runCli(dir, ['start']);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^cong: CONG_ERR_CONFIG_INVALID: Configuration key http\.port is invalid/);

    const unknown = await runCli(dir, ['rollback']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("required option '--plugin <id>'");

    const help = await runCli(dir, ['migrate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--dry-run');
  });
});
