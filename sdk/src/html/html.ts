/**
 * A tiny HTML template helper with auto-escaping, for server-rendered public pages. `html\`<p>${text}</p>\``
 * escapes every interpolation unless it is a {@link SafeHtml} made by this module (another `html`
 * fragment, or an array of them). The one other way to make SafeHtml is {@link trustedHtml}, for HTML
 * that a sanitiser produced and the plugin stored.
 */
export class SafeHtml {
  readonly #text: string;
  constructor(text: string, key: symbol) {
    if (key !== KEY) throw new TypeError('SafeHtml is made only by html`` and trustedHtml()');
    this.#text = text;
  }
  toString(): string {
    return this.#text;
  }
}

const KEY = Symbol('SafeHtml');

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Text for an HTML text node or a quoted attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

/**
 * Text for XML content or a quoted attribute (feeds, sitemaps, Akoma Ntoso): the five markup characters
 * escaped, and the characters XML 1.0 does not allow at all, not even escaped (most control characters,
 * lone surrogates, U+FFFE/U+FFFF), dropped, so a stray character pasted into a summary cannot make a
 * feed ill-formed.
 */
export function escapeXml(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff) continue;
    out += ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '"' ? '&quot;' : ch === "'" ? '&apos;' : ch;
  }
  return out;
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** The tagged template: escapes every interpolation that is not SafeHtml. `null`, `undefined` and `false` render nothing. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out, KEY);
}

/**
 * HTML output as it is, without escaping: ONLY for what came out of an allowlist sanitiser and was
 * stored as such (an article body run through the portal's `sanitizeRichText` on every write). Never
 * pass text from a request or a plain-text column: that is how pages get script injected.
 */
export function trustedHtml(sanitised: string): SafeHtml {
  return new SafeHtml(sanitised, KEY);
}

/**
 * JSON for an inline `<script type="application/ld+json">`: `<`, `>`, `&` and the line separators
 * become `\uXXXX` escapes, so no `</script>` or `<!--` can close or change the script element.
 */
export function jsonForScript(value: unknown): SafeHtml {
  const json = JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return new SafeHtml(json, KEY);
}
