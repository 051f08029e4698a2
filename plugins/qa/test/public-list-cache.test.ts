import { respond, type RouteResponse } from '@cong/sdk';
import { describe, expect, it } from 'vitest';
import { PublicListCache } from '../src/answers/public-list-cache.js';

function setup(options: { maxEntries?: number } = {}) {
  let now = 1_000_000;
  let fingerprint = 'a';
  let renders = 0;
  let reads = 0;
  const cache = new PublicListCache({ maxEntries: options.maxEntries ?? 10, checkEveryMs: 1_000, ttlMs: 60_000, now: () => now });
  const get = (key: string, status = 200): Promise<RouteResponse> =>
    cache.page('p1', key, async () => (reads++, fingerprint), async () => (renders++, respond(status, `page ${key} #${renders}`)));
  return {
    cache,
    get,
    advance: (ms: number) => (now += ms),
    change: (value: string) => (fingerprint = value),
    counts: () => ({ renders, reads }),
  };
}

describe('the public Q&A list cache', () => {
  it('renders a page once and serves it again while the publications are unchanged', async () => {
    const s = setup();
    expect((await s.get('k')).body).toBe('page k #1');
    expect((await s.get('k')).body).toBe('page k #1');
    s.advance(5_000);
    expect((await s.get('k')).body).toBe('page k #1');
    expect(s.counts()).toEqual({ renders: 1, reads: 2 });
  });

  it('drops a province\'s pages at once when this process changes a publication', async () => {
    const s = setup();
    await s.get('k');
    s.cache.invalidate('p1');
    expect((await s.get('k')).body).toBe('page k #2');
  });

  it('sees another process\'s change within a second, through the fingerprint', async () => {
    const s = setup();
    await s.get('k');
    s.change('b');
    expect((await s.get('k')).body).toBe('page k #1'); // checked less than a second ago
    s.advance(1_001);
    expect((await s.get('k')).body).toBe('page k #2');
  });

  it('renders again after the age limit, keeps no error page, and holds at most maxEntries pages', async () => {
    const s = setup({ maxEntries: 2 });
    await s.get('k');
    s.advance(60_001);
    expect((await s.get('k')).body).toBe('page k #2');
    await s.get('missing', 404);
    await s.get('missing', 404);
    expect(s.counts().renders).toBe(4);
    await s.get('x');
    await s.get('y'); // k is the least recently used: dropped
    expect((await s.get('k')).body).toMatch(/#7$/);
  });
});
