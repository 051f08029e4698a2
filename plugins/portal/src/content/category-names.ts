import type { Kysely } from 'kysely';
import type { ContentDatabase } from './content-database.js';

/**
 * The names of a unit's categories in a configured language (beyond Vietnamese and English), by
 * category id. Vietnamese and English live in the category row: for them the map is empty.
 */
export async function categoryTranslations(db: Kysely<ContentDatabase>, tenantId: string, lang: string): Promise<Map<string, string>> {
  if (lang === 'vi' || lang === 'en') return new Map();
  const rows = await db.selectFrom('portal_category_translations').select(['category_id', 'name']).where('tenant_id', '=', tenantId).where('lang', '=', lang).execute();
  return new Map(rows.map((r) => [r.category_id, r.name]));
}

/**
 * A category's name in a language, from its row (Vietnamese, English) or from the names
 * {@link categoryTranslations} read; a missing name falls back to Vietnamese, as content does.
 */
export function categoryName(row: { readonly id: string; readonly name_vi: string; readonly name_en: string | null }, lang: string, translated: ReadonlyMap<string, string>): string {
  if (lang === 'en') return row.name_en || row.name_vi;
  return translated.get(row.id) || row.name_vi;
}
