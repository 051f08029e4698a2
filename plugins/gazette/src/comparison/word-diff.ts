import { tokenizeForComparison, type TextToken } from './normalize-text.js';

/** A run of words the two texts share (`equal`), only the original has (`delete`) or only the electronic copy has (`insert`). */
export interface DiffSegment {
  readonly op: 'equal' | 'insert' | 'delete';
  /** The normalised words, joined by single spaces. */
  readonly text: string;
}

/** Offsets into the text given to {@link compareTexts}; `start === end` where words are missing on that side. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** One place where the electronic copy differs from the original, with a few words of context. */
export interface Discrepancy {
  /** The original's words here (`''` when the electronic copy adds words). */
  readonly original: string;
  /** The electronic copy's words here (`''` when it leaves words out). */
  readonly electronic: string;
  /** The words just before, as both texts have them. */
  readonly before: string;
  /** The words just after, as both texts have them. */
  readonly after: string;
  /** Where `original` sits in the original text as given, for showing it in context. */
  readonly originalSpan: TextSpan;
  /** Where `electronic` sits in the electronic text as given. */
  readonly electronicSpan: TextSpan;
}

/** The result of {@link compareTexts}. */
export interface TextComparison {
  /** Same words in the same order (after normalisation). */
  readonly identical: boolean;
  /**
   * 2 × shared words / (words of both), from 0 to 1. When {@link tooDifferent}, a lower bound: only the
   * shared beginning and end are counted.
   */
  readonly similarity: number;
  /**
   * The texts differ in more words than the limit ({@link CompareTextsOptions.maxEditRatio}): the
   * search stopped early, and the middle is reported as one deletion and one insertion.
   */
  readonly tooDifferent: boolean;
  readonly segments: readonly DiffSegment[];
  readonly discrepancies: readonly Discrepancy[];
}

/** Options of {@link compareTexts}. */
export interface CompareTextsOptions {
  /**
   * Give up when the words to delete and insert exceed this share of all words of both texts, and
   * report the pair as too different. Bounds time and memory for unrelated files. Default 0.5.
   */
  readonly maxEditRatio?: number;
  /** Words of context on each side of a discrepancy. Default 5. */
  readonly contextWords?: number;
  /** Changes separated by at most this many shared words form one discrepancy. Default 2. */
  readonly mergeGap?: number;
}

const OP_EQUAL = 0;
const OP_DELETE = 1;
const OP_INSERT = 2;
type Op = typeof OP_EQUAL | typeof OP_DELETE | typeof OP_INSERT;

/**
 * Compares the original's text with the electronic copy's, word by word (GAZ-14). Case and punctuation
 * count, since a law's text must match exactly; whitespace, line breaks, Unicode normalisation form,
 * dash and quote styles, soft hyphens and words hyphenated across lines do not.
 *
 * Myers' O(ND) algorithm in linear space (the middle-snake bisection), after trimming the shared
 * beginning and end: two 10-page documents with a few changes take milliseconds, and an unrelated pair
 * stops at the edit limit instead of exploring every path.
 *
 * @example
 * ```ts
 * const result = compareTexts('thời hạn 15 ngày làm việc', 'thời hạn 10 ngày làm việc');
 * result.discrepancies[0] // { original: '15', electronic: '10', before: 'thời hạn', after: 'ngày làm việc', … }
 * ```
 */
export function compareTexts(original: string, electronic: string, options: CompareTextsOptions = {}): TextComparison {
  const maxEditRatio = options.maxEditRatio ?? 0.5;
  const contextWords = options.contextWords ?? 5;
  const mergeGap = options.mergeGap ?? 2;
  const left = tokenizeForComparison(original);
  const right = tokenizeForComparison(electronic);
  const [a, b] = toIds(left, right);
  const total = a.length + b.length;
  // Small pairs are always compared in full: the limit is there for time and memory, not to judge.
  const maxEdits = Math.max(64, Math.ceil(maxEditRatio * total));
  const script = new EditScript();
  const tooDifferent = !diffTopLevel(a, b, maxEdits, script);
  const ops = script.ops;
  let shared = 0;
  for (const op of ops) if (op === OP_EQUAL) shared++;
  return {
    identical: ops.every((op) => op === OP_EQUAL),
    similarity: total === 0 ? 1 : (2 * shared) / total,
    tooDifferent,
    segments: buildSegments(ops, left, right),
    discrepancies: buildDiscrepancies(ops, left, right, contextWords, mergeGap),
  };
}

function toIds(left: readonly TextToken[], right: readonly TextToken[]): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const idOf = (token: TextToken) => {
    let id = ids.get(token.text);
    if (id === undefined) ids.set(token.text, (id = ids.size));
    return id;
  };
  return [Int32Array.from(left, idOf), Int32Array.from(right, idOf)];
}

/** The edit script, one op per word: equal consumes a word of both texts, delete of the original, insert of the copy. */
class EditScript {
  readonly ops: Op[] = [];
  push(op: Op, count: number): void {
    for (let i = 0; i < count; i++) this.ops.push(op);
  }
}

/** Returns false when the pair needs more than `maxEdits` edits; the script then holds a plain replacement of the middle. */
function diffTopLevel(a: Int32Array, b: Int32Array, maxEdits: number, script: EditScript): boolean {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  script.push(OP_EQUAL, prefix);
  const aHi = a.length - suffix;
  const bHi = b.length - suffix;
  let withinLimit = true;
  if (aHi - prefix > 0 && bHi - prefix > 0) {
    // The forward and reverse searches meet after about D/2 steps each.
    const split = bisect(a, prefix, aHi, b, prefix, bHi, Math.ceil(maxEdits / 2) + 1);
    if (split === 'limit') {
      withinLimit = false;
      script.push(OP_DELETE, aHi - prefix);
      script.push(OP_INSERT, bHi - prefix);
    } else {
      splitAndRecurse(a, prefix, aHi, b, prefix, bHi, split, script);
    }
  } else {
    script.push(OP_DELETE, aHi - prefix);
    script.push(OP_INSERT, bHi - prefix);
  }
  script.push(OP_EQUAL, suffix);
  return withinLimit;
}

function diffRange(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number, script: EditScript): void {
  let prefix = 0;
  while (aLo + prefix < aHi && bLo + prefix < bHi && a[aLo + prefix] === b[bLo + prefix]) prefix++;
  let suffix = 0;
  while (aLo + prefix < aHi - suffix && bLo + prefix < bHi - suffix && a[aHi - 1 - suffix] === b[bHi - 1 - suffix]) suffix++;
  script.push(OP_EQUAL, prefix);
  const lo1 = aLo + prefix;
  const hi1 = aHi - suffix;
  const lo2 = bLo + prefix;
  const hi2 = bHi - suffix;
  if (hi1 === lo1 || hi2 === lo2) {
    script.push(OP_DELETE, hi1 - lo1);
    script.push(OP_INSERT, hi2 - lo2);
  } else {
    splitAndRecurse(a, lo1, hi1, b, lo2, hi2, bisect(a, lo1, hi1, b, lo2, hi2, Number.POSITIVE_INFINITY), script);
  }
  script.push(OP_EQUAL, suffix);
}

function splitAndRecurse(
  a: Int32Array,
  aLo: number,
  aHi: number,
  b: Int32Array,
  bLo: number,
  bHi: number,
  split: Split | 'limit' | 'none',
  script: EditScript,
): void {
  if (split === 'limit' || split === 'none') {
    script.push(OP_DELETE, aHi - aLo);
    script.push(OP_INSERT, bHi - bLo);
    return;
  }
  diffRange(a, aLo, aLo + split.x, b, bLo, bLo + split.y, script);
  diffRange(a, aLo + split.x, aHi, b, bLo + split.y, bHi, script);
}

interface Split {
  readonly x: number;
  readonly y: number;
}

/**
 * Finds the middle snake of the shortest edit script between a[aLo, aHi) and b[bLo, bHi) (both
 * non-empty) by running Myers' search from both ends at once (as in Neil Fraser's diff-match-patch).
 * Memory is O(min(D, N + M)); `'limit'` when no path with fewer than about 2 × `dLimit` edits exists.
 */
function bisect(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number, dLimit: number): Split | 'limit' | 'none' {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const maxD = Math.ceil((n + m) / 2);
  const limit = Math.min(maxD, dLimit);
  const offset = limit + 1;
  const length = 2 * limit + 3;
  const v1 = new Int32Array(length).fill(-1);
  const v2 = new Int32Array(length).fill(-1);
  v1[offset + 1] = 0;
  v2[offset + 1] = 0;
  const delta = n - m;
  // With an odd delta the paths meet while extending the forward search, else the reverse one.
  const front = delta % 2 !== 0;
  let k1start = 0;
  let k1end = 0;
  let k2start = 0;
  let k2end = 0;
  for (let d = 0; d < limit; d++) {
    for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
      const k1Offset = offset + k1;
      let x1 = k1 === -d || (k1 !== d && v1[k1Offset - 1]! < v1[k1Offset + 1]!) ? v1[k1Offset + 1]! : v1[k1Offset - 1]! + 1;
      let y1 = x1 - k1;
      while (x1 < n && y1 < m && a[aLo + x1] === b[bLo + y1]) {
        x1++;
        y1++;
      }
      v1[k1Offset] = x1;
      if (x1 > n) k1end += 2;
      else if (y1 > m) k1start += 2;
      else if (front) {
        const k2Offset = offset + delta - k1;
        if (k2Offset >= 0 && k2Offset < length && v2[k2Offset] !== -1 && x1 >= n - v2[k2Offset]!) return { x: x1, y: y1 };
      }
    }
    for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
      const k2Offset = offset + k2;
      let x2 = k2 === -d || (k2 !== d && v2[k2Offset - 1]! < v2[k2Offset + 1]!) ? v2[k2Offset + 1]! : v2[k2Offset - 1]! + 1;
      let y2 = x2 - k2;
      while (x2 < n && y2 < m && a[aHi - 1 - x2] === b[bHi - 1 - y2]) {
        x2++;
        y2++;
      }
      v2[k2Offset] = x2;
      if (x2 > n) k2end += 2;
      else if (y2 > m) k2start += 2;
      else if (!front) {
        const k1Offset = offset + delta - k2;
        if (k1Offset >= 0 && k1Offset < length && v1[k1Offset] !== -1) {
          const x1 = v1[k1Offset]!;
          const y1 = offset + x1 - k1Offset;
          if (x1 >= n - x2) return { x: x1, y: y1 };
        }
      }
    }
  }
  return limit < maxD ? 'limit' : 'none';
}

function buildSegments(ops: readonly Op[], left: readonly TextToken[], right: readonly TextToken[]): DiffSegment[] {
  const segments: DiffSegment[] = [];
  let i = 0;
  let j = 0;
  let k = 0;
  while (k < ops.length) {
    if (ops[k] === OP_EQUAL) {
      const words: string[] = [];
      while (k < ops.length && ops[k] === OP_EQUAL) {
        words.push(left[i++]!.text);
        j++;
        k++;
      }
      segments.push({ op: 'equal', text: words.join(' ') });
      continue;
    }
    // A change: everything up to the next shared word, deletions first.
    const deleted: string[] = [];
    const inserted: string[] = [];
    while (k < ops.length && ops[k] !== OP_EQUAL) {
      if (ops[k] === OP_DELETE) deleted.push(left[i++]!.text);
      else inserted.push(right[j++]!.text);
      k++;
    }
    if (deleted.length) segments.push({ op: 'delete', text: deleted.join(' ') });
    if (inserted.length) segments.push({ op: 'insert', text: inserted.join(' ') });
  }
  return segments;
}

interface Change {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

function buildDiscrepancies(
  ops: readonly Op[],
  left: readonly TextToken[],
  right: readonly TextToken[],
  contextWords: number,
  mergeGap: number,
): Discrepancy[] {
  const changes: Change[] = [];
  let i = 0;
  let j = 0;
  let k = 0;
  while (k < ops.length) {
    if (ops[k] === OP_EQUAL) {
      i++;
      j++;
      k++;
      continue;
    }
    const change: Change = { aStart: i, aEnd: i, bStart: j, bEnd: j };
    while (k < ops.length && ops[k] !== OP_EQUAL) {
      if (ops[k] === OP_DELETE) i++;
      else j++;
      k++;
    }
    change.aEnd = i;
    change.bEnd = j;
    const previous = changes.at(-1);
    // Shared words between two changes are the same count on both sides.
    if (previous && change.aStart - previous.aEnd <= mergeGap) {
      previous.aEnd = change.aEnd;
      previous.bEnd = change.bEnd;
    } else {
      changes.push(change);
    }
  }
  const words = (tokens: readonly TextToken[], from: number, to: number) =>
    tokens
      .slice(Math.max(0, from), Math.max(0, to))
      .map((token) => token.text)
      .join(' ');
  const span = (tokens: readonly TextToken[], from: number, to: number): TextSpan => {
    if (to > from) return { start: tokens[from]!.start, end: tokens[to - 1]!.end };
    // Nothing on this side: an empty span where the words would go.
    const at = from > 0 ? tokens[from - 1]!.end : (tokens[0]?.start ?? 0);
    return { start: at, end: at };
  };
  return changes.map((change) => ({
    original: words(left, change.aStart, change.aEnd),
    electronic: words(right, change.bStart, change.bEnd),
    before: words(left, change.aStart - contextWords, change.aStart),
    after: words(left, change.aEnd, change.aEnd + contextWords),
    originalSpan: span(left, change.aStart, change.aEnd),
    electronicSpan: span(right, change.bStart, change.bEnd),
  }));
}
