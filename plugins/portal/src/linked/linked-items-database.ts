import type { ContentDatabase } from '../content/content-database.js';
import type { LinkedItemKind } from './linked-items-service.js';

/** Kysely table types of the linked-items area (`portal_linked_items`). Times are epoch milliseconds. */
export interface LinkedItemsDatabase {
  portal_linked_items: {
    id: string;
    /** The unit whose site shows the item. */
    tenant_id: string;
    source_tenant_id: string;
    article_id: string;
    kind: LinkedItemKind;
    /** A category of `tenant_id` the item is listed in; null: the unit's latest lists only. */
    category_id: string | null;
    origin_id: string;
    listed_at: number;
    removed_at: number | null;
    created_at: number;
    updated_at: number;
  };
}

export type LinkedItemRow = LinkedItemsDatabase['portal_linked_items'];

/** What the area's queries read: its own table and the articles it links to. */
export type LinkedTables = LinkedItemsDatabase & ContentDatabase;
