import { escapeXml as x } from '@cong/sdk';
import type { PublicNotice } from '../api/index.js';
import { KIND_LABELS, STATUS_LABELS } from '../notices/notice-labels.js';
import { money } from './notice-pages.js';
import { BASE, type PublicBase } from './public-layout.js';

/** Entries in the feed: readers poll the newest, they do not page. */
export const FEED_ENTRIES = 30;

const rfc3339 = (iso: string) => iso.replace(/\.\d{3}Z$/, 'Z');

/** Atom 1.0 (RFC 4287): the unit's newest public notices; every text escaped, every URL absolute. */
export function noticeFeed(base: PublicBase, notices: readonly PublicNotice[]): string {
  const site = `${base.origin}${base.prefix}${BASE}`;
  const updated = notices.reduce((max, n) => (n.updatedAt > max ? n.updatedAt : max), '2000-01-01T00:00:00.000Z');
  const entries = notices.map((n) => {
    const url = `${site}/${n.slug}`;
    return `<entry>
<id>${x(url)}</id>
<title>${x(n.name)}</title>
<link rel="alternate" type="text/html" href="${x(url)}"/>
<updated>${rfc3339(n.updatedAt)}</updated>
<published>${rfc3339(n.publishedAt)}</published>
<category term="${x(n.kind)}" label="${x(KIND_LABELS[n.kind].vi)}"/>
<summary type="text">${x(`${KIND_LABELS[n.kind].vi} — ${STATUS_LABELS[n.status].vi} — ${money(n.budgetVnd)}. ${n.objective}`)}</summary>
</entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
<id>${x(`${site}/feed.atom`)}</id>
<title>${x(`Đầu tư công, mua sắm công — ${base.tenant.nameVi}`)}</title>
<updated>${rfc3339(updated)}</updated>
<author><name>${x(base.tenant.nameVi)}</name></author>
<link rel="self" type="application/atom+xml" href="${x(`${site}/feed.atom`)}"/>
<link rel="alternate" type="text/html" href="${x(site)}"/>
${entries.join('\n')}
</feed>
`;
}
