import { describe, expect, it } from 'vitest';
import { compareTexts, normalizeForComparison, tokenizeForComparison, type TextComparison } from '../src/comparison/index.js';
import { gazetteDocumentText } from './fixtures/gazette-documents.js';

/** A small deterministic generator (mulberry32), so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** About `words` words of decision text: the fixture's articles, repeated with their numbers changed. */
function longDecision(words: number): string[] {
  const body = gazetteDocumentText().filter((paragraph) => paragraph.startsWith('Điều') || paragraph.startsWith('Căn cứ'));
  const out: string[] = [];
  let count = 0;
  for (let article = 1; count < words; article++) {
    const paragraph = body[article % body.length]!.replace(/^Điều \d+/u, `Điều ${article}`);
    out.push(paragraph);
    count += paragraph.split(/\s+/u).length;
  }
  return out;
}

/** The equal and deleted segments rebuild the original's words, the equal and inserted ones the copy's. */
function expectRebuilds(comparison: TextComparison, original: string, electronic: string): void {
  const side = (keep: 'delete' | 'insert') =>
    comparison.segments
      .filter((segment) => segment.op === 'equal' || segment.op === keep)
      .map((segment) => segment.text)
      .join(' ');
  expect(side('delete')).toBe(normalizeForComparison(original));
  expect(side('insert')).toBe(normalizeForComparison(electronic));
}

describe('normalisation for comparison', () => {
  it('ignores whitespace, Unicode form, dash and quote styles, soft hyphens and invisible characters', () => {
    const original = 'Điều 3.  Thời hạn\u00A0là “15 ngày” – kể từ\tngày ký.';
    const variants = [
      'Điều 3. Thời hạn là "15 ngày" - kể từ ngày ký.',
      'Điều 3.\nThời hạn là “15 ngày” — kể\r\ntừ ngày ký.'.normalize('NFD'),
      'Điều 3. Thời\u200B hạn là «15 ngày» − kể từ ngày k\u00ADý.',
    ];
    for (const variant of variants) expect(compareTexts(original, variant), variant).toMatchObject({ identical: true, similarity: 1 });
  });

  it('composes legacy decomposed Vietnamese (vowel with mark, then a combining tone)', () => {
    expect(normalizeForComparison('Vie\u0302\u0323t Nam quye\u0302\u0301t \u0111i\u0323nh')).toBe('Việt Nam quyết định');
  });

  it('joins words broken across lines by a hyphen, keeping it, and by a soft hyphen, dropping it', () => {
    expect(normalizeForComparison('Tờ trình số 215/TTr-\nSKHCN ngày 02')).toBe('Tờ trình số 215/TTr-SKHCN ngày 02');
    expect(normalizeForComparison('Inter\u00AD\nnet')).toBe('Internet');
    // A dash between words, or a hyphen not at a line end, is left alone.
    expect(normalizeForComparison('Độc lập -\nTự do')).toBe('Độc lập - Tự do');
    expect(normalizeForComparison('QĐ- UBND')).toBe('QĐ- UBND');
  });

  it('keeps offsets into the text as given', () => {
    const text = 'Số:  41/2026/QĐ-\nUBND ngày';
    const tokens = tokenizeForComparison(text);
    expect(tokens.map((token) => token.text)).toEqual(['Số:', '41/2026/QĐ-UBND', 'ngày']);
    expect(text.slice(tokens[1]!.start, tokens[1]!.end)).toBe('41/2026/QĐ-\nUBND');
  });

  it('counts letter case and punctuation, since a law must match exactly', () => {
    expect(compareTexts('Điều 1. Phạm vi', 'điều 1. Phạm vi').discrepancies).toMatchObject([{ original: 'Điều', electronic: 'điều' }]);
    expect(compareTexts('ngày 15; tháng', 'ngày 15, tháng').discrepancies).toMatchObject([{ original: '15;', electronic: '15,' }]);
    expect(compareTexts('hòa', 'hoà').identical).toBe(false);
  });
});

describe('compareTexts', () => {
  it('reports additions and omissions with context', () => {
    const original = 'Các sở, ban, ngành cấp tỉnh có trách nhiệm thi hành Quyết định này.';
    const withCommunes = 'Các sở, ban, ngành cấp tỉnh và cấp xã có trách nhiệm thi hành Quyết định này.';
    const added = compareTexts(original, withCommunes);
    expect(added.discrepancies).toEqual([
      {
        original: '',
        electronic: 'và cấp xã',
        before: 'sở, ban, ngành cấp tỉnh',
        after: 'có trách nhiệm thi hành',
        originalSpan: { start: original.indexOf(' có'), end: original.indexOf(' có') },
        electronicSpan: { start: withCommunes.indexOf('và'), end: withCommunes.indexOf(' có') },
      },
    ]);
    const omitted = compareTexts(original, 'Các sở, ban, ngành có trách nhiệm thi hành Quyết định này.');
    expect(omitted.discrepancies).toMatchObject([{ original: 'cấp tỉnh', electronic: '', before: 'Các sở, ban, ngành', after: 'có trách nhiệm thi hành' }]);
  });

  it('groups changes a word or two apart into one discrepancy, and keeps distant ones apart', () => {
    const base = ['Căn cứ Luật Tổ chức chính quyền địa phương;', ...longDecision(300), 'Chủ tịch Ủy ban nhân dân tỉnh chịu trách nhiệm thi hành.'];
    const near = compareTexts('một hai ba bốn năm sáu bảy tám chín mười', 'một hai BA bốn NĂM sáu bảy tám chín mười');
    expect(near.discrepancies).toMatchObject([{ original: 'ba bốn năm', electronic: 'BA bốn NĂM' }]);
    const changed = [...base];
    changed[0] = 'Căn cứ Bộ Luật Tổ chức chính quyền địa phương;';
    changed[changed.length - 1] = 'Chủ tịch Ủy ban nhân dân thành phố chịu trách nhiệm thi hành.';
    const far = compareTexts(base.join('\n'), changed.join('\n'));
    expect(far.discrepancies.map((d) => [d.original, d.electronic])).toEqual([
      ['', 'Bộ'],
      ['tỉnh', 'thành phố'],
    ]);
  });

  it('handles empty texts', () => {
    expect(compareTexts('', '')).toMatchObject({ identical: true, similarity: 1, segments: [], discrepancies: [] });
    expect(compareTexts('', 'Điều 1.')).toMatchObject({ identical: false, similarity: 0, segments: [{ op: 'insert', text: 'Điều 1.' }] });
    expect(compareTexts('Điều 1.', '  \n')).toMatchObject({ identical: false, similarity: 0, segments: [{ op: 'delete', text: 'Điều 1.' }] });
  });

  it('finds a minimal edit script on random edits of two 10-page documents (~6,000 words each)', () => {
    const next = random(20260312);
    const paragraphs = longDecision(6000);
    const original = paragraphs.join('\n');
    const words = original.split(/\s+/u);
    expect(words.length).toBeGreaterThanOrEqual(6000);
    for (let round = 0; round < 5; round++) {
      const edited = [...words];
      const edits = 1 + Math.floor(next() * 40);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(next() * edited.length);
        const kind = next();
        if (kind < 0.33) edited.splice(at, 1);
        else if (kind < 0.66) edited.splice(at, 0, 'CHÈN');
        else edited[at] = 'THAY';
      }
      const electronic = edited.join(' ');
      const comparison = compareTexts(original, electronic);
      expectRebuilds(comparison, original, electronic);
      expect(comparison.tooDifferent).toBe(false);
      // Each edit costs at most two word operations, so the similarity cannot fall below this.
      const total = words.length + edited.length;
      expect(comparison.similarity).toBeGreaterThanOrEqual(1 - (2 * edits) / total);
      expect(comparison.discrepancies.length).toBeGreaterThan(0);
      expect(comparison.discrepancies.length).toBeLessThanOrEqual(edits);
    }
  });

  it('agrees with a brute-force longest common subsequence on small random texts', () => {
    const next = random(41);
    const vocabulary = ['Điều', '1.', 'ngày', 'tháng', 'năm', 'Ủy', 'ban', 'và', 'của', '15'];
    const text = (length: number) => Array.from({ length }, () => vocabulary[Math.floor(next() * vocabulary.length)]!);
    for (let round = 0; round < 200; round++) {
      const a = text(Math.floor(next() * 14));
      const b = text(Math.floor(next() * 14));
      const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) lcs[i]![j] = a[i - 1] === b[j - 1] ? lcs[i - 1]![j - 1]! + 1 : Math.max(lcs[i - 1]![j]!, lcs[i]![j - 1]!);
      }
      const comparison = compareTexts(a.join(' '), b.join(' '));
      expectRebuilds(comparison, a.join(' '), b.join(' '));
      const shared = comparison.segments.filter((s) => s.op === 'equal').reduce((n, s) => n + s.text.split(' ').length, 0);
      expect(shared, `${a.join(' ')} / ${b.join(' ')}`).toBe(lcs[a.length]![b.length]);
    }
  });

  it('reports an unrelated pair as too different instead of exploring every path', () => {
    const next = random(7);
    const syllables = ['quy', 'định', 'thông', 'tin', 'điện', 'tử', 'cơ', 'quan', 'nhà', 'nước', 'hành', 'chính', 'công', 'dân'];
    const text = () => Array.from({ length: 6000 }, () => syllables[Math.floor(next() * syllables.length)]).join(' ');
    const original = `Điều 1. ${text()} Nơi nhận:`;
    const electronic = `Điều 1. ${longDecision(6000).join(' ')} Nơi nhận:`;
    const comparison = compareTexts(original, electronic);
    expect(comparison.tooDifferent).toBe(true);
    expect(comparison.identical).toBe(false);
    expect(comparison.similarity).toBeLessThan(0.01);
    expect(comparison.segments.map((segment) => segment.op)).toEqual(['equal', 'delete', 'insert', 'equal']);
    expectRebuilds(comparison, original, electronic);
    expect(comparison.discrepancies).toHaveLength(1);
  });
});
