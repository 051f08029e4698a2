import { sql, type Kysely } from 'kysely';

/**
 * qa_questions gains `search_fold`: the question's tracking code, title and text folded (NFD,
 * combining marks removed, `đ`→`d`, lower case), which the board's queue searches with `LIKE` on
 * both dialects (`GET /api/qa/questions?q=`). The repository writes it with every question and
 * every change of those three columns; here it is filled for the questions that exist.
 *
 * Nullable: a row written by something other than the repository is simply not found by words.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('qa_questions').addColumn('search_fold', sql`mediumtext`).execute();
  let after = '';
  for (;;) {
    const rows: { id: string; tracking_code: string | null; title: string; content: string }[] = await db
      .selectFrom('qa_questions')
      .select(['id', 'tracking_code', 'title', 'content'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute();
    for (const row of rows) await db.updateTable('qa_questions').set({ search_fold: foldQuestion(row) }).where('id', '=', row.id).execute();
    if (rows.length < 500) break;
    after = rows.at(-1)!.id;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('qa_questions').dropColumn('search_fold').execute();
}

/** The same text as the repository's `questionFold` (a migration imports only kysely, so it is repeated here). */
function foldQuestion(row: { tracking_code: string | null; title: string; content: string }): string {
  const text = [row.tracking_code ?? '', row.title, row.content].join(' ');
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}
