import { sql, type Kysely } from 'kysely';

/**
 * sites_links: each outbound link (http/https) found in a unit's published articles and pages, with
 * what the link checker last saw (POR-21). `url_hash` (sha-256 of the address) keys it per unit, since
 * addresses are too long for a MySQL index. `failures` counts consecutive failed runs: two make it
 * `broken`. sites_link_occurrences: where a link appears (article or page, its title and path).
 * Times are epoch ms.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sites_links')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('url_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('url', 'varchar(2000)', (c) => c.notNull())
    .addColumn('host', 'varchar(253)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('http_status', 'integer')
    .addColumn('error', 'varchar(500)')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_checked_at', 'bigint')
    .addColumn('first_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('sites_links_status_check', sql`status in ('unchecked', 'ok', 'failing', 'broken')`)
    .execute();
  await db.schema.createIndex('sites_links_url_uq').on('sites_links').columns(['tenant_id', 'url_hash']).unique().execute();
  await db.schema.createIndex('sites_links_status_idx').on('sites_links').columns(['tenant_id', 'status']).execute();
  await db.schema.createIndex('sites_links_checked_idx').on('sites_links').columns(['last_checked_at']).execute();
  await db.schema
    .createTable('sites_link_occurrences')
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('link_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('item_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('item_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('title', 'varchar(1000)', (c) => c.notNull())
    .addColumn('path', 'varchar(1000)', (c) => c.notNull())
    .addPrimaryKeyConstraint('sites_link_occurrences_pk', ['link_id', 'item_type', 'item_id'])
    .addCheckConstraint('sites_link_occurrences_type_check', sql`item_type in ('article', 'page')`)
    .execute();
  await db.schema.createIndex('sites_link_occurrences_unit_idx').on('sites_link_occurrences').columns(['tenant_id', 'link_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sites_link_occurrences').execute();
  await db.schema.dropTable('sites_links').execute();
}
