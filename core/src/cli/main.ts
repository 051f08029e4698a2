#!/usr/bin/env node
import { existsSync, readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { CongError, type CommandDefinition, type CommandInput } from '@cong/sdk';
import { createPlatform, type BootReport, type PlatformOptions } from '../index.js';
import { CORE_VERSION } from '../kernel/core-version.js';
import { formatTable } from './format-table.js';
import { isWorkerProcess, serveAsWorker, superviseWorkers, workerCount } from './worker-supervisor.js';
import { generatePassphrase } from '../auth/generate-passphrase.js';
import { importTenants } from '../tenancy/import-tenants.js';
import { parseTenantFile } from '../tenancy/parse-tenant-file.js';
import type { TenantKind, TenantStatus } from '../tenancy/tenant.js';
import type { OutboxMessage, OutboxPage, OutboxStatus } from '../mail/default-mail-service.js';

/**
 * `cong`: start the platform, run and inspect migrations, list plugins. Every failure ends with a
 * one-line reason on stderr and a non-zero exit code.
 */
const program = new Command()
  .name('cong')
  .description('Cổng — nền tảng Cổng Thông tin điện tử tỉnh (provincial e-portal platform)')
  .version(CORE_VERSION)
  .option('-c, --config <file>', 'configuration file (default: ./cong.config.json when present)')
  .showHelpAfterError()
  .exitOverride();

const platformOptions = (extra: Partial<PlatformOptions> = {}): PlatformOptions => {
  const { config } = program.opts<{ config?: string }>();
  return { ...(config ? { configFile: config } : {}), ...extra };
};

/** A platform for a one-shot command: it logs warnings only, so its output is the command's. */
const commandPlatform = () => createPlatform(platformOptions({ config: { log: { level: 'warn' } } }));

program
  .command('start')
  .description('Start the platform and serve HTTP until SIGTERM or SIGINT')
  .option('-p, --port <port>', 'port to listen on (overrides http.port)')
  .option('-H, --host <host>', 'interface to listen on (overrides http.host)')
  .option('-w, --workers <n>', 'serve with n processes on the one port: a number, or "auto" for one per core (default 1)')
  .action(async (options: { port?: string; host?: string; workers?: string }) => {
    const http: Record<string, unknown> = {};
    if (options.port !== undefined) http.port = Number(options.port);
    if (options.host !== undefined) http.host = options.host;
    const workers = workerCount(options.workers);
    const preparing = workers > 1 && !isWorkerProcess();
    // Without a config file, `cong start` is the demo: SQLite under ./data and a seeded province.
    const { config } = program.opts<{ config?: string }>();
    const demo = config === undefined && !existsSync('cong.config.json');
    const overrides = { ...(Object.keys(http).length ? { http } : {}), ...(preparing ? { jobs: { autoStart: false }, log: { level: 'warn' } } : {}) };
    const platform = createPlatform(
      platformOptions({ handleSignals: !preparing, ...(Object.keys(overrides).length ? { config: overrides } : {}), ...(demo ? { configDefaults: { demo: true } } : {}) }),
    );
    const report = await platform.start();
    if (preparing) {
      // Migrations, the demo province and its administrator happen once, here; the workers then start
      // on a prepared database and find nothing to do.
      const credentials = platform.takeDemoCredentials();
      await platform.stop();
      printBanner(report, await superviseWorkers(workers, (line) => void process.stderr.write(`${line}\n`)), credentials, workers);
      return;
    }
    let url: string;
    try {
      url = await platform.listen();
    } catch (error) {
      await platform.stop(); // its timers and connections would keep the process alive
      throw error;
    }
    if (isWorkerProcess()) return serveAsWorker(url, () => platform.stop());
    printBanner(report, url, platform.takeDemoCredentials(), 1);
  });

/** What `cong start` prints once it serves; the demo administrator's password appears here only. */
function printBanner(report: BootReport, url: string, credentials: { username: string; password: string } | undefined, workers: number): void {
  const failed = report.plugins.filter((p) => p.state === 'failed');
  process.stdout.write(
    `\nCổng ${report.coreVersion} đang chạy tại / is running at ${url}\n` +
      `  plugins: ${report.plugins.map((p) => `${p.id}@${p.version} (${p.state})`).join(', ') || '(none)'}\n` +
      `  database: ${report.database.description}\n` +
      (workers > 1 ? `  workers: ${workers} processes (tiến trình)\n` : '') +
      `  health: ${url}/healthz  ready: ${url}/readyz  API: ${url}/openapi.json\n` +
      (failed.length ? `  FAILED: ${failed.map((p) => `${p.id}: ${p.error?.message}`).join('; ')}\n` : '') +
      (credentials
        ? `\n  Tài khoản quản trị / admin account: ${credentials.username} / ${credentials.password}\n` +
          `  Mật khẩu chỉ hiện một lần — hãy lưu lại và đổi sau khi đăng nhập. (Shown once: save it.)\n` +
          `  Trang quản trị / admin: ${url}/admin/\n`
        : '') +
      `  Ctrl+C to stop.\n\n`,
  );
}

program
  .command('migrate')
  .description('Run pending migrations: the core first, then each plugin in dependency order')
  .option('--plugin <id>', 'only this plugin (the core still runs first)')
  .option('--dry-run', 'list pending migrations without running them')
  .action(async (options: { plugin?: string; dryRun?: boolean }) => {
    const platform = commandPlatform();
    const result = await platform.migrate({ apply: !options.dryRun, ...(options.plugin ? { only: options.plugin } : {}) });
    const rows = result.flatMap((r) => r.pending.map((name) => [r.owner, name, options.dryRun ? 'pending' : r.applied.includes(name) ? 'applied' : 'pending']));
    process.stdout.write(rows.length ? formatTable(['owner', 'migration', 'state'], rows) : 'Nothing to migrate: every migration has run.\n');
  });

program
  .command('rollback')
  .description('Undo migrations of one plugin (or "core"): one step, or down to --to')
  .requiredOption('--plugin <id>', 'plugin id, or core')
  .option('--to <name>', 'keep migrations up to and including this one; "none" undoes all')
  .action(async (options: { plugin: string; to?: string }) => {
    const platform = commandPlatform();
    const to = options.to === undefined ? undefined : options.to === 'none' ? null : options.to;
    const undone = await platform.rollback(options.plugin, to);
    process.stdout.write(undone.length ? `Rolled back ${options.plugin}: ${undone.join(', ')}\n` : `Nothing to roll back for ${options.plugin}.\n`);
  });

program
  .command('db')
  .description('Database commands')
  .command('status')
  .description('Show every migration of the core and the plugins, and when it ran')
  .action(async () => {
    const platform = commandPlatform();
    const rows = await platform.migrationStatus();
    process.stdout.write(formatTable(['owner', 'migration', 'executed at'], rows.map((r) => [r.owner, r.name, r.executedAt?.toISOString() ?? 'pending'])));
  });

program
  .command('outbox')
  .description('Read the mail outbox: messages held without SMTP, queued, sent or failed')
  .option('--status <status>', 'held, queued, sent or failed')
  .option('--limit <n>', 'messages per page (1-100)', '20')
  .option('--offset <n>', 'skip this many', '0')
  .option('--show <id>', 'print one whole message')
  .action(async (options: { status?: string; limit: string; offset: string; show?: string }) => {
    const platform = commandPlatform();
    if (options.show !== undefined) {
      const message = (await platform.outbox({ id: options.show })) as OutboxMessage | undefined;
      if (!message) throw new Error(`No message ${options.show} in the outbox`);
      process.stdout.write(
        `From: ${message.from}\nTo: ${message.to.join(', ')}\nSubject: ${message.subject}\nStatus: ${message.status}` +
          `${message.lastError ? ` (${message.lastError})` : ''}\nCreated: ${message.createdAt.toISOString()}\n\n${message.text}\n`,
      );
      return;
    }
    if (options.status !== undefined && !['held', 'queued', 'sent', 'failed'].includes(options.status)) {
      throw new Error(`--status must be held, queued, sent or failed, not "${options.status}"`);
    }
    const page = (await platform.outbox({
      limit: Number(options.limit),
      offset: Number(options.offset),
      ...(options.status ? { status: options.status as OutboxStatus } : {}),
    })) as OutboxPage;
    const rows = page.items.map((m) => [m.id, m.createdAt.toISOString(), m.status, m.to.join(', '), m.subject]);
    process.stdout.write(rows.length ? formatTable(['id', 'created', 'status', 'to', 'subject'], rows) : 'The outbox is empty.\n');
    process.stdout.write(`${page.total} message(s) in all.\n`);
  });

const tenants = program.command('tenants').description('Organisational units (tenants): the province, departments, communes');

tenants
  .command('import <file>')
  .description('Create or update units from a CSV or JSON file, idempotently (matched by slug)')
  .option('--dry-run', 'report what would change without writing')
  .action(async (file: string, options: { dryRun?: boolean }) => {
    const rows = parseTenantFile(file, readFileSync(file, 'utf8'));
    const { actions, applied } = await commandPlatform().withTenants((directory) => importTenants(directory, rows, { dryRun: options.dryRun === true }));
    process.stdout.write(formatTable(['line', 'slug', 'action', 'details'], actions.map((a) => [String(a.line), a.slug, a.action, a.details.join('; ')])));
    const count = (kind: string) => actions.filter((a) => a.action === kind).length;
    const summary = `${count('create')} to create, ${count('update')} to update, ${count('unchanged')} unchanged, ${count('error')} refused`;
    if (count('error') > 0) throw new Error(`nothing imported: ${summary}`);
    process.stdout.write(applied ? `Imported: ${summary}.\n` : `Dry run: ${summary}. Nothing was written.\n`);
  });

tenants
  .command('list')
  .description('List units, with folded text search ("quang tri" finds "Quảng Trị")')
  .option('--text <text>', 'search names and slugs')
  .option('--kind <kind>', 'province, department, commune, ward, special-zone or district')
  .option('--status <status>', 'active or archived')
  .action(async (options: { text?: string; kind?: string; status?: string }) => {
    const page = await commandPlatform().withTenants((directory) =>
      directory.list({
        limit: 500,
        ...(options.text ? { text: options.text } : {}),
        ...(options.kind ? { kind: options.kind as TenantKind } : {}),
        ...(options.status ? { status: options.status as TenantStatus } : {}),
      }),
    );
    const rows = page.items.map((t) => [t.slug, t.kind, t.status, t.nameVi, t.primaryHost ?? '-']);
    process.stdout.write(rows.length ? formatTable(['slug', 'kind', 'status', 'name', 'host'], rows) : 'No units.\n');
    process.stdout.write(`${page.total} unit(s).\n`);
  });

const users = program.command('users').description('Staff accounts: the first administrator of a new platform is made here');

users
  .command('create <username>')
  .description('Create an account; its password is generated and printed once')
  .option('--email <email>', 'for password reset links')
  .option('--display-name <name>', 'the name shown in the admin')
  .option('--super-admin', 'every permission in every unit')
  .option('--tenant <slug>', 'grant a role in this unit')
  .option('--role <role>', 'the role to grant (with --tenant)', 'unit-admin')
  .option('--subtree', 'the grant also covers every unit below')
  .action(async (username: string, options: { email?: string; displayName?: string; superAdmin?: boolean; tenant?: string; role: string; subtree?: boolean }) => {
    const password = generatePassphrase();
    const user = await commandPlatform().withAccounts(async ({ auth, access, tenants }) => {
      const tenant = options.tenant ? (await tenants.getBySlug(options.tenant))?.tenant : undefined;
      if (options.tenant && !tenant) throw new Error(`No unit has the slug ${options.tenant}`);
      const created = await auth.users.create({
        username,
        password,
        isSuperAdmin: options.superAdmin === true,
        ...(options.email ? { email: options.email } : {}),
        ...(options.displayName ? { displayName: options.displayName } : {}),
      });
      if (tenant) await access.grant({ userId: created.id, tenantId: tenant.id, roleId: options.role, subtree: options.subtree === true, createdBy: 'cli' });
      return created;
    });
    process.stdout.write(
      `Created ${user.username}${user.isSuperAdmin ? ' (super-admin)' : ''}.\n` +
        `Mật khẩu / password: ${password}\nChỉ hiện một lần — hãy chuyển cho người dùng và yêu cầu đổi mật khẩu. (Shown once.)\n`,
    );
  });

users
  .command('reset-password <username>')
  .description('Give an account a new generated password (printed once) and end its sessions')
  .action(async (username: string) => {
    const password = generatePassphrase();
    await commandPlatform().withAccounts(async ({ auth }) => {
      const user = await auth.users.findByUsername(username);
      if (!user) throw new Error(`No account ${username}`);
      await auth.users.setPassword(user.id, password);
      await auth.sessions.revokeAll(user.id);
      await auth.limiter.reset(user.username);
    });
    process.stdout.write(`Mật khẩu mới / new password for ${username}: ${password}\n(Shown once; every session of the account has ended.)\n`);
  });

users
  .command('disable <username>')
  .description('Disable an account: its sessions end and its API tokens stop working')
  .action(async (username: string) => {
    await commandPlatform().withAccounts(async ({ auth }) => {
      const user = await auth.users.findByUsername(username);
      if (!user) throw new Error(`No account ${username}`);
      await auth.users.disable(user.id);
    });
    process.stdout.write(`${username} is disabled.\n`);
  });

const plugins = program.command('plugins').alias('plugin').description('Plugin commands');

for (const [verb, enabled] of [['enable', true], ['disable', false]] as const) {
  plugins
    .command(`${verb} <id>`)
    .description(`${enabled ? 'Enable' : 'Disable'} a plugin for one unit (and its subtree); data is never deleted`)
    .requiredOption('--tenant <slug>', 'the unit')
    .option('--subtree', 'also every unit below it')
    .action(async (id: string, options: { tenant: string; subtree?: boolean }) => {
      const changed = await commandPlatform().setModule(id, options.tenant, enabled, { subtree: options.subtree === true, actor: 'cli' });
      process.stdout.write(
        changed.length
          ? `${id} ${enabled ? 'enabled' : 'disabled'} for: ${changed.join(', ')}. A running platform applies it within seconds.\n`
          : `${id} was already ${enabled ? 'enabled' : 'disabled'} there.\n`,
      );
    });
}

plugins
  .command('list')
  .description('List the configured plugins in boot order, after checking their manifests and dependencies')
  .action(async () => {
    const platform = commandPlatform();
    const plugins = await platform.inspectPlugins();
    const rows = plugins.map((p) => [
      p.id,
      p.version,
      p.packageName,
      p.manifest.pluginApi,
      Object.entries(p.manifest.requires ?? {}).map(([id, range]) => `${id} ${range}`).join(', ') || '-',
    ]);
    process.stdout.write(rows.length ? formatTable(['id', 'version', 'package', 'pluginApi', 'requires'], rows) : 'No plugins configured.\n');
  });

plugins
  .command('verify [dir]')
  .description('Check a plugin package before publishing: manifest, pluginApi range, routes, migrations, imports, exports, changelog')
  .option('--json', 'print the findings as JSON')
  .option('--strict', 'warnings fail the check too')
  .action(async (dir: string | undefined, options: { json?: boolean; strict?: boolean }) => {
    // Loaded on demand: the checks are for plugin authors, not for the platform's start-up path.
    const { verifyPlugin, failsVerification } = await import('../plugin-verify/verify-plugin.js');
    const { formatFindings } = await import('../plugin-verify/format-findings.js');
    const findings = await verifyPlugin(dir ?? '.');
    const failed = failsVerification(findings, options.strict === true);
    const errors = findings.filter((f) => f.severity === 'error').length;
    process.stdout.write(
      options.json
        ? `${JSON.stringify({ ok: !failed, errors, warnings: findings.length - errors, findings }, null, 2)}\n`
        : formatFindings(dir ?? '.', findings),
    );
    if (failed) process.exitCode = 1;
  });

program
  .command('create-plugin [id]')
  .description('Create a plugin package that builds, tests and loads: plugins/<id> in a Cổng checkout, else ./<id>')
  .option('--dir <dir>', 'target folder')
  .option('--name-vi <name>', 'Vietnamese display name')
  .option('--name-en <name>', 'English display name')
  .option('--description <text>', 'one-line description')
  .option('--package-name <name>', 'npm package name (default: @cong/plugin-<id> in a checkout, else cong-plugin-<id>)')
  .option('--no-admin', 'no admin page or dashboard widget')
  .option('--no-widgets', 'no public widget bundle')
  .option('--link <checkout>', "outside a checkout: depend on this checkout's sdk and core (link:)")
  .option('--no-add-to-workspace', 'in a checkout: do not list the package in the root package.json (the demo then does not load it)')
  .option('-y, --yes', 'never ask: take flags and defaults (also when not on a terminal or under CI)')
  .action(async (id: string | undefined, options: Record<string, string | boolean | undefined> & { yes?: boolean }, command: Command) => {
    // Loaded on demand, like plugins verify: the scaffolder is for plugin authors. Its errors carry a
    // code and a status, so they print as `cong: SCAFFOLD_ERR_…: …` below.
    const { createPlugin, formatCreated, promptForOptions, shouldPrompt } = await import('@cong/create-plugin');
    const given = { ...options, id };
    const asked = (name: string) => command.getOptionValueSource(name) === 'cli';
    const full = shouldPrompt(options) ? await promptForOptions({ ...given, adminGiven: asked('admin'), widgetsGiven: asked('widgets') }) : given;
    process.stdout.write(formatCreated(await createPlugin(full)));
  });

program.addHelpText('after', '\nPlugins add their own commands: cong <plugin> --help (e.g. cong sites provision --from-tree --dry-run).\n');

/**
 * The command asked for (the first word that is not a global option) and the configuration file the
 * line names, read before commander parses it: plugins' commands come from the configured plugins.
 */
function commandLine(words: readonly string[]): { readonly word: string | undefined; readonly configFile: string | undefined } {
  let configFile: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '-c' || word === '--config') configFile = words[++i];
    else if (word.startsWith('--config=')) configFile = word.slice('--config='.length);
    else if (!word.startsWith('-')) return { word, configFile };
  }
  return { word: undefined, configFile };
}

/** commander's key for an option: `dry-run` → `dryRun`. */
const optionKey = (name: string) => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Adds `cong <plugin> <command>` for one plugin command: boots the platform, runs it, stops. */
function addPluginCommand(group: Command, pluginId: string, definition: CommandDefinition): void {
  const command = group.command(definition.name).description(definition.description);
  for (const a of definition.arguments ?? []) command.argument(a.required ? `<${a.name}>` : `[${a.name}]`, a.description);
  for (const o of definition.options ?? []) command.option(`--${o.name}${o.value ? ` <${o.value}>` : ''}`, o.description);
  command.action(async (...params: unknown[]) => {
    const values = params.slice(0, definition.arguments?.length ?? 0) as (string | undefined)[];
    const given = command.opts<Record<string, string | true | undefined>>();
    const input: CommandInput = {
      args: Object.fromEntries((definition.arguments ?? []).map((a, i) => [a.name, values[i]])),
      options: Object.fromEntries((definition.options ?? []).map((o) => [o.name, given[optionKey(o.name)]])),
      out: { write: (text) => void process.stdout.write(text), progress: (text) => void process.stderr.write(text) },
    };
    // A one-shot platform: migrations and every plugin's start, no job runner, warnings only.
    const platform = createPlatform(platformOptions({ config: { log: { level: 'warn' }, jobs: { autoStart: false } } }));
    try {
      await platform.start();
      process.exitCode = await platform.runCommand(pluginId, definition.name, input);
    } finally {
      await platform.stop();
    }
  });
}

/**
 * Plugins' commands (`reg.command`) join the command line when the command asked for is not the
 * core's: the configured plugins are registered (no database) to learn what they declare.
 */
async function addPluginCommands(): Promise<void> {
  const { word, configFile } = commandLine(process.argv.slice(2));
  if (word === undefined || word === 'help' || program.commands.some((c) => c.name() === word || c.aliases().includes(word))) return;
  for (const { pluginId, commands } of await createPlatform({ ...(configFile ? { configFile } : {}), config: { log: { level: 'warn' } } }).pluginCommands()) {
    const group = program.command(pluginId).description(`Commands of the ${pluginId} plugin`);
    for (const definition of commands) addPluginCommand(group, pluginId, definition);
  }
}

try {
  await addPluginCommands();
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else {
    const message = CongError.is(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
    process.stderr.write(`cong: ${message.split('\n')[0]}\n`);
    process.exitCode = 1;
    // A worker's channel to its primary would keep it alive: the primary learns of the failure by its exit.
    if (isWorkerProcess()) process.exit();
  }
}
