import { expect, it } from 'vitest';
import { parseQuery } from './search-query.js';
import { firstMatchAt, firstMatchByCharacters, makeSnippet, snippetFinder } from './snippet.js';

it('finds the first whole-word match even when a longer word starting with it ends a folded chunk', () => {
  // "sông" folds to "song": cut after "so" at a chunk end it must not pass for the word "số".
  const filler = 'x'.repeat(597);
  const body = `${filler} sông Thạch Hãn ${'y '.repeat(300)}bảng số liệu năm 2026`;
  const snippet = makeSnippet(body, snippetFinder(parseQuery('so ')));
  expect(snippet).toContain('số liệu');
  expect(snippet).not.toContain('sông');
});

it('takes the first match near the start without folding the rest of a long body', () => {
  const body = `Đăng ký hộ kinh doanh trực tuyến. ${'Nội dung dài. '.repeat(4000)}`;
  expect(makeSnippet(body, snippetFinder(parseQuery('dang ky'))).startsWith('Đăng ký hộ kinh doanh')).toBe(true);
});

it('finds a match past the first chunks, and in text whose folding changes its length (decomposed marks)', () => {
  const words = ['Ủy ban', 'nhân dân', 'tỉnh', 'Quảng Trị', 'triển khai', 'kế hoạch', 'năm', 'đường', 'giao thông'];
  for (let i = 0; i < 50; i++) {
    const before = Array.from({ length: 40 + i * 37 }, (_, k) => words[(k * 7 + i) % words.length]).join(' ');
    const body = `${before} sốt xuất huyết ${'phòng chống dịch bệnh '.repeat(20)}`;
    expect(makeSnippet(body, snippetFinder(parseQuery('sot xuat'))), `${before.length} characters before`).toMatch(/^… .*sốt xuất huyết/);
    // The same text with its marks decomposed (NFD): folding drops them, so positions are mapped one by one.
    const decomposed = body.normalize('NFD');
    expect(makeSnippet(decomposed, snippetFinder(parseQuery('sot xuat'))).normalize('NFC')).toContain('sốt xuất huyết');
  }
});

it('gives the start of the body when only the title matched', () => {
  const body = `Nội dung không nhắc tới từ khóa. ${'Thêm nội dung. '.repeat(200)}`;
  expect(makeSnippet(body, snippetFinder(parseQuery('dau tu cong')))).toMatch(/^Nội dung không nhắc tới từ khóa\..* …$/);
});

it('finds the same first match in the stored text as in its folded form, whatever the case and marks', () => {
  const words = ['Đắk Lắk', 'ĐĂNG KÝ', 'đăng ký', 'thường trú', 'sông', 'số', 'SỐ', 'so sánh', 'Sở', 'dân', 'Dẫn', 'dắt', 'quảng', 'Quang', 'ưu tiên', 'Ưu', 'y tế', 'Ý kiến', 'hồ sơ', '2026', 'năm'];
  const queries = ['dak lak', 'dang ky', 'so ', 'so', 'dan', 'quang tri', 'uu', 'y ', 'ho so', '2026', 'DAN', 'Đăng'];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < 300; i++) {
    const text = Array.from({ length: 5 + Math.floor(random() * 40) }, () => words[Math.floor(random() * words.length)]).join(random() < 0.5 ? ' ' : ', ');
    for (const q of queries) {
      const finder = snippetFinder(parseQuery(q));
      expect(firstMatchAt(text, finder), `${q} in ${text}`).toBe(firstMatchByCharacters(text, finder.folded));
    }
  }
});

it('skips a term inside a longer word, also after a letter outside the Basic Multilingual Plane', () => {
  const finder = snippetFinder(parseQuery('doi'));
  // "Chuyênđổi" and "𠀧đổi" (a CJK letter written as a surrogate pair) hold "đổi" inside a word.
  const text = 'Chuyênđổi chưa tính; 𠀧đổi cũng không; đổi mới thì có';
  expect(firstMatchAt(text, finder)).toBe(text.indexOf('đổi mới'));
  expect(firstMatchByCharacters(text, finder.folded)).toBe(text.indexOf('đổi mới'));
  // The same finder again (its expressions keep a position between uses): the same answer.
  expect(firstMatchAt(text, finder)).toBe(text.indexOf('đổi mới'));
  expect(firstMatchAt('đổi đầu tiên', finder)).toBe(0);
});
