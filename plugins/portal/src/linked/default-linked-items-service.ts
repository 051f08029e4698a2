import { randomUUID } from 'node:crypto';
import { coreServices, InputError, type PluginContext } from '@cong/sdk';
import type { Transaction } from 'kysely';
import { PORTAL_ERR_LINK_EXISTS, PORTAL_ERR_LINK_SOURCE_NOT_PUBLISHED } from '../errors.js';
import { siteChanged } from '../site/site-events.js';
import { LinkedItemRepository } from './linked-item.repository.js';
import type { LinkedItemRow, LinkedTables } from './linked-items-database.js';
import type { LinkedItem, LinkedItemKind, LinkedItemsService, LinkedItemsWriteOptions } from './linked-items-service.js';
import { syncLinkedItems } from './linked-search.js';
import { linkedItemPath } from './unit-site-url.js';

type Db = LinkedTables;
type LinkInput = Parameters<LinkedItemsService['link']>[0];

const iso = (ms: number) => new Date(Number(ms)).toISOString();

export function toLinkedItem(row: LinkedItemRow): LinkedItem {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    kind: row.kind,
    sourceTenantId: row.source_tenant_id,
    articleId: row.article_id,
    categoryId: row.category_id,
    originId: row.origin_id,
    path: linkedItemPath(row.id),
    listedAt: iso(row.listed_at),
    removedAt: row.removed_at === null ? null : iso(row.removed_at),
  };
}

/** The portal's {@link LinkedItemsService}: rows in `portal_linked_items`, their search entries, and the page cache. */
export class DefaultLinkedItemsService implements LinkedItemsService {
  readonly #repo: LinkedItemRepository;

  constructor(private readonly ctx: PluginContext) {
    this.#repo = new LinkedItemRepository(ctx.get(coreServices.database).kysely<LinkedTables>());
  }

  async link(input: LinkInput, options: LinkedItemsWriteOptions = {}): Promise<LinkedItem[]> {
    const tenantIds = [...new Set(input.tenantIds)];
    if (tenantIds.includes(input.sourceTenantId)) {
      throw new InputError('A unit\'s own article is already on its site', { errors: [{ in: 'body', pointer: '/tenantIds', message: 'must not name the source unit', keyword: 'not' }] });
    }
    const rows = await this.#write(options, async (trx) => {
      const source = await trx.selectFrom('portal_articles').select('status').where('tenant_id', '=', input.sourceTenantId).where('id', '=', input.articleId).executeTakeFirst();
      if (source?.status !== 'published') throw PORTAL_ERR_LINK_SOURCE_NOT_PUBLISHED.create({ article: input.articleId, unit: input.sourceTenantId });
      const categoryId = input.categoryId ?? null;
      if (categoryId !== null) await checkCategory(trx, tenantIds, categoryId);
      const taken = (await this.#repo.byOrigin(input.kind, input.originId, trx)).find((r) => tenantIds.includes(r.tenant_id));
      if (taken) throw exists(taken.tenant_id, input.kind, input.originId);
      const now = Date.now();
      const rows: LinkedItemRow[] = tenantIds.map((tenantId) => ({
        id: randomUUID(),
        tenant_id: tenantId,
        source_tenant_id: input.sourceTenantId,
        article_id: input.articleId,
        kind: input.kind,
        category_id: categoryId,
        origin_id: input.originId,
        listed_at: now,
        removed_at: null,
        created_at: now,
        updated_at: now,
      }));
      // A unique-index race (two callers linking one origin at once) is the same 409 as the checked case.
      await this.#repo.insert(rows, trx).catch((error: unknown) => {
        const e = error as { code?: string; message?: string };
        if (e.code === 'ER_DUP_ENTRY' || /UNIQUE constraint failed/.test(e.message ?? '')) throw exists(tenantIds.join(', '), input.kind, input.originId);
        throw error;
      });
      await syncLinkedItems(this.ctx, rows, { trx });
      return rows;
    });
    return rows.map(toLinkedItem);
  }

  async unlink(input: { readonly kind: LinkedItemKind; readonly originId: string; readonly tenantIds?: readonly string[] }, options: LinkedItemsWriteOptions = {}): Promise<LinkedItem[]> {
    const rows = await this.#write(options, async (trx) => {
      const shown = (await this.#repo.byOrigin(input.kind, input.originId, trx)).filter((r) => r.removed_at === null && (input.tenantIds === undefined || input.tenantIds.includes(r.tenant_id)));
      const now = Date.now();
      await this.#repo.markRemoved(shown.map((r) => r.id), now, trx);
      const removed = shown.map((r) => ({ ...r, removed_at: now, updated_at: now }));
      await syncLinkedItems(this.ctx, removed, { trx });
      return removed;
    });
    return rows.map(toLinkedItem);
  }

  async byOrigin(kind: LinkedItemKind, originId: string): Promise<LinkedItem[]> {
    return (await this.#repo.byOrigin(kind, originId)).map(toLinkedItem);
  }

  async refresh(tenantIds: readonly string[]): Promise<void> {
    const events = this.ctx.get(coreServices.events);
    for (const tenantId of new Set(tenantIds)) await events.emit(siteChanged, { tenantId, area: 'linked' }, { tenantId });
  }

  /** Runs `work` in the caller's transaction, or in one of its own followed by the refresh of the units it touched. */
  async #write(options: LinkedItemsWriteOptions, work: (trx: Transaction<Db>) => Promise<LinkedItemRow[]>): Promise<LinkedItemRow[]> {
    if (options.trx) return work(options.trx as Transaction<Db>);
    const rows = await this.ctx.get(coreServices.database).transaction<Db, LinkedItemRow[]>(work);
    await this.refresh(rows.map((r) => r.tenant_id));
    return rows;
  }
}

async function checkCategory(trx: Transaction<Db>, tenantIds: readonly string[], categoryId: string): Promise<void> {
  const found = await trx.selectFrom('portal_categories').select('tenant_id').where('id', '=', categoryId).where('tenant_id', 'in', [...tenantIds]).execute();
  if (found.length !== tenantIds.length) {
    throw new InputError(`Category ${categoryId} is not a category of the showing unit`, { errors: [{ in: 'body', pointer: '/categoryId', message: 'no such category in this unit', keyword: 'exists' }] });
  }
}

function exists(unit: string, kind: LinkedItemKind, origin: string) {
  return PORTAL_ERR_LINK_EXISTS.create({ unit, kind, origin });
}
