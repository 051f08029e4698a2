/**
 * Heading anchors as GitHub makes them (github-slugger): lower case, punctuation and symbols dropped
 * (letters with diacritics, digits, `_` and `-` kept), each space a `-`, and `-1`, `-2`… for repeats
 * within one page. The docs link to `#anchors` that must work on GitHub and on the site alike.
 */
export function createSlugger() {
  const occurrences = new Map();
  return (text) => {
    const original = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
    let slug = original;
    while (occurrences.has(slug)) {
      occurrences.set(original, occurrences.get(original) + 1);
      slug = `${original}-${occurrences.get(original)}`;
    }
    occurrences.set(slug, 0);
    return slug;
  };
}
