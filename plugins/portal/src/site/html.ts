import { siteMediaUrls } from '../media/media-urls.js';

/**
 * A tiny HTML template helper with auto-escaping. `html\`<p>${text}</p>\`` escapes every
 * interpolation unless it is a {@link SafeHtml} made by this module (another `html` fragment, or an
 * array of them). Nothing else produces SafeHtml except {@link trustedSanitizedHtml}, which exists
 * for exactly one input: article bodies, stored sanitised.
 */
export class SafeHtml {
  readonly #text: string;
  constructor(text: string, key: symbol) {
    if (key !== KEY) throw new TypeError('SafeHtml is made only by html``');
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
 * Rich text as stored by an area that runs `sanitizeRichText` (src/html/sanitize-html.ts) on every
 * write: article and page bodies, organisation descriptions, leaders' biographies. The stored text is
 * the allowlisted HTML and is the one thing the site outputs without escaping. Never pass text that did
 * not come out of the sanitiser (input from a request, a plain-text column). Media-library links in it
 * are pointed at the request's site (`/t/<slug>/media/…` on the platform host).
 */
export function trustedSanitizedHtml(storedBody: string, site: { readonly prefix: string }): SafeHtml {
  return new SafeHtml(siteMediaUrls(storedBody, site), KEY);
}

/**
 * JSON for an inline `<script type="application/ld+json">`: `<`, `>`, `&` and the line separators
 * become `\uXXXX` escapes, so no `</script>` or `<!--` can close or change the script element.
 */
export function jsonForScript(value: unknown): SafeHtml {
  const json = JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return new SafeHtml(json, KEY);
}

/** Text for XML (feeds, sitemaps): the five predefined entities, and characters XML 1.0 forbids dropped. */
export function escapeXml(value: string): string {
  return value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, (c) => (c === "'" ? '&apos;' : ESCAPES[c]!));
}
