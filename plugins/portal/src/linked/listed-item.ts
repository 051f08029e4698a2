import { coreServices, type TenantInfo } from '@cong/sdk';
import { html, type SafeHtml } from '../site/html.js';
import type { Site } from '../site/site-context.js';
import type { PublicArticleRow } from '../site/site-queries.js';
import type { LinkedItemKind } from './linked-items-service.js';
import { linkedItemPath, unitArticleUrl } from './unit-site-url.js';

/** The address of a listed row on the showing site: its own article's `/tin/<slug>`, a linked item's `/tin-lien-ket/<id>`. */
export function listedPath(row: Pick<PublicArticleRow, 'slug' | 'link'>): string {
  return row.link ? linkedItemPath(row.link.id) : `/tin/${row.slug}`;
}

/** The source units of the linked rows, by id (one lookup per unit; a unit deleted since is absent). */
export async function sourceUnits(site: Site, rows: readonly Pick<PublicArticleRow, 'link'>[]): Promise<Map<string, TenantInfo>> {
  const out = new Map<string, TenantInfo>();
  const tenancy = site.ctx.get(coreServices.tenancy);
  for (const row of rows) {
    const id = row.link?.sourceTenantId;
    if (id === undefined || out.has(id)) continue;
    const unit = await tenancy.get(id);
    if (unit) out.set(id, unit);
  }
  return out;
}

/**
 * What says where a linked item comes from: "Nguồn: <unit>" linking to the source article (an article
 * accepted from a unit below), or "Tin từ <unit>" (provincial content broadcast from above).
 */
export function linkedMark(site: Site, kind: LinkedItemKind, unit: TenantInfo | undefined, sourceSlug: string): SafeHtml {
  const name = unit ? site.pair(unit.nameVi, unit.nameEn) : { text: site.t('đơn vị khác', 'another unit'), lang: site.lang };
  const lang = name.lang === site.lang ? null : html` lang="${name.lang}"`;
  if (kind === 'broadcast') return html`<span class="provincial" data-linked="broadcast">${site.t('Tin từ', 'From')} ${lang ? html`<span${lang}>${name.text}</span>` : name.text}</span>`;
  const source = unit ? unitArticleUrl(unit, sourceSlug, { from: site, lang: site.lang }) : null;
  return html`<span class="source" data-linked="syndicated">${site.t('Nguồn', 'Source')}: ${source ? html`<a href="${source}"${lang}>${name.text}</a>` : lang ? html`<span${lang}>${name.text}</span>` : name.text}</span>`;
}

/** The marks of a list's linked rows, by link id. */
export async function listedMarks(site: Site, rows: readonly PublicArticleRow[]): Promise<Map<string, SafeHtml>> {
  const units = await sourceUnits(site, rows);
  const out = new Map<string, SafeHtml>();
  for (const row of rows) if (row.link) out.set(row.link.id, linkedMark(site, row.link.kind, units.get(row.link.sourceTenantId), row.slug));
  return out;
}
