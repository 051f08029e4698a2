// A small, strict reader of iCalendar (RFC 5545) text for the tests: it refuses what a lenient client
// would forgive (bare LF, lines over 75 octets, a UTF-8 sequence split by folding, unknown escapes,
// unescaped commas or semicolons in TEXT, unbalanced BEGIN/END), so the calendar tests check the format.
import { expect } from 'vitest';

export interface IcsProperty {
  readonly name: string;
  readonly params: string;
  readonly value: string;
}

export interface IcsComponent {
  readonly name: string;
  readonly properties: IcsProperty[];
  readonly components: IcsComponent[];
}

const TEXT_PROPERTIES = new Set(['SUMMARY', 'DESCRIPTION', 'LOCATION', 'NAME', 'X-WR-CALNAME', 'UID']);
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Unescapes a TEXT value; an unknown escape or an unescaped `,` or `;` fails the test. */
export function unescapeText(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === ',' || c === ';') throw new Error(`unescaped "${c}" in TEXT: ${raw}`);
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = raw[++i];
    if (next === 'n' || next === 'N') out += '\n';
    else if (next === '\\' || next === ',' || next === ';') out += next;
    else throw new Error(`unknown escape \\${next ?? ''} in TEXT: ${raw}`);
  }
  return out;
}

/** The physical lines, each checked: CRLF ends only, at most 75 octets, whole UTF-8 sequences. */
export function physicalLines(body: Buffer): string[] {
  const text = body.toString('utf8');
  expect(text.endsWith('\r\n'), 'the last line ends with CRLF').toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  let offset = 0;
  for (const line of lines) {
    expect(line, 'no bare CR or LF').not.toMatch(/[\r\n]/);
    const octets = Buffer.byteLength(line, 'utf8');
    expect(octets, `"${line}" is at most 75 octets`).toBeLessThanOrEqual(75);
    // Decoding each physical line alone fails if folding split a multi-byte sequence.
    expect(() => strictUtf8.decode(body.subarray(offset, offset + octets)), `"${line}" holds whole UTF-8 sequences`).not.toThrow();
    offset += octets + 2;
  }
  return lines;
}

/** Parses a VCALENDAR: unfolds, splits name, parameters and value, nests components; TEXT values unescaped. */
export function readCalendar(body: Buffer): IcsComponent {
  const logical: string[] = [];
  for (const line of physicalLines(body)) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      expect(logical.length, 'a continuation follows a line').toBeGreaterThan(0);
      logical[logical.length - 1] += line.slice(1);
    } else logical.push(line);
  }
  const stack: IcsComponent[] = [];
  let root: IcsComponent | undefined;
  for (const line of logical) {
    const match = /^([A-Za-z0-9-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    if (!match) throw new Error(`not a content line: ${line}`);
    const [, name, params, value] = match as unknown as [string, string, string, string];
    const upper = name.toUpperCase();
    if (upper === 'BEGIN') {
      const component: IcsComponent = { name: value, properties: [], components: [] };
      if (stack.length > 0) stack.at(-1)!.components.push(component);
      else if (root) throw new Error('a second top-level component');
      else root = component;
      stack.push(component);
    } else if (upper === 'END') {
      const open = stack.pop();
      if (!open || open.name !== value) throw new Error(`END:${value} closes ${open?.name ?? 'nothing'}`);
    } else {
      if (stack.length === 0) throw new Error(`a property outside any component: ${line}`);
      stack.at(-1)!.properties.push({ name: upper, params: params.replace(/^;/, ''), value: TEXT_PROPERTIES.has(upper) ? unescapeText(value) : value });
    }
  }
  if (!root || stack.length > 0) throw new Error('unbalanced BEGIN/END');
  return root;
}

/** The value of a property (the only one of its name), or undefined. */
export function prop(component: IcsComponent, name: string): string | undefined {
  const found = component.properties.filter((p) => p.name === name);
  if (found.length > 1) throw new Error(`${name} appears ${found.length} times`);
  return found[0]?.value;
}

/** The VEVENTs of a calendar. */
export const eventsOf = (calendar: IcsComponent) => calendar.components.filter((c) => c.name === 'VEVENT');
