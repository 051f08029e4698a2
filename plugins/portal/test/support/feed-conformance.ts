import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';

// Two readers of every feed: @rowanmanning/feed-parser (a lenient reader like the ones citizens use,
// so it shows what they would see) and the required elements of the specifications (RSS 2.0 board
// spec, RFC 4287, sitemaps.org 0.9), which a lenient reader alone would let slip.

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: true });
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const all = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const absolute = (u: string) => expect(() => new URL(u), `absolute URL: ${u}`).not.toThrow();

/** What a reader shows of one item. */
export interface ReadItem {
  readonly title: string | null;
  readonly url: string | null;
  readonly published: Date | null;
}

/** Checks an RSS 2.0 document and returns its items as a feed reader reads them. */
export function readRss(body: string): { title: string | null; language: string | null; items: ReadItem[] } {
  expect(XMLValidator.validate(body)).toBe(true);
  const doc = xml.parse(body) as { rss?: { '@version'?: string; channel?: Record<string, unknown> } };
  expect(doc.rss?.['@version']).toBe('2.0');
  const channel = doc.rss!.channel!;
  for (const required of ['title', 'link', 'description']) expect(channel[required], `channel/${required}`).toBeDefined();
  absolute(String(channel.link));
  if (channel.lastBuildDate !== undefined) expect(String(channel.lastBuildDate)).toMatch(RFC822);
  for (const item of all(channel.item as Record<string, unknown>[])) {
    expect(item.title ?? item.description, 'an item has a title or a description').toBeDefined();
    if (item.link !== undefined) absolute(String(item.link));
    if (item.pubDate !== undefined) expect(String(item.pubDate)).toMatch(RFC822);
    const guid = item.guid as { '#text': string; '@isPermaLink'?: string } | undefined;
    if (guid?.['@isPermaLink'] !== 'false' && guid) absolute(guid['#text']);
  }
  const feed = parseFeed(body);
  return { title: feed.title, language: feed.language, items: feed.items.map((i) => ({ title: i.title, url: i.url, published: i.published })) };
}

/** Checks an Atom (RFC 4287) document and returns its entries as a feed reader reads them. */
export function readAtom(body: string): { title: string | null; items: ReadItem[] } {
  expect(XMLValidator.validate(body)).toBe(true);
  const doc = xml.parse(body) as { feed?: Record<string, unknown> };
  const feed = doc.feed!;
  expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
  for (const required of ['id', 'title', 'updated']) expect(feed[required], `feed/${required}`).toBeDefined();
  expect(String(feed.updated)).toMatch(RFC3339);
  const entries = all(feed.entry as Record<string, unknown>[]);
  // §4.1.1: a feed without its own author needs one in every entry.
  if (feed.author === undefined) for (const e of entries) expect(e.author, 'entry author').toBeDefined();
  expect(all(feed.link as Record<string, string>[]).some((l) => l['@rel'] === 'self'), 'a self link').toBe(true);
  for (const e of entries) {
    for (const required of ['id', 'title', 'updated']) expect(e[required], `entry/${required}`).toBeDefined();
    expect(String(e.updated)).toMatch(RFC3339);
    if (e.published !== undefined) expect(String(e.published)).toMatch(RFC3339);
    // §4.1.2: an entry without content needs an alternate link.
    if (e.content === undefined) expect(all(e.link as Record<string, string>[]).some((l) => (l['@rel'] ?? 'alternate') === 'alternate')).toBe(true);
  }
  const parsed = parseFeed(body);
  return { title: parsed.title, items: parsed.items.map((i) => ({ title: i.title, url: i.url, published: i.published })) };
}

/** Checks a sitemap (urlset or index) against sitemaps.org 0.9 and returns its `loc`s. */
export function readSitemap(body: string): { kind: 'urlset' | 'index'; locs: string[] } {
  expect(XMLValidator.validate(body)).toBe(true);
  const doc = xml.parse(body) as { urlset?: Record<string, unknown>; sitemapindex?: Record<string, unknown> };
  const root = doc.urlset ?? doc.sitemapindex;
  expect(root?.['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
  const entries = all((doc.urlset ? root!.url : root!.sitemap) as Record<string, unknown>[]);
  expect(entries.length).toBeLessThanOrEqual(50_000);
  expect(Buffer.byteLength(body)).toBeLessThanOrEqual(50 * 1024 * 1024);
  for (const e of entries) {
    absolute(String(e.loc));
    if (e.lastmod !== undefined) expect(String(e.lastmod)).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/);
  }
  return { kind: doc.urlset ? 'urlset' : 'index', locs: entries.map((e) => String(e.loc)) };
}
