import { fold } from '@cong/sdk';

/** A kind of personal data the detector finds (QA-04, CORE-11). */
export type PersonalDataKind = 'name' | 'address' | 'email' | 'phone' | 'id-number' | 'licence-plate';

/** One finding: where it is in the text (UTF-16 offsets, end exclusive) and what it is. */
export interface Finding {
  readonly kind: PersonalDataKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** What the record knows about the asker: their name and address are found even when written without diacritics. */
export interface KnownPerson {
  readonly name?: string | null;
  readonly address?: string | null;
}

// Patterns on the text as written. Each guards its edges so it does not match inside a longer number,
// a date (`12/05/2023`), a document number (`41/2019/QĐ-UBND`) or an amount (`1.500.000 đồng`).
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** 0xxx xxx xxx (10 digits) or 02xx xxxx xxx (11), or +84 / 84 / 0084 then 9–10 digits; spaces, dots or dashes between groups. */
const PHONE = /(?<![\d/.,\w-])(?:\+84|0084|84(?=[\s.-]?[1-9]\d{2}[\s.-]?\d{3}[\s.-]?\d{3}(?![\d/]))|0)[\s.-]?[1-9](?:[\s.-]?\d){7,9}(?![\d/]|[.,]\d)/g;
/** CCCD (12 digits) and CMND (9 digits), written plain or in groups of 3 or 4. */
const ID_NUMBER = /(?<![\d/.,\w-])(?:\d{12}|\d{9}|\d{3}[ .]\d{3}[ .]\d{3}(?:[ .]\d{3})?|\d{4}[ .]\d{4}[ .]\d{4})(?![\d/]|[.,]\d)/g;
/** Words after a number that make it an amount, an area or a count, not an identity number. */
const QUANTITY_AFTER = /^\s*(?:đồng|đ\b|vnđ|vnd|usd|triệu|tỷ|nghìn|ngàn|m2|m²|ha\b|km|người|hộ\b|%)/i;
/** Vietnamese plates: `74A-123.45`, `74A1-234.56`, `29LD-123.45`, `51F 12345`. */
const LICENCE_PLATE = /(?<![\w/-])\d{2}[A-Z]{1,2}\d?[- ]?\d{3}\.?\d{2}(?![\w/])/g;

/**
 * Finds personal data in a question or an answer: the asker's name and address from the record (also
 * without diacritics or in another case), e-mail addresses, Vietnamese phone numbers, citizen identity
 * numbers (CCCD 12 digits, CMND 9) and licence plates. A proposal for a person to review, not a
 * guarantee: names of other people are not recognised, so the reviewer reads the whole text.
 */
export function findPersonalData(text: string, person: KnownPerson = {}): Finding[] {
  const found: Finding[] = [];
  const add = (kind: PersonalDataKind, start: number, end: number) => found.push({ kind, start, end, text: text.slice(start, end) });

  for (const m of text.matchAll(EMAIL)) add('email', m.index, m.index + m[0].length);
  for (const m of text.matchAll(PHONE)) add('phone', m.index, m.index + m[0].length);
  for (const m of text.matchAll(ID_NUMBER)) {
    if (QUANTITY_AFTER.test(text.slice(m.index + m[0].length))) continue;
    add('id-number', m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(LICENCE_PLATE)) add('licence-plate', m.index, m.index + m[0].length);
  for (const phrase of namePhrases(person.name)) for (const [start, end] of findFolded(text, phrase)) add('name', start, end);
  for (const phrase of addressPhrases(person.address)) for (const [start, end] of findFolded(text, phrase)) add('address', start, end);

  // Overlaps: the earliest wins, then the longest; what it covers is dropped.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Finding[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) continue;
    out.push(f);
  }
  return out;
}

/** The text with every finding replaced by `mask`. */
export function maskFindings(text: string, findings: readonly Finding[], mask: string): string {
  let out = '';
  let at = 0;
  for (const f of findings) {
    out += text.slice(at, f.start) + mask;
    at = f.end;
  }
  return out + text.slice(at);
}

/** The full name, and its last two words when it has three or more ("Thị Lan" of "Nguyễn Thị Lan"). */
function namePhrases(name: string | null | undefined): string[] {
  const words = (name ?? '').trim().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return [];
  const phrases = [words.join(' ')];
  if (words.length >= 3) phrases.push(words.slice(-2).join(' '));
  return phrases;
}

/** The whole address, and each comma-separated part with a house number ("Số 12 đường Hùng Vương"). */
function addressPhrases(address: string | null | undefined): string[] {
  const whole = (address ?? '').trim();
  if (whole.length < 6) return [];
  const parts = whole.split(/[,;]/).map((p) => p.trim()).filter((p) => /\d/.test(p) && p.length >= 6);
  return [whole, ...parts.filter((p) => p !== whole)];
}

/**
 * Where `phrase` occurs in `text` compared folded (no diacritics, đ→d, lower case, runs of spaces as
 * one), as whole words; offsets are the original text's.
 */
function findFolded(text: string, phrase: string): [number, number][] {
  const needle = fold(phrase).replace(/\s+/g, ' ').trim();
  if (needle === '') return [];
  // Fold the text one code point at a time, remembering where each folded character came from.
  let folded = '';
  const origin: number[] = [];
  let offset = 0;
  for (const ch of text) {
    let f = fold(ch);
    if (/\s/.test(f)) f = ' ';
    if (f === ' ' && folded.endsWith(' ')) {
      offset += ch.length;
      continue;
    }
    for (let i = 0; i < f.length; i++) origin.push(offset);
    folded += f;
    offset += ch.length;
  }
  origin.push(offset);
  const out: [number, number][] = [];
  const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  let from = 0;
  for (;;) {
    const at = folded.indexOf(needle, from);
    if (at < 0) break;
    const end = at + needle.length;
    if (!isWord(folded[at - 1]) && !isWord(folded[end])) out.push([origin[at]!, origin[end]!]);
    from = at + 1;
  }
  return out;
}
