/** Cells a spreadsheet would run as a formula (also their full-width forms): `=`, `+`, `-`, `@`, tab, CR. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * One RFC 4180 field for exports opened in spreadsheets: quoted when it holds a comma, quote or line
 * break, and prefixed with `'` when it would start a formula (CSV injection, OWASP). `null` is empty.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const raw = String(value);
  const text = typeof value === 'string' && FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (CRLF-terminated) of cells. */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/**
 * Reads CSV text (RFC 4180) into records of cells: quoted fields may hold commas, doubled quotes and
 * line breaks; lines end in CRLF or LF; a leading byte-order mark is dropped. Cells are returned as
 * written (not trimmed); an unterminated quoted field throws a `TypeError` naming the line it started on.
 *
 * @example
 * ```ts
 * parseCsv('slug,name_vi\r\nxa-a,"Xã A, huyện cũ"\r\n') // [['slug', 'name_vi'], ['xa-a', 'Xã A, huyện cũ']]
 * ```
 */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 1;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\n') line++;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      if (ch === '\r') line++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new TypeError(`The CSV ends inside a quoted field opened on line ${quoteLine}`);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
