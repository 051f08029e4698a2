import { sql, type Kysely } from 'kysely';

/**
 * sites_proposals: a unit's published article proposed to the province (TEN-07, syndication up). The
 * unit reads its proposals by `tenant_id`, the province its queue by `receiver_id`. `open_key` is
 * `<unit>:<article>` while the proposal is open (proposed or accepted) and null after, so a unique
 * index allows one open proposal per article on both dialects (NULLs never clash).
 * sites_proposal_events: every step with who, in which unit, when and why. Times are epoch ms.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sites_proposals')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('receiver_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('article_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('open_key', 'varchar(110)')
    .addColumn('note', 'varchar(2000)')
    .addColumn('reason', 'varchar(2000)')
    .addColumn('category_id', 'varchar(36)')
    .addColumn('link_id', 'varchar(36)')
    .addColumn('link_path', 'varchar(200)')
    .addColumn('proposed_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('proposed_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_by', 'varchar(191)')
    .addColumn('decided_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('sites_proposals_status_check', sql`status in ('proposed', 'accepted', 'rejected', 'withdrawn', 'revoked')`)
    .execute();
  await db.schema.createIndex('sites_proposals_open_uq').on('sites_proposals').column('open_key').unique().execute();
  await db.schema.createIndex('sites_proposals_unit_idx').on('sites_proposals').columns(['tenant_id', 'status', 'proposed_at']).execute();
  await db.schema.createIndex('sites_proposals_receiver_idx').on('sites_proposals').columns(['receiver_id', 'status', 'proposed_at']).execute();
  await db.schema.createIndex('sites_proposals_article_idx').on('sites_proposals').columns(['tenant_id', 'article_id']).execute();

  await db.schema
    .createTable('sites_proposal_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('proposal_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('receiver_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('action', 'varchar(20)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(191)', (c) => c.notNull())
    .addColumn('actor_unit_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('remark', 'varchar(2000)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sites_proposal_events_proposal_idx').on('sites_proposal_events').columns(['proposal_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sites_proposal_events').execute();
  await db.schema.dropTable('sites_proposals').execute();
}
