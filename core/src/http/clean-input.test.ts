import { describe, expect, it } from 'vitest';
import { cleanInput, MAX_INPUT_DEPTH } from './clean-input.js';
import { findOpenObjects } from './find-open-objects.js';

describe('cleanInput', () => {
  it('normalises every string to NFC in place', () => {
    const nfd = 'Nguye\u0302\u0303n';
    const { value, issues } = cleanInput({ name: nfd, list: [nfd, { deep: nfd }] }, 'body');
    expect(issues).toEqual([]);
    expect(value).toEqual({ name: 'Nguyễn', list: ['Nguyễn', { deep: 'Nguyễn' }] });
  });

  it('refuses lone surrogates, NUL and deep nesting, pointing at the value', () => {
    expect(cleanInput({ a: ['ok', '\ud800'] }, 'body').issues).toMatchObject([{ pointer: '/a/1', keyword: 'unicode' }]);
    expect(cleanInput({ 'x/y': 'a\u0000b' }, 'body').issues).toMatchObject([{ pointer: '/x~1y', message: 'contains a NUL character' }]);
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const { issues } = cleanInput(deep, 'body');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain(`${MAX_INPUT_DEPTH} levels`);
  });
});

describe('findOpenObjects', () => {
  it('finds every object schema that does not close its properties', () => {
    expect(
      findOpenObjects({
        type: 'object',
        additionalProperties: false,
        properties: {
          open: { type: 'object', properties: { a: { type: 'string' } } },
          list: { type: 'array', items: { type: 'object', properties: {} } },
          closed: { type: 'object', unevaluatedProperties: false },
          map: { type: 'object', additionalProperties: { type: 'string' } },
        },
      }),
    ).toEqual(['#/properties/open', '#/properties/list/items']);
  });
});
