import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { coreServices, type CommandInput, type PluginContext } from '@cong/sdk';
import { createPlatform } from '@cong/core/testing';
import { createTestPlatform } from '@cong/sdk/testing';
import { runCli } from './cli-process.js';
import { inlinePlugin } from './inline-plugin.js';
import { describeEachDialect } from '../src/testing/describe-each-dialect.js';

const commandPlugin = fileURLToPath(new URL('./fixtures/command-plugin', import.meta.url));

/** A command input whose output is collected. */
function collecting(args: Record<string, string | undefined>, options: Record<string, string | true | undefined> = {}): { input: CommandInput; written: () => string; progress: () => string } {
  let written = '';
  let progress = '';
  return { input: { args, options, out: { write: (t) => void (written += t), progress: (t) => void (progress += t) } }, written: () => written, progress: () => progress };
}

// `reg.command`: plugins add `cong <plugin> <command>`; the core reads the declarations without a
// database, and runs a command on a booted platform with the plugin's context.
describe('plugin commands', () => {
  it('are read from the registration without a database, and run with the plugin\'s context once started', async () => {
    const plugin = inlinePlugin(
      { id: 'notes' },
      {
        register(reg) {
          reg.command({
            name: 'say',
            description: 'Say something',
            arguments: [{ name: 'word', description: 'what to say', required: true }],
            options: [{ name: 'twice', description: 'say it twice' }],
            run: ({ args, options, out }, ctx) => {
              out.write(`${ctx.pluginId}: ${args.word}${options.twice ? ` ${args.word}` : ''}\n`);
              return options.twice ? 0 : 2;
            },
          });
        },
      },
    );
    const offline = createPlatform({ configFile: false, env: {}, config: { database: 'sqlite::memory:', log: { level: 'silent' } }, plugins: [plugin] });
    const found = await offline.pluginCommands();
    expect(found.map((p) => [p.pluginId, p.commands.map((c) => c.name)])).toEqual([['notes', ['say']]]);
    await expect(offline.runCommand('notes', 'say', collecting({ word: 'x' }).input)).rejects.toThrow(/notes is registered/);

    const t = await createTestPlatform({ plugins: [plugin], listen: false });
    try {
      const run = collecting({ word: 'chào' }, { twice: true });
      expect(await t.platform.runCommand('notes', 'say', run.input)).toBe(0);
      expect(run.written()).toBe('notes: chào chào\n');
      expect(await t.platform.runCommand('notes', 'say', collecting({ word: 'a' }).input)).toBe(2);
      await expect(t.platform.runCommand('notes', 'shout', collecting({}).input)).rejects.toThrow('Plugin notes has no command shout');
    } finally {
      await t.stop();
    }
  });

  it('refuses a bad declaration with the registration error', async () => {
    const bad = (definition: object) =>
      inlinePlugin({ id: 'bad' }, { register: (reg) => reg.command({ description: 'x', run: () => 0, ...definition } as never) });
    for (const [definition, reason] of [
      [{ name: 'Say' }, 'command name "Say" must be kebab-case'],
      [{ name: 'say', options: [{ name: '--x', description: '' }] }, 'option "--x" must be kebab-case'],
      [{ name: 'say', arguments: [{ name: 'x', description: '' }], options: [{ name: 'x', description: '' }] }, 'names an argument or option twice'],
    ] as const) {
      const t = await createTestPlatform({ plugins: [bad(definition)], listen: false });
      const report = t.report.plugins.find((p) => p.id === 'bad')!;
      expect(report.state).toBe('failed');
      expect(report.error).toMatchObject({ code: 'CONG_ERR_PLUGIN_REGISTRATION_INVALID' });
      expect(report.error!.message).toContain(reason);
      await t.stop();
    }
  });
});

describe('cong <plugin> <command>', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cong-plugin-command-'));
    writeFileSync(join(dir, 'cong.config.json'), JSON.stringify({ database: 'sqlite:./cong.db', log: { level: 'warn' }, plugins: [commandPlugin] }));
    writeFileSync(join(dir, 'units.csv'), 'slug,name_vi,kind,parent\nquang-tri,Tỉnh Quảng Trị,province,\nso-y-te,Sở Y tế,department,quang-tri\nso-tai-chinh,Sở Tài chính,department,quang-tri\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('boots the platform, runs the command with its arguments and options, and exits with its code', async () => {
    expect((await runCli(dir, ['tenants', 'import', 'units.csv'])).code).toBe(0);
    const run = await runCli(dir, ['units', 'count', 'department', '--active', '--label', 'sở']);
    expect(run.stderr).toBe('counting department\n');
    expect(run.stdout).toBe('sở: 2\n');
    expect(run.code).toBe(0);
    expect((await runCli(dir, ['units', 'count', 'ward'])).code).toBe(3);
    const help = await runCli(dir, ['units', '--help']);
    expect(help.stdout).toContain('count [options] <kind>');
    const missing = await runCli(dir, ['units', 'count']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("missing required argument 'kind'");
    expect((await runCli(dir, ['--help'])).stdout).toContain('Plugins add their own commands');
  });

  it('finds the plugins of the configuration file the line names (--config before or after the command)', async () => {
    renameSync(join(dir, 'cong.config.json'), join(dir, 'other.json'));
    expect((await runCli(dir, ['--config', 'other.json', 'tenants', 'import', 'units.csv'])).code).toBe(0);
    expect((await runCli(dir, ['--config', 'other.json', 'units', 'count', 'department'])).stdout).toBe('units: 2\n');
    expect((await runCli(dir, ['-c', 'other.json', 'units', 'count', 'department'])).stdout).toBe('units: 2\n');
    expect((await runCli(dir, ['--config=other.json', 'units', 'count', 'department'])).stdout).toBe('units: 2\n');
    // Without it there is no such plugin, hence no such command.
    expect((await runCli(dir, ['units', 'count', 'department'])).stderr).toContain("unknown command 'units'");
  });
});

// The tenancy and access services plugins get: the tree with hosts, hosts set with the core's checks
// and audit (inside the plugin's transaction when it passes one), and roles seeded once.
describeEachDialect('tenancy and access services for plugins', (dialect) => {
  let t: Awaited<ReturnType<typeof createTestPlatform>>;
  let ctx: PluginContext;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [inlinePlugin({ id: 'hosts', permissions: [{ id: 'hosts.edit', label: { vi: 'Sửa' } }] }, { start: (c) => void (ctx = c) })], database: dialect });
    const admin = t.client.as({ id: 'quan-tri', permissions: ['core.tenants.manage'] });
    for (const [slug, nameVi, kind, parent, host] of [
      ['quang-tri', 'Tỉnh Quảng Trị', 'province', null, 'quangtri.gov.vn'],
      ['xa-a', 'Xã A', 'commune', 'quang-tri', 'xaa.quangtri.gov.vn'],
      ['so-y-te', 'Sở Y tế', 'department', 'quang-tri', null],
    ] as const) {
      const res = await admin.post('/api/core/tenants', { slug, nameVi, kind, parentId: parent ? ids[parent] : null, primaryHost: host });
      expect(res.status).toBe(201);
      ids[slug] = res.body.id;
    }
  });
  afterAll(async () => t?.stop());

  it('lists every unit with its hosts, parents first', async () => {
    const tree = await ctx.get(coreServices.tenancy).tree();
    expect(tree.map((u) => [u.slug, u.primaryHost, u.aliasHosts])).toEqual([
      ['quang-tri', 'quangtri.gov.vn', []],
      ['xa-a', 'xaa.quangtri.gov.vn', []],
      ['so-y-te', null, []],
    ]);
  });

  it('sets hosts normalised and audited; refuses another unit\'s host; changes nothing for the same set', async () => {
    const tenancy = ctx.get(coreServices.tenancy);
    const set = await tenancy.setHosts(ids['so-y-te']!, { primaryHost: 'SoYTe.QuangTri.gov.vn.', aliasHosts: ['so-y-te.localhost:8080', 'soyte.quangtri.gov.vn'] });
    expect(set).toMatchObject({ slug: 'so-y-te', primaryHost: 'soyte.quangtri.gov.vn', aliasHosts: ['so-y-te.localhost'] });
    await expect(tenancy.setHosts(ids['xa-a']!, { primaryHost: 'soyte.quangtri.gov.vn', aliasHosts: [] })).rejects.toMatchObject({ code: 'CONG_ERR_CONFLICT', status: 409 });
    await expect(tenancy.setHosts(ids['xa-a']!, { primaryHost: 'a b', aliasHosts: [] })).rejects.toMatchObject({ code: 'CONG_ERR_VALIDATION' });
    await tenancy.setHosts(ids['so-y-te']!, { primaryHost: 'soyte.quangtri.gov.vn', aliasHosts: ['so-y-te.localhost'] });
    const audit = await t.client.as({ id: 'x', permissions: ['core.audit.read'] }).get('/api/core/audit', { query: { actionPrefix: 'core.tenant.hosts', subtree: true }, headers: { 'x-cong-tenant': 'quang-tri' } });
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ objectId: ids['so-y-te'], before: { primaryHost: null, aliasHosts: [] }, after: { primaryHost: 'soyte.quangtri.gov.vn', aliasHosts: ['so-y-te.localhost'] } });
  });

  it('joins the plugin\'s transaction: rolled back with it', async () => {
    const tenancy = ctx.get(coreServices.tenancy);
    await expect(
      ctx.get(coreServices.database).transaction(async (trx) => {
        await tenancy.setHosts(ids['xa-a']!, { primaryHost: 'xa-moi.quangtri.gov.vn', aliasHosts: ['xaa.quangtri.gov.vn'] }, { trx });
        throw new Error('the plugin\'s own write failed');
      }),
    ).rejects.toThrow('the plugin\'s own write failed');
    expect((await tenancy.tree()).find((u) => u.slug === 'xa-a')).toMatchObject({ primaryHost: 'xaa.quangtri.gov.vn', aliasHosts: [] });
    const audit = await t.client.as({ id: 'x', permissions: ['core.audit.read'] }).get('/api/core/audit', { query: { objectId: ids['xa-a']!, actionPrefix: 'core.tenant.hosts', subtree: true }, headers: { 'x-cong-tenant': 'quang-tri' } });
    expect(audit.body.items).toEqual([]);
  });

  it('seeds a role once, leaves an admin\'s changes, refuses an unknown permission', async () => {
    const access = ctx.get(coreServices.access);
    const role = { id: 'bien-tap-thu', label: { vi: 'Biên tập thử', en: 'Test editor' }, permissions: ['hosts.*'] };
    expect(await access.ensureRole(role)).toMatchObject({ created: true, role: { id: 'bien-tap-thu', label: { vi: 'Biên tập thử', en: 'Test editor' }, permissions: ['hosts.*'], builtin: false } });
    const changed = await t.client.as({ id: 'root', permissions: ['core.access.manage', 'hosts.edit'] }).put('/api/core/roles/bien-tap-thu', { label: { vi: 'Đổi tên' }, permissions: ['hosts.edit'] }, { headers: { 'x-cong-tenant': 'quang-tri' } });
    expect(changed.status).toBe(200);
    expect(await access.ensureRole(role)).toMatchObject({ created: false, role: { label: { vi: 'Đổi tên' }, permissions: ['hosts.edit'] } });
    await expect(access.ensureRole({ ...role, id: 'khac', permissions: ['khong.ton-tai'] })).rejects.toMatchObject({ code: 'CONG_ERR_VALIDATION' });
    expect((await access.roles()).map((r) => r.id)).toEqual(expect.arrayContaining(['super-admin', 'bien-tap-thu']));
  });
});
