// A small reader for one PDF object written in clear (ISO 32000-1 §7.3): enough to read a signature
// dictionary without loading the whole document, whose objects may be rewritten by later incremental
// updates. Every loop is bounded by the input, and nesting is capped, so hostile bytes cannot hang it.

/** A PDF value as read here. Names keep their leading slash off; strings stay bytes. */
export type PdfValue =
  | number
  | boolean
  | null
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'string'; readonly bytes: Uint8Array }
  | { readonly kind: 'ref'; readonly id: number; readonly generation: number }
  | { readonly kind: 'keyword'; readonly keyword: string }
  | readonly PdfValue[]
  | ReadonlyMap<string, PdfValue>;

const MAX_DEPTH = 32;

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

class Reader {
  position: number;
  constructor(
    readonly bytes: Uint8Array,
    start: number,
    readonly end: number,
  ) {
    this.position = start;
  }

  skipWhitespace(): void {
    while (this.position < this.end) {
      const byte = this.bytes[this.position]!;
      if (WHITESPACE.has(byte)) this.position++;
      else if (byte === 0x25) {
        while (this.position < this.end && this.bytes[this.position] !== 0x0a && this.bytes[this.position] !== 0x0d) this.position++;
      } else return;
    }
  }

  peek(offset = 0): number | undefined {
    const at = this.position + offset;
    return at < this.end ? this.bytes[at] : undefined;
  }

  value(depth: number): PdfValue {
    if (depth > MAX_DEPTH) throw new Error('nested too deeply');
    this.skipWhitespace();
    const byte = this.peek();
    if (byte === undefined) throw new Error('unexpected end');
    if (byte === 0x3c && this.peek(1) === 0x3c) return this.dictionary(depth);
    if (byte === 0x3c) return this.hexString();
    if (byte === 0x28) return this.literalString();
    if (byte === 0x2f) return { kind: 'name', name: this.name() };
    if (byte === 0x5b) return this.array(depth);
    const token = this.regularToken();
    if (token === '') throw new Error(`unexpected byte ${byte} at ${this.position}`);
    if (token === 'true') return true;
    if (token === 'false') return false;
    if (token === 'null') return null;
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(token)) {
      const number = Number(token);
      // "12 0 R" is an indirect reference.
      if (/^\d+$/.test(token)) {
        const saved = this.position;
        this.skipWhitespace();
        const generation = this.regularToken();
        this.skipWhitespace();
        if (/^\d+$/.test(generation) && this.regularToken() === 'R') return { kind: 'ref', id: number, generation: Number(generation) };
        this.position = saved;
      }
      return number;
    }
    return { kind: 'keyword', keyword: token };
  }

  regularToken(): string {
    const start = this.position;
    while (this.position < this.end) {
      const byte = this.bytes[this.position]!;
      if (WHITESPACE.has(byte) || DELIMITERS.has(byte)) break;
      this.position++;
    }
    return Buffer.from(this.bytes.subarray(start, this.position)).toString('latin1');
  }

  name(): string {
    this.position++; // the slash
    const raw = this.regularToken();
    return raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }

  dictionary(depth: number): ReadonlyMap<string, PdfValue> {
    this.position += 2;
    const entries = new Map<string, PdfValue>();
    for (;;) {
      this.skipWhitespace();
      if (this.peek() === undefined) throw new Error('unterminated dictionary');
      if (this.peek() === 0x3e && this.peek(1) === 0x3e) {
        this.position += 2;
        return entries;
      }
      if (this.peek() !== 0x2f) throw new Error(`dictionary key expected at ${this.position}`);
      const key = this.name();
      entries.set(key, this.value(depth + 1));
    }
  }

  array(depth: number): readonly PdfValue[] {
    this.position++;
    const items: PdfValue[] = [];
    for (;;) {
      this.skipWhitespace();
      if (this.peek() === undefined) throw new Error('unterminated array');
      if (this.peek() === 0x5d) {
        this.position++;
        return items;
      }
      items.push(this.value(depth + 1));
    }
  }

  hexString(): PdfValue {
    this.position++;
    const start = this.position;
    const close = this.bytes.indexOf(0x3e, start);
    if (close === -1 || close >= this.end) throw new Error('unterminated hex string');
    this.position = close + 1;
    const hex = Buffer.from(this.bytes.subarray(start, close)).toString('latin1').replace(/[\s]/g, '');
    if (!/^[0-9A-Fa-f]*$/.test(hex)) throw new Error('bad hex string');
    return { kind: 'string', bytes: new Uint8Array(Buffer.from(hex.length % 2 === 0 ? hex : `${hex}0`, 'hex')) };
  }

  literalString(): PdfValue {
    this.position++;
    const out: number[] = [];
    let nesting = 0;
    while (this.position < this.end) {
      const byte = this.bytes[this.position++]!;
      if (byte === 0x5c) {
        const next = this.bytes[this.position++];
        if (next === undefined) break;
        const simple: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
        if (next in simple) out.push(simple[next]!);
        else if (next >= 0x30 && next <= 0x37) {
          let octal = next - 0x30;
          for (let i = 0; i < 2 && (this.peek() ?? 0) >= 0x30 && (this.peek() ?? 0) <= 0x37; i++) octal = octal * 8 + (this.bytes[this.position++]! - 0x30);
          out.push(octal & 0xff);
        } else if (next === 0x0d) {
          if (this.peek() === 0x0a) this.position++;
        } else if (next !== 0x0a) out.push(next);
      } else if (byte === 0x28) {
        nesting++;
        out.push(byte);
      } else if (byte === 0x29) {
        if (nesting === 0) return { kind: 'string', bytes: new Uint8Array(out) };
        nesting--;
        out.push(byte);
      } else if (byte === 0x0d) {
        // An unescaped end of line inside a string reads as a single LF.
        if (this.peek() === 0x0a) this.position++;
        out.push(0x0a);
      } else out.push(byte);
    }
    throw new Error('unterminated string');
  }
}

/** Reads the value that starts at `start` (after skipping whitespace), looking no further than `end`. */
export function readPdfValue(bytes: Uint8Array, start: number, end = bytes.length): PdfValue {
  return new Reader(bytes, start, Math.min(end, bytes.length)).value(0);
}

export function isDictionary(value: PdfValue | undefined): value is ReadonlyMap<string, PdfValue> {
  return value instanceof Map;
}

export function stringBytes(value: PdfValue | undefined): Uint8Array | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map) && 'kind' in value && value.kind === 'string'
    ? value.bytes
    : null;
}

export function nameOf(value: PdfValue | undefined): string | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map) && 'kind' in value && value.kind === 'name'
    ? value.name
    : null;
}
