import { readFileSync } from 'node:fs';
import { InputError, type CommandDefinition } from '@cong/sdk';
import { UNIT_KINDS, type UnitKind } from '../registry/site.schema.js';
import { Provisioner } from './provisioner.js';
import type { ProvisioningSource } from './provisioning-types.js';

/**
 * `cong sites provision`: bulk provisioning from the command line, for the whole province (the
 * operator acts as the platform). Progress goes to standard error, one line per unit; the report to
 * standard output. Exit code 1 when a unit failed.
 *
 *     cong sites provision --from-tree --dry-run
 *     cong sites provision --from-tree --kind commune,ward --template commune
 *     cong sites provision --csv sites.csv
 */
export const provisionCommand: CommandDefinition = {
  name: 'provision',
  description: 'Provision component sites from the unit tree or a CSV, idempotently (--dry-run reports what would change)',
  options: [
    { name: 'from-tree', description: 'every active unit under the province (or --root)' },
    { name: 'root', value: 'slug', description: 'with --from-tree: the unit whose units are provisioned' },
    { name: 'kind', value: 'kinds', description: 'with --from-tree: only these kinds, comma-separated (department,commune,ward,special-zone)' },
    { name: 'include-root', description: 'with --from-tree: the root unit too' },
    { name: 'csv', value: 'file', description: 'units from a CSV file (columns slug,template,primary_host,alias_hosts,status,go_live_on,notes)' },
    { name: 'template', value: 'id', description: 'every site\'s template (department, commune); default by unit kind' },
    { name: 'live', description: 'new sites start live instead of draft' },
    { name: 'dry-run', description: 'report what would change and write nothing' },
  ],
  async run({ options, out }, ctx) {
    const str = (name: string) => (typeof options[name] === 'string' ? (options[name] as string) : undefined);
    let source: ProvisioningSource;
    if (options.csv !== undefined && options['from-tree'] !== undefined) throw new InputError('Give --from-tree or --csv, not both');
    if (str('csv') !== undefined) source = { csv: readFileSync(str('csv')!, 'utf8') };
    else if (options['from-tree'] !== undefined) {
      const kinds = str('kind')?.split(',').map((k) => k.trim()).filter(Boolean);
      const unknown = kinds?.find((k) => !(UNIT_KINDS as readonly string[]).includes(k));
      if (unknown !== undefined) throw new InputError(`--kind: ${unknown} is not a unit kind (${UNIT_KINDS.join(', ')})`);
      source = { tree: { ...(str('root') ? { root: str('root')! } : {}), ...(kinds ? { kinds: kinds as UnitKind[] } : {}), includeRoot: options['include-root'] !== undefined } };
    } else throw new InputError('Give --from-tree or --csv <file>');

    const started = performance.now();
    const report = await new Provisioner(ctx).run(
      { source, ...(str('template') ? { template: str('template')! } : {}), initialStatus: options.live !== undefined ? 'live' : 'draft', dryRun: options['dry-run'] !== undefined },
      {
        actorId: 'cli',
        onProgress: (done, total, site) => out.progress(`[${String(done).padStart(String(total).length)}/${total}] ${site.slug}: ${site.action}${site.error ? ` (${site.error.message})` : ''}\n`),
      },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    for (const role of report.roles) out.write(`role ${role.id}: ${role.action}\n`);
    for (const site of report.sites) {
      if (site.action === 'unchanged') continue;
      out.write(`${site.line !== null ? `line ${site.line} ` : ''}${site.slug}: ${site.action}${site.error ? ` — ${site.error.code}: ${site.error.message}` : ''}\n`);
      for (const change of site.changes) out.write(`    ${change}\n`);
    }
    const { create, update, unchanged, error } = report.counts;
    const summary = `${create} to create, ${update} to update, ${unchanged} unchanged, ${error} refused`;
    out.write(report.dryRun ? `Dry run: ${summary}. Nothing was written. (${seconds} s)\n` : `Provisioned: ${summary}. (${seconds} s)\n`);
    return error > 0 ? 1 : 0;
  },
};
