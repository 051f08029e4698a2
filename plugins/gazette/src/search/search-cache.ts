import type { DocumentSearchCriteria, DocumentSearchResult } from './document-search.js';

/** How long a search's answer is reused: the search page and API say `max-age=60`, this stays under it. */
const TTL_MS = 30_000;
/** Answers kept (ids only: a few KB each at most). */
const MAX_ENTRIES = 2_000;
/** `GAZETTE_SEARCH_CACHE=off` answers every search afresh (for measuring the queries themselves). */
const ENABLED = process.env.GAZETTE_SEARCH_CACHE !== 'off';

/**
 * Recent search answers of this process, by office and criteria. People search for the same few
 * things (a number, a topic of the week), and a common word costs several milliseconds at 100,000
 * documents; the answer is reused for half a minute. Every write to the index in this process starts
 * a new generation, so a document published here is found at once; other processes see it within
 * the TTL, as the HTTP caches in front do.
 */
export class SearchCache {
  static #generation = 0;
  readonly #answers = new Map<string, { readonly at: number; readonly result: Promise<DocumentSearchResult> }>();

  /** Called by every write to the index: later searches do not reuse earlier answers. */
  static invalidate(): void {
    SearchCache.#generation++;
  }

  async get(officeId: string, criteria: DocumentSearchCriteria, search: () => Promise<DocumentSearchResult>): Promise<DocumentSearchResult> {
    if (!ENABLED) return search();
    const key = `${SearchCache.#generation}\u0000${officeId}\u0000${JSON.stringify(criteria)}`;
    const hit = this.#answers.get(key);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.result;
    const result = search();
    this.#answers.delete(key);
    this.#answers.set(key, { at: Date.now(), result });
    result.catch(() => this.#answers.delete(key));
    // A Map iterates in insertion order: the first key is the oldest answer.
    if (this.#answers.size > MAX_ENTRIES) this.#answers.delete(this.#answers.keys().next().value!);
    return result;
  }
}
