import { describe, expect, it } from 'vitest';
import { ArticleCounts } from './article-counts.js';

describe('ArticleCounts', () => {
  it('counts once per unit and filter until the time to live passes or the unit changes', async () => {
    let now = 0;
    let n = 10;
    let calls = 0;
    const count = async () => (calls++, n);
    const counts = new ArticleCounts({ ttlMs: 1_000, now: () => now });
    expect(await counts.total('a', '', count)).toBe(10);
    n = 11;
    expect(await counts.total('a', '', count)).toBe(10);
    expect(calls).toBe(1);
    expect(await counts.total('a', 'cat', count)).toBe(11);
    expect(await counts.total('b', '', count)).toBe(11);
    expect(calls).toBe(3);
    counts.invalidate('a');
    expect(await counts.total('a', '', count)).toBe(11);
    expect(await counts.total('b', '', count)).toBe(11);
    expect(calls).toBe(4);
    n = 12;
    now = 1_000;
    expect(await counts.total('b', '', count)).toBe(12);
  });

  it('does not keep a total counted while the unit changed', async () => {
    const counts = new ArticleCounts();
    let n = 5;
    const slow = counts.total('a', '', async () => {
      counts.invalidate('a'); // a publication commits while this count runs
      return n++;
    });
    expect(await slow).toBe(5);
    expect(await counts.total('a', '', async () => n)).toBe(6);
  });
});
