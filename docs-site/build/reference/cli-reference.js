import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cell, code } from './markdown-text.js';

let captured;

/**
 * The `cong` program as commander builds it, plugins' commands included, without running anything:
 * the CLI module builds its program and then calls `parseAsync`, which is replaced here (on the core's
 * own copy of commander) to hand the program back. A word that is not a core command makes the CLI
 * add the configured plugins' commands first (it registers the plugins found from `repoRoot`, with no
 * database). The module runs once per process; later calls return the same program.
 * Returns `{ program, withPlugins }`.
 */
export async function loadCliProgram(repoRoot) {
  if (captured) return captured;
  const coreRequire = createRequire(join(repoRoot, 'core/package.json'));
  const { Command } = coreRequire('commander');
  const original = Command.prototype.parseAsync;
  const argv = process.argv;
  const cwd = process.cwd();
  let program;
  const keep = (command) => {
    program = command;
  };
  Command.prototype.parseAsync = async function parseAsync() {
    keep(this);
    return this;
  };
  const exitCode = process.exitCode;
  const url = pathToFileURL(join(repoRoot, 'core/dist/cli/main.js')).href;
  let withPlugins = true;
  try {
    process.argv = [argv[0], 'cong', 'docs-site-reference'];
    process.chdir(repoRoot);
    await import(url);
    if (!program) {
      // Registering the plugins failed (the CLI printed why): list the core's commands alone, from
      // a second copy of the module (another URL), asked for no command.
      withPlugins = false;
      process.argv = [argv[0], 'cong'];
      await import(`${url}?core-only`);
    }
  } finally {
    Command.prototype.parseAsync = original;
    process.argv = argv;
    process.chdir(cwd);
    process.exitCode = exitCode;
  }
  if (!program) throw new Error('core/dist/cli/main.js did not build its program (build @cong/core first)');
  captured = { program, withPlugins };
  return captured;
}

/** Every command of the program, depth first: full name (`cong tenants import`), arguments, options. */
export function listCommands(program) {
  const out = [];
  const walk = (command, prefix) => {
    for (const sub of command.commands) {
      if (sub.name() === 'help') continue;
      const name = `${prefix} ${sub.name()}`;
      out.push({
        name,
        aliases: sub.aliases(),
        description: sub.description(),
        arguments: sub.registeredArguments.map((a) => ({ name: a.name(), required: a.required, variadic: a.variadic, description: a.description })),
        options: sub.options.map((o) => ({ flags: o.flags, long: o.long, description: o.description, defaultValue: o.defaultValue })),
        group: sub.commands.length > 0,
      });
      walk(sub, name);
    }
  };
  walk(program, program.name());
  return out;
}

export async function cliReference(repoRoot) {
  const { program, withPlugins } = await loadCliProgram(repoRoot);
  const commands = listCommands(program);
  const globals = program.options.map((o) => `| ${code(o.flags)} | ${cell(o.description)} |`);
  const lines = [
    '# CLI commands (generated)',
    '',
    `*Mọi lệnh của công cụ dòng lệnh ${code('cong')}, sinh từ chương trình commander của lõi (kể cả lệnh của các plugin).* ` +
      `Every command and option of ${code('cong')} (${code('node core/dist/cli/main.js')}), read from the core's commander program with the first-party plugins' commands. ` +
      `${code('cong <command> --help')} prints the same. The [CLI guide](../cli.md) explains the everyday ones.`,
    '',
    ...(withPlugins ? [] : ['**The plugins\' commands are missing**: the plugins could not be registered when this page was built.', '']),
    '## Global options',
    '',
    '| option | description |',
    '|---|---|',
    '| `-V, --version` | print the version |',
    ...globals.filter((g) => !g.includes('--version')),
    '| `-h, --help` | help for any command |',
  ];
  for (const command of commands) {
    const usage = [command.name, ...command.arguments.map((a) => (a.required ? `<${a.name}${a.variadic ? '...' : ''}>` : `[${a.name}${a.variadic ? '...' : ''}]`))].join(' ');
    lines.push('', `## ${code(usage)}`, '');
    if (command.description) lines.push(command.description + (command.aliases.length ? ` (alias: ${command.aliases.map(code).join(', ')})` : ''), '');
    if (command.group) lines.push(`A group: see the commands below that start with ${code(command.name)}.`, '');
    if (command.arguments.some((a) => a.description)) {
      lines.push('| argument | description |', '|---|---|', ...command.arguments.map((a) => `| ${code(a.name)} | ${cell(a.description)} |`), '');
    }
    if (command.options.length) {
      lines.push(
        '| option | description | default |',
        '|---|---|---|',
        ...command.options.map((o) => `| ${code(o.flags)} | ${cell(o.description)} | ${o.defaultValue === undefined ? '' : code(String(o.defaultValue))} |`),
      );
    }
  }
  return { markdown: lines.join('\n') + '\n', items: commands.map((c) => c.name), options: commands.flatMap((c) => c.options.map((o) => `${c.name} ${o.long}`)) };
}
