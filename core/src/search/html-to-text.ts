import { normalizeText } from '@cong/sdk';

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/**
 * NFC plain text from what a plugin passed, which is often editor HTML: `script`/`style` content,
 * comments and tags are dropped (tag names would otherwise become searchable words and show up in
 * snippets), common entities decoded, control and format characters (bidi overrides, zero-width)
 * removed, whitespace collapsed. Every pattern is linear, because bodies come from editors.
 */
export function toPlainText(input: string): string {
  let text = dropRawTextElements(input)
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<\/?[a-zA-Z][^<>]*>/g, ' ')
    .replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g, (whole, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
        return valid ? String.fromCodePoint(code) : ' ';
      }
      return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    });
  text = text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ').replace(/\s+/g, ' ').trim();
  return normalizeText(text);
}

/** Removes `<script>…</script>` and `<style>…</style>` with their content, in one linear pass. */
function dropRawTextElements(input: string): string {
  const tags = /<(\/?)(script|style)\b[^<>]*>?/gi;
  let out = '';
  let copiedTo = 0;
  let open: string | undefined;
  for (let m = tags.exec(input); m !== null; m = tags.exec(input)) {
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    if (open === undefined && !closing) {
      out += `${input.slice(copiedTo, m.index)} `;
      open = name;
    } else if (open === name && closing) {
      copiedTo = m.index + m[0].length;
      open = undefined;
    }
  }
  // An element never closed swallows the rest, as a browser would.
  return open === undefined ? out + input.slice(copiedTo) : out;
}
