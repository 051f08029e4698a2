import { defineSchema, escapeHtml as e } from '@cong/sdk';

/** Entries a public list page shows (consultations, dialogues). */
export const PUBLIC_PAGE_SIZE = 20;

/** `?trang=N` of a public list, as the Q&A list takes it (1…5000). */
export const publicPageQuery = defineSchema<{ trang?: number }>({
  type: 'object',
  additionalProperties: false,
  properties: { trang: { type: 'integer', minimum: 1, maximum: 5000 } },
});

/** How many pages `total` entries make (at least one: an empty list is page 1 of 1). */
export function pageCount(total: number, size = PUBLIC_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/**
 * The pager under a public list, as on `/hoi-dap`: previous and next links with `rel="prev"` and
 * `rel="next"`, and "Trang N/M"; nothing when there is one page. `path` is the list's address.
 */
export function pagerHtml(path: string, page: number, pages: number): string {
  if (pages <= 1) return '';
  const link = (p: number) => e(p > 1 ? `${path}?trang=${p}` : path);
  return (
    `<nav aria-label="Phân trang / Pages"><ul class="pager">` +
    (page > 1 ? `<li><a href="${link(page - 1)}" rel="prev">‹ Trang trước <span class="en" lang="en">(Previous)</span></a></li>` : '') +
    `<li aria-current="page">Trang ${page}/${pages} <span class="en" lang="en">(Page ${page} of ${pages})</span></li>` +
    (page < pages ? `<li><a href="${link(page + 1)}" rel="next">Trang sau <span class="en" lang="en">(Next)</span> ›</a></li>` : '') +
    `</ul></nav>`
  );
}
