// Finds the signatures of a PDF in its raw bytes. A signature's /ByteRange and /Contents are about file
// offsets, so they are read from the bytes themselves rather than from a parsed object model: that is
// also how an incremental update appended after signing shows up (bytes beyond the last range).
import { createHash } from 'node:crypto';
import type { LocalizedText } from './localized-text.js';
import { decodePdfTextString } from './pdf-text-string.js';
import { isDictionary, nameOf, readPdfValue, stringBytes, type PdfValue } from './pdf-object-reader.js';

/** Signatures beyond this many are not examined (a real issue carries one or two). */
const MAX_SIGNATURES = 50;
/** A /Contents longer than this (hex digits) is not decoded: no real CMS comes near 1 MiB. */
export const MAX_CONTENTS_HEX = 2 * 1024 * 1024;
/** How far before /ByteRange the object header of the signature dictionary is looked for. */
const HEADER_WINDOW = 16_384;
/** How far past /ByteRange and /Contents the rest of a signature dictionary is read. */
const DICTIONARY_TAIL = 65_536;

/** What the signature dictionary says, besides the byte range and the signature itself. */
export interface SignatureDictionaryEntries {
  readonly subFilter: string | null;
  readonly reason: string | null;
  readonly name: string | null;
  readonly location: string | null;
  readonly contactInfo: string | null;
  /** The /M entry as an ISO 8601 string. */
  readonly signedAt: string | null;
}

/** One signature as found in the bytes of a PDF. */
export interface FoundSignature {
  /** Offset of the `/ByteRange` key. */
  readonly offset: number;
  /** `[start1, length1, start2, length2]`, or null when unreadable. */
  readonly byteRange: readonly [number, number, number, number] | null;
  /** The DER signature (zero padding included), or null when the gap is not a usable hex string. */
  readonly contents: Uint8Array | null;
  /** Bytes after the end of the second range (an incremental update after signing when > 0). */
  readonly bytesAfter: number;
  readonly entries: SignatureDictionaryEntries;
  /** Structural problems; empty when the byte range and /Contents are well formed. */
  readonly problems: readonly LocalizedText[];
}

const EMPTY_ENTRIES: SignatureDictionaryEntries = { subFilter: null, reason: null, name: null, location: null, contactInfo: null, signedAt: null };

/** Every `/ByteRange` in the file, with its checks. Never throws. */
export function findSignatures(pdf: Uint8Array): FoundSignature[] {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const found: FoundSignature[] = [];
  let from = 0;
  while (found.length < MAX_SIGNATURES) {
    const offset = bytes.indexOf('/ByteRange', from, 'latin1');
    if (offset === -1) break;
    from = offset + 10;
    // "/ByteRangeX" is another name.
    const after = bytes[offset + 10];
    if (after !== undefined && !isDelimiterOrSpace(after)) continue;
    found.push(examine(bytes, offset));
  }
  return found;
}

function examine(bytes: Buffer, offset: number): FoundSignature {
  const problems: LocalizedText[] = [];
  const byteRange = readByteRange(bytes, offset + 10);
  if (byteRange === null) {
    problems.push({
      vi: 'Không đọc được /ByteRange của chữ ký (có thể là chỗ dành sẵn chưa được ký).',
      en: 'The signature /ByteRange cannot be read (perhaps an unsigned placeholder).',
    });
    return { offset, byteRange: null, contents: null, bytesAfter: 0, entries: EMPTY_ENTRIES, problems };
  }

  const [start1, length1, start2, length2] = byteRange;
  const end1 = start1 + length1;
  const end2 = start2 + length2;
  if (start1 !== 0 || length1 <= 0 || start2 <= end1 + 1 || end2 > bytes.length) {
    problems.push({
      vi: `/ByteRange [${byteRange.join(' ')}] không hợp lệ với tệp dài ${bytes.length} byte.`,
      en: `/ByteRange [${byteRange.join(' ')}] does not fit a file of ${bytes.length} bytes.`,
    });
    return { offset, byteRange, contents: null, bytesAfter: 0, entries: EMPTY_ENTRIES, problems };
  }

  // The one gap must be exactly the hex string of /Contents, or the unsigned bytes could hide content.
  const contents = readGap(bytes, end1, start2, problems);
  if (contents !== null && !precededByContentsKey(bytes, end1)) {
    problems.push({
      vi: 'Phần không được ký trong tệp không phải là giá trị /Contents của chữ ký.',
      en: 'The unsigned part of the file is not the signature’s /Contents value.',
    });
  }
  const entries = readEntries(bytes, offset, byteRange) ?? EMPTY_ENTRIES;
  return { offset, byteRange, contents, bytesAfter: bytes.length - end2, entries, problems };
}

/** Hashes the two byte ranges a signature covers, without copying them. */
export function hashSignedRanges(pdf: Uint8Array, byteRange: readonly [number, number, number, number], algorithm: string): Uint8Array {
  const [start1, length1, start2, length2] = byteRange;
  const hash = createHash(algorithm);
  hash.update(pdf.subarray(start1, start1 + length1));
  hash.update(pdf.subarray(start2, start2 + length2));
  return new Uint8Array(hash.digest());
}

function readByteRange(bytes: Buffer, from: number): [number, number, number, number] | null {
  const window = bytes.subarray(from, Math.min(bytes.length, from + 128)).toString('latin1');
  const match = /^\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]/.exec(window);
  if (match === null) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])];
}

function readGap(bytes: Buffer, start: number, end: number, problems: LocalizedText[]): Uint8Array | null {
  const length = end - start;
  if (length - 2 > MAX_CONTENTS_HEX) {
    problems.push({
      vi: `Giá trị /Contents quá lớn (${length} byte) để là một chữ ký.`,
      en: `The /Contents value is too large (${length} bytes) to be a signature.`,
    });
    return null;
  }
  const gap = bytes.subarray(start, end).toString('latin1');
  if (!/^<[0-9A-Fa-f]*>$/.test(gap) || gap.length % 2 !== 0) {
    problems.push({
      vi: 'Phần không được ký trong tệp không phải là một chuỗi hex <…> duy nhất.',
      en: 'The unsigned part of the file is not a single hex string <…>.',
    });
    return null;
  }
  return new Uint8Array(Buffer.from(gap.slice(1, -1), 'hex'));
}

function precededByContentsKey(bytes: Buffer, gapStart: number): boolean {
  let at = gapStart - 1;
  while (at >= 0 && isSpace(bytes[at]!)) at--;
  return at >= 8 && bytes.subarray(at - 8, at + 1).toString('latin1') === '/Contents';
}

/** Reads the dictionary that holds this /ByteRange, if it is an ordinary `n g obj << … >>`. */
function readEntries(bytes: Buffer, offset: number, byteRange: readonly number[]): SignatureDictionaryEntries | null {
  // When /Contents comes before /ByteRange, look for the object header before the (long) hex string.
  const gapStart = byteRange[1]!;
  const anchor = gapStart < offset ? gapStart : offset;
  const windowStart = Math.max(0, anchor - HEADER_WINDOW);
  const window = bytes.subarray(windowStart, anchor).toString('latin1');
  let header: RegExpExecArray | null = null;
  for (const match of window.matchAll(/\d+\s+\d+\s+obj\b/g)) header = match;
  if (header === null) return null;
  let value: PdfValue;
  try {
    // A signature dictionary is small; reading stops a little past the /Contents hex string.
    const limit = Math.max(offset, byteRange[2]!) + DICTIONARY_TAIL;
    value = readPdfValue(bytes, windowStart + header.index + header[0].length, limit);
  } catch {
    return null;
  }
  if (!isDictionary(value)) return null;
  const range = value.get('ByteRange');
  if (!Array.isArray(range) || range.some((n, i) => n !== byteRange[i])) return null;
  const text = (key: string) => {
    const raw = stringBytes(value.get(key));
    return raw === null ? null : decodePdfTextString(raw);
  };
  const m = text('M');
  return {
    subFilter: nameOf(value.get('SubFilter')),
    reason: text('Reason'),
    name: text('Name'),
    location: text('Location'),
    contactInfo: text('ContactInfo'),
    signedAt: m === null ? null : parsePdfDate(m),
  };
}

/** `D:YYYYMMDDHHmmSSOHH'mm'` (ISO 32000-1 §7.9.4) → ISO 8601 UTC; null when malformed. */
export function parsePdfDate(text: string): string | null {
  const match = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(?:(\d{2})'?(\d{2})?'?)?)?/.exec(text.trim());
  if (match === null) return null;
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', sign, offsetHours = '00', offsetMinutes = '00'] = match;
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  const offset = (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  const time = sign === '+' ? utc - offset : sign === '-' ? utc + offset : utc;
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x00;
}

function isDelimiterOrSpace(byte: number): boolean {
  return isSpace(byte) || '()<>[]{}/%'.includes(String.fromCharCode(byte));
}
