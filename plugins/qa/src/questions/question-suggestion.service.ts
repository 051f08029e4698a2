import { coreServices, fold, normalizeText, type PluginContext } from '@cong/sdk';
import type { AnswersDatabase } from '../answers/answer-database.js';

/** A published question like the one being typed (QA-06: duplicates are linked to an existing answer). */
export interface QuestionSuggestion {
  readonly slug: string;
  readonly title: string;
  readonly field: string;
  /** `/hoi-dap/<slug>`: on every site of the province. */
  readonly path: string;
  readonly answeredAt: string;
}

/** At most this many suggestions. */
export const SUGGESTIONS_MAX = 5;
/** Candidates read before ranking: the newest that share at least one word. */
const CANDIDATES = 60;
/** Folded syllables too common in Vietnamese questions to tell two questions apart. */
const STOP_WORDS = new Set(
  'a ai anh ban bao be cac cach can cho chu chi co cua da duoc de den di do em gi giup hay hoi khi khong la lam len minh mot nay neu nhu nhung nao nha o ong ra roi sao se tai the thi toi trong tu va ve voi vi xin ah a'.split(' '),
);

/** The distinctive folded words of a text (no diacritics, đ→d): at most 12, each at least 2 letters. */
export function suggestionWords(text: string): string[] {
  const words = fold(normalizeText(text)).split(/[^a-z0-9]+/).filter((w) => w.length >= 2 && !STOP_WORDS.has(w));
  return [...new Set(words)].slice(0, 12);
}

/**
 * Duplicate suggestions while a citizen types (QA-06): the province's published questions and answers
 * whose reviewed text (the answers area's folded `qa_publications.search_fold`) shares the most words
 * with what is typed, diacritic-insensitive. A published Q&A shares at least two words (one when only
 * one was typed); the best five, more shared words first, then the newest.
 */
export class QuestionSuggestionService {
  constructor(private readonly ctx: PluginContext) {}

  async similar(provinceId: string, text: string): Promise<QuestionSuggestion[]> {
    const words = suggestionWords(text);
    if (words.length === 0) return [];
    const db = this.ctx.get(coreServices.database).kysely<AnswersDatabase>();
    const rows = await db
      .selectFrom('qa_publications')
      .select(['slug', 'title', 'field_code', 'search_fold', 'answered_at', 'published_at', 'updated_at'])
      .where('province_id', '=', provinceId)
      .where('status', '=', 'published')
      .where((eb) => eb.or(words.map((w) => eb('search_fold', 'like', `%${w}%`))))
      .orderBy('published_at', 'desc')
      .orderBy('question_id')
      .limit(CANDIDATES)
      .execute();
    const needed = Math.min(2, words.length);
    const fields = new Map(
      (await db.selectFrom('qa_fields').select(['code', 'name_vi']).where('province_id', '=', provinceId).execute()).map((f) => [f.code, f.name_vi]),
    );
    return rows
      .map((row, order) => {
        // Whole words of the folded text: "dat" must not match inside "ddat" or "datum".
        const have = new Set(row.search_fold.split(/[^a-z0-9]+/));
        return { row, order, score: words.filter((w) => have.has(w)).length };
      })
      .filter((c) => c.score >= needed)
      .sort((a, b) => b.score - a.score || a.order - b.order)
      .slice(0, SUGGESTIONS_MAX)
      .map(({ row }) => ({
        slug: row.slug,
        title: row.title,
        field: fields.get(row.field_code) ?? row.field_code,
        path: `/hoi-dap/${row.slug}`,
        answeredAt: new Date(Number(row.answered_at)).toISOString(),
      }));
  }
}
