/**
 * Text for XML content or a quoted attribute (Atom, Akoma Ntoso): the five markup characters escaped,
 * and the characters XML 1.0 does not allow at all, not even escaped (most control characters, lone
 * surrogates, U+FFFE/U+FFFF), dropped, so a stray character pasted into a summary cannot make a feed
 * or an export ill-formed.
 */
export function xmlText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff) continue;
    out += ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '"' ? '&quot;' : ch === "'" ? '&apos;' : ch;
  }
  return out;
}
