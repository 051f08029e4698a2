import type { PluginContext } from './plugin-context.js';

/** A positional argument of a plugin command: `cong <plugin> <command> <file>`. */
export interface CommandArgument {
  /** Lower-case letters, digits and `-`: the key in {@link CommandInput.args}. */
  readonly name: string;
  readonly description: string;
  /** Default is false. */
  readonly required?: boolean;
}

/** An option of a plugin command: `--dry-run` (a flag) or `--root <slug>` (takes a value). */
export interface CommandOption {
  /** Lower-case letters, digits and `-`, without the dashes: the key in {@link CommandInput.options}. */
  readonly name: string;
  readonly description: string;
  /** The value's placeholder (`slug`, `file`): the option takes a value. Without it, the option is a flag. */
  readonly value?: string;
}

/** Where a command writes: the terminal, or what a test collects. */
export interface CommandOutput {
  /** The command's result (tables, summaries): standard output. */
  write(text: string): void;
  /** Progress and warnings: standard error, so the result can be piped. */
  progress(text: string): void;
}

/** What a command's `run` receives. */
export interface CommandInput {
  /** Positional arguments by name; a missing optional one is `undefined`. */
  readonly args: Readonly<Record<string, string | undefined>>;
  /** Options by name: `true` for a flag that was given, the text for a value; absent ones `undefined`. */
  readonly options: Readonly<Record<string, string | true | undefined>>;
  readonly out: CommandOutput;
}

/**
 * A command-line command a plugin adds to `cong`, run as `cong <pluginId> <name> [args] [options]`.
 * The core boots the platform (migrations, every plugin's `start`; the job queue does not run) before
 * `run`, and stops it after. Declare it in `register` with `reg.command(...)`.
 *
 * @example
 * ```ts
 * reg.command({
 *   name: 'provision',
 *   description: 'Provision the sites of the unit tree',
 *   options: [{ name: 'dry-run', description: 'report what would change, write nothing' }],
 *   async run({ options, out }, ctx) {
 *     const report = await provision(ctx, { dryRun: options['dry-run'] === true });
 *     out.write(`${report.changed} site(s) changed\n`);
 *     return report.errors > 0 ? 1 : 0;
 *   },
 * });
 * // cong sites provision --dry-run
 * ```
 */
export interface CommandDefinition {
  /** Lower-case letters, digits and `-`, unique in the plugin. */
  readonly name: string;
  /** One line for `cong <pluginId> --help`. */
  readonly description: string;
  readonly arguments?: readonly CommandArgument[];
  readonly options?: readonly CommandOption[];
  /**
   * Runs the command. Resolves with the process exit code (default 0). A thrown error ends the command
   * with `cong: <code>: <message>` on standard error and exit code 1.
   */
  run(input: CommandInput, ctx: PluginContext): Promise<number | void> | number | void;
}
