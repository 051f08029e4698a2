import { parseCsv } from '@cong/sdk';
import { SITES_ERR_CSV_INVALID } from '../errors.js';

/** The columns a provisioning CSV may have; `slug` is required. */
export const CSV_COLUMNS = ['slug', 'template', 'primary_host', 'alias_hosts', 'status', 'go_live_on', 'notes'] as const;

/** One line of a provisioning CSV. */
export interface CsvSiteRow {
  /** 1-based line in the file. */
  readonly line: number;
  /** The unit, by current or former slug. */
  readonly slug: string;
  readonly template: string | null;
  readonly primaryHost: string | null;
  /** `;`-separated in the file. */
  readonly aliasHosts: readonly string[];
  /** The status of a site this line creates: `draft` or `live`. */
  readonly status: string | null;
  readonly goLiveOn: string | null;
  readonly notes: string | null;
}

/**
 * Reads a provisioning CSV (RFC 4180, UTF-8, optional BOM) with a header row naming some of
 * `slug,template,primary_host,alias_hosts,status,go_live_on,notes`; blank lines are skipped. A file
 * that cannot be read, or names an unknown column, is a 400 (`SITES_ERR_CSV_INVALID`); a bad value is
 * reported on its line by the run.
 */
export function readSitesCsv(text: string): CsvSiteRow[] {
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (error) {
    throw SITES_ERR_CSV_INVALID.create({ reason: (error as Error).message });
  }
  const header = records.shift()?.map((h) => h.trim().toLowerCase());
  if (!header || !header.includes('slug')) throw SITES_ERR_CSV_INVALID.create({ reason: `the header must name a slug column (columns: ${CSV_COLUMNS.join(',')})` });
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0) throw SITES_ERR_CSV_INVALID.create({ reason: `unknown columns ${unknown.join(', ')} (columns: ${CSV_COLUMNS.join(',')})` });
  return records
    .map((cells, index) => ({ cells, line: index + 2 }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ''))
    .map(({ cells, line }) => {
      const get = (column: (typeof CSV_COLUMNS)[number]) => {
        const i = header.indexOf(column);
        const value = i === -1 ? '' : (cells[i] ?? '').normalize('NFC').trim();
        return value === '' ? null : value;
      };
      return {
        line,
        slug: get('slug') ?? '',
        template: get('template'),
        primaryHost: get('primary_host'),
        aliasHosts: (get('alias_hosts') ?? '').split(';').map((h) => h.trim()).filter(Boolean),
        status: get('status'),
        goLiveOn: get('go_live_on'),
        notes: get('notes'),
      };
    });
}
