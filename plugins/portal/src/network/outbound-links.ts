/** Links a body holds: `href`/`src` attributes and bare addresses in text, http and https only. */
const ATTRIBUTE = /\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const MAX_LENGTH = 2000;

/**
 * The distinct absolute http(s) addresses in an HTML body, in the order they appear, with entities
 * `&amp;` decoded and the `#fragment` dropped (the same page). Relative links are the site's own and
 * are left out.
 */
export function extractOutboundLinks(body: string): string[] {
  const found = new Set<string>();
  for (const match of body.matchAll(ATTRIBUTE)) {
    const raw = (match[1] ?? match[2] ?? '').trim().replace(/&amp;/g, '&');
    if (!/^https?:\/\//i.test(raw) || raw.length > MAX_LENGTH) continue;
    try {
      const url = new URL(raw);
      url.hash = '';
      found.add(url.toString());
    } catch {
      // Not an address: nothing to check.
    }
  }
  return [...found];
}
