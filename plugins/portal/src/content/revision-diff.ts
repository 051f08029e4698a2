import { normalizeText } from '@cong/sdk';
import { sanitizeRichText } from '../html/sanitize-html.js';

/** One run of a word-level diff: text kept, removed from the older revision, or added in the newer. */
export interface DiffPart {
  readonly op: 'equal' | 'delete' | 'insert';
  readonly text: string;
}

/** How one field differs between two revisions. `words` is given for text fields that changed. */
export interface FieldDiff {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly words?: readonly DiffPart[];
}

/** Above this many token pairs, a changed text is shown as one deletion and one insertion. */
const MAX_CELLS = 4_000_000;

/** Splits text into words, whitespace runs and HTML tags, so a diff never cuts a tag in half. */
function tokenize(text: string): string[] {
  return text.match(/<[^>]*>|\s+|[^\s<]+/g) ?? [];
}

/** Word-level diff (longest common subsequence over tokens); adjacent runs of one kind are merged. */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  // Common prefix and suffix first: edits are usually local, and it keeps the table small.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    if (text === '') return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) parts[parts.length - 1] = { op, text: last.text + text };
    else parts.push({ op, text });
  };
  push('equal', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) {
    push('delete', midA.join(''));
    push('insert', midB.join(''));
  } else {
    // lcs[i][j]: length of the LCS of midA[i..] and midB[j..].
    const n = midA.length;
    const m = midB.length;
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i]![j] = midA[i] === midB[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i] === midB[j]) {
        push('equal', midA[i++]!);
        j++;
      } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push('delete', midA[i++]!);
      else push('insert', midB[j++]!);
    }
    while (i < n) push('delete', midA[i++]!);
    while (j < m) push('insert', midB[j++]!);
  }
  push('equal', a.slice(endA).join(''));
  return parts;
}

/** Text fields (also `translations.en.body`) get a word diff; everything else is compared as JSON. */
const TEXT_FIELDS = new Set(['title', 'summary', 'body']);

/** The fields that differ between two snapshots, in a stable order. */
/** Two revisions' snapshots compared field by field, translations as `translations.<lang>.<field>`. */
export function diffRevisionSnapshots<S extends { readonly translations: Readonly<Record<string, string>> }>(before: S, after: S): FieldDiff[] {
  return diffSnapshots(flatten(before), flatten(after));
}

function flatten(snapshot: { readonly translations: Readonly<Record<string, string>> }): Record<string, unknown> {
  const { translations, ...fields } = snapshot;
  const out: Record<string, unknown> = { ...fields };
  for (const [key, value] of Object.entries(translations)) out[`translations.${key}`] = value;
  return out;
}

function diffSnapshots(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): FieldDiff[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const out: FieldDiff[] = [];
  for (const field of fields) {
    const x = before[field] ?? null;
    const y = after[field] ?? null;
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    if (TEXT_FIELDS.has(field.slice(field.lastIndexOf('.') + 1)) && typeof x === 'string' && typeof y === 'string') out.push({ field, before: x, after: y, words: diffWords(x, y) });
    else out.push({ field, before: x, after: y });
  }
  return out;
}

/** A stored revision (of an article or a page) as the API lists it: number, action, author, time and the status it recorded. */
export function revisionSummary<S extends string>(row: { readonly revision_no: number; readonly action: string; readonly author_id: string; readonly created_at: number; readonly snapshot: string }) {
  return {
    revision: Number(row.revision_no),
    action: row.action,
    authorId: row.author_id,
    createdAt: new Date(Number(row.created_at)).toISOString(),
    status: (JSON.parse(row.snapshot) as { status: S }).status,
  };
}

/**
 * The translations input that puts back a revision's translations (`lang.field` → text in its
 * snapshot): translations the revision lacked are removed, which an empty string does.
 */
export function translationsToRestore<F extends string>(
  current: Readonly<Record<string, Readonly<Partial<Record<F, unknown>>>>>,
  snapshot: Readonly<Record<string, string>>,
): Record<string, Partial<Record<F, string>>> {
  const out: Record<string, Partial<Record<F, string>>> = {};
  for (const [lang, fields] of Object.entries(current)) for (const field of Object.keys(fields)) (out[lang] ??= {})[field as F] = '';
  for (const [key, value] of Object.entries(snapshot)) {
    const [lang, field] = key.split('.') as [string, F];
    (out[lang] ??= {})[field] = value;
  }
  return out;
}

/**
 * Writes the translated fields a request sent (articles and pages alike): bodies through the rich-text
 * sanitiser, other fields as plain normalised text. `set` stores one field with the Vietnamese it was
 * translated from, so a later change of the Vietnamese makes it stale.
 */
export async function writeTranslatedFields<F extends string>(
  fields: readonly F[],
  translations: Readonly<Record<string, Partial<Record<F, string>>>> | undefined,
  set: (lang: string, field: F, clean: string) => Promise<void>,
): Promise<void> {
  for (const [lang, values] of Object.entries(translations ?? {})) {
    for (const field of fields) {
      const value = values[field];
      if (value === undefined) continue;
      await set(lang, field, field === 'body' ? sanitizeRichText(value) : normalizeText(value).trim());
    }
  }
}
