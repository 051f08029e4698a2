import { extname } from 'node:path';
import { InputError, parseCsv } from '@cong/sdk';

/** One unit as an import file describes it; `parent` is the parent's slug. */
export interface TenantImportRow {
  /** 1-based line (CSV) or index (JSON) in the file, for error messages. */
  readonly line: number;
  readonly slug: string;
  readonly nameVi: string;
  readonly nameEn: string | null;
  readonly kind: string;
  readonly parent: string | null;
  readonly validFrom: string | null;
  readonly primaryHost: string | null;
  readonly aliasHosts: readonly string[];
}

const COLUMNS = ['slug', 'name_vi', 'name_en', 'kind', 'parent', 'valid_from', 'primary_host', 'alias_hosts'] as const;

/**
 * Reads a tenant import file. CSV (RFC 4180, UTF-8, optional BOM) with the header
 * `slug,name_vi,name_en,kind,parent,valid_from,primary_host,alias_hosts` (alias hosts separated by
 * `;`), or JSON: an array of `{ slug, nameVi, nameEn?, kind, parent?, validFrom?, primaryHost?, aliasHosts? }`.
 */
export function parseTenantFile(name: string, text: string): TenantImportRow[] {
  const content = text.replace(/^\uFEFF/, '');
  return extname(name).toLowerCase() === '.json' ? fromJson(content) : fromCsv(content);
}

function fromJson(text: string): TenantImportRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new InputError(`The file is not valid JSON: ${(cause as Error).message}`);
  }
  if (!Array.isArray(data)) throw new InputError('A JSON import file holds an array of units');
  return data.map((item, index) => {
    const o = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const str = (key: string) => (typeof o[key] === 'string' && o[key] !== '' ? (o[key] as string) : null);
    return {
      line: index + 1,
      slug: str('slug') ?? '',
      nameVi: str('nameVi') ?? '',
      nameEn: str('nameEn'),
      kind: str('kind') ?? '',
      parent: str('parent'),
      validFrom: str('validFrom'),
      primaryHost: str('primaryHost'),
      aliasHosts: Array.isArray(o.aliasHosts) ? o.aliasHosts.filter((h): h is string => typeof h === 'string' && h !== '') : [],
    };
  });
}

function fromCsv(text: string): TenantImportRow[] {
  const records = readCsv(text);
  const header = records.shift()?.map((h) => h.trim().toLowerCase());
  if (!header) return [];
  const missing = ['slug', 'name_vi', 'kind'].filter((c) => !header.includes(c));
  if (missing.length > 0) throw new InputError(`The CSV header lacks ${missing.join(', ')} (columns: ${COLUMNS.join(',')})`);
  const unknown = header.filter((h) => !(COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0) throw new InputError(`Unknown CSV columns: ${unknown.join(', ')} (columns: ${COLUMNS.join(',')})`);
  return records
    .map((cells, index) => ({ cells, line: index + 2 }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ''))
    .map(({ cells, line }) => {
      const get = (column: (typeof COLUMNS)[number]) => {
        const i = header.indexOf(column);
        const value = i === -1 ? '' : (cells[i] ?? '').trim();
        return value === '' ? null : value;
      };
      return {
        line,
        slug: get('slug') ?? '',
        nameVi: get('name_vi') ?? '',
        nameEn: get('name_en'),
        kind: get('kind') ?? '',
        parent: get('parent'),
        validFrom: get('valid_from'),
        primaryHost: get('primary_host'),
        aliasHosts: (get('alias_hosts') ?? '').split(';').map((h) => h.trim()).filter(Boolean),
      };
    });
}

/** The shared RFC 4180 reader, with its error as the import's 400. */
function readCsv(text: string): string[][] {
  try {
    return parseCsv(text);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
}
