import { expect, it } from 'vitest';
import { parseQuery } from './search-query.js';
import { makeSnippet, snippetFinder } from './snippet.js';

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
