import { escapeXml } from '@cong/sdk';
import { DOCUMENT_TYPES } from '../intake/document-types.js';
import type { ListedDocument } from './gazette-reads.js';
import type { PublicSite } from './public-site.js';

/** Entries in a feed: the newest documents; readers poll, they do not page. */
export const FEED_ENTRIES = 50;

/** The Atom-specified form of a date: RFC 3339 in UTC. */
function rfc3339(ms: number): string {
  return new Date(Number(ms)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * An Atom 1.0 feed (RFC 4287) of published documents: feed `id`, `title`, `updated`, `author`, a
 * `self` link; each entry its ELI URI as `id` and `alternate` link, `title`, `updated`, `published`,
 * `summary`, and its type as a `category`. Every text is escaped.
 */
export function atomFeed(site: PublicSite, feed: { readonly title: string; readonly selfPath: string }, docs: readonly ListedDocument[]): string {
  const updated = docs.reduce((max, d) => Math.max(max, Number(d.updated_at)), 0);
  const x = escapeXml;
  const entries = docs.map((d) => {
    const url = site.url(d.eli_path);
    const type = DOCUMENT_TYPES[d.document_type]?.vi ?? d.document_type;
    return `<entry>
<id>${x(url)}</id>
<title>${x(`${type} ${d.number_symbol}`)}</title>
<link rel="alternate" type="text/html" href="${x(url)}"/>
<updated>${rfc3339(Number(d.updated_at))}</updated>
<published>${rfc3339(Number(d.published_at))}</published>
<author><name>${x(d.issuing_agency)}</name></author>
<category term="${x(d.document_type)}" label="${x(type)}"/>
<summary type="text">${x(d.summary)}</summary>
</entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
<id>${x(site.url(feed.selfPath))}</id>
<title>${x(feed.title)}</title>
<updated>${rfc3339(updated || Date.UTC(2000, 0, 1))}</updated>
<author><name>${x(`Công báo ${site.office.nameVi}`)}</name></author>
<link rel="self" type="application/atom+xml" href="${x(site.url(feed.selfPath))}"/>
<link rel="alternate" type="text/html" href="${x(site.url('/cong-bao'))}"/>
${entries.join('\n')}
</feed>
`;
}
