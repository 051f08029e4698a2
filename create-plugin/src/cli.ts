#!/usr/bin/env node
// `create-cong-plugin [id]`, also `npm init @cong/plugin [id]` and `pnpm create @cong/plugin [id]`.
import { Command, CommanderError } from 'commander';
import { createPlugin } from './create-plugin.js';
import { ScaffoldError } from './errors.js';
import { formatCreated } from './format-created.js';
import { promptForOptions, shouldPrompt } from './prompts.js';

const program = new Command()
  .name('create-cong-plugin')
  .description('Tạo một plugin Cổng / Create a Cổng plugin package')
  .argument('[id]', 'plugin id (^[a-z][a-z0-9-]{1,30}$)')
  .option('--dir <dir>', 'target folder (default: plugins/<id> in a Cổng checkout, else ./<id>)')
  .option('--name-vi <name>', 'Vietnamese display name')
  .option('--name-en <name>', 'English display name')
  .option('--description <text>', 'one-line description')
  .option('--package-name <name>', 'npm package name (default: @cong/plugin-<id> in a checkout, else cong-plugin-<id>)')
  .option('--no-admin', 'no admin page or dashboard widget')
  .option('--no-widgets', 'no public widget bundle')
  .option('--link <checkout>', 'outside a checkout: depend on this Cổng checkout\'s sdk and core (link:)')
  .option('--no-add-to-workspace', 'in a checkout: do not list the package in the root package.json (the demo then does not load it)')
  .option('-y, --yes', 'never ask: take flags and defaults (also when not on a terminal or under CI)')
  .exitOverride();

interface Flags {
  dir?: string;
  nameVi?: string;
  nameEn?: string;
  description?: string;
  packageName?: string;
  admin: boolean;
  widgets: boolean;
  link?: string;
  addToWorkspace: boolean;
  yes?: boolean;
}

program.action(async (id: string | undefined, flags: Flags) => {
  let options = { ...flags, id };
  if (shouldPrompt(flags)) {
    options = {
      ...flags,
      ...(await promptForOptions({
        ...options,
        adminGiven: program.getOptionValueSource('admin') === 'cli',
        widgetsGiven: program.getOptionValueSource('widgets') === 'cli',
      })),
    } as typeof options;
  }
  process.stdout.write(formatCreated(await createPlugin(options)));
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exitCode = error.exitCode;
  else {
    const message = error instanceof ScaffoldError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
    process.stderr.write(`create-cong-plugin: ${message}\n`);
    process.exitCode = 1;
  }
}
