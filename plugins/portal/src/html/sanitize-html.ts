import sanitizeHtml from 'sanitize-html';

/**
 * Server-side sanitising of the portal's rich text (STACK.md §4.10): every HTML-accepting field is run
 * through {@link sanitizeRichText} on write, and still encoded on output by its renderer.
 *
 * The allowlist mirrors the Tiptap 3 editor schema:
 *
 * - blocks: `p`, `h2`–`h4` (`h1` becomes `h2`, `h5`/`h6` become `h4`), `blockquote`, `pre`, `hr`,
 *   `ul`, `ol[start]`, `li`, `figure`, `figcaption`, tables (`table`, `colgroup`, `col`, `thead`,
 *   `tbody`, `tr`, `th[colspan,rowspan]`, `td[colspan,rowspan]`);
 * - inline: `strong`, `em`, `u`, `s`, `sub`, `sup`, `code`, `br` (`b`, `i`, `strike`, `del` become
 *   `strong`, `em`, `s`, `s`);
 * - `a[href,title,target,rel]`: `href` is `http:`, `https:`, `mailto:`, `tel:` (digits, spaces, `+-.()`
 *   only: the hotlines of contact pages), a same-site path (`/…`, never
 *   `//` or `/\`) or a fragment (`#…`); `target` is only `_blank`, and then `rel` always holds
 *   `noopener noreferrer`; `rel` otherwise keeps only `nofollow`, `noopener`, `noreferrer`. A link
 *   whose `href` fails is unwrapped (its text stays);
 * - `img[src,alt,title,width,height]`: `src` is `https:` or the platform's own file URLs (`/files/…`);
 *   an image without alt text (missing, empty or blank `alt`) is **dropped**, because the portal
 *   requires alt text on every image (WCAG 1.1.1; the editor asks for it); an image whose `src` fails
 *   is dropped as well;
 * - classes: only alignment, `text-left|center|right|justify` on `p` and `h2`–`h4` (a Tiptap
 *   TextAlign `style="text-align: …"` is turned into that class), and `language-*` on `code`.
 *   No `style`, `id`, `name` or event attribute survives.
 *
 * Never allowed, content included: `script`, `style`, `svg`, `math`, `iframe`, `object`, `embed`,
 * `form`, `textarea`, `xmp`, `noscript`, `template`… Comments are removed. No `javascript:`,
 * `vbscript:` or `data:` URL survives. Embedded videos (iframes) are a later decision: they would
 * come through a video-embed node with a host allowlist, not by allowing `iframe` here.
 *
 * The output is NFC-normalised, so text pasted in decomposed form (NFD) is stored composed.
 */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html.normalize('NFC'), richTextOptions).normalize('NFC');
}

/**
 * The text of rich text, for summaries and search indexing: tags removed, block boundaries turned into
 * spaces, entities decoded, whitespace collapsed, NFC. The result is **text, not HTML**: encode it on
 * output.
 */
export function plainText(html: string): string {
  const spaced = html.normalize('NFC').replace(BLOCK_TAG, ' $& ');
  const text = sanitizeHtml(spaced, plainTextOptions);
  return decodeBasicEntities(text).replace(/[\s\u00a0]+/gu, ' ').trim().normalize('NFC');
}

/** The place the platform serves its stored files from; image sources on the same site must be under it. */
export const PLATFORM_FILES_PREFIX = '/files/';
/** An image of the unit's media library (src/media): the cleaned original or a derivative, nothing else. */
const MEDIA_IMAGE_PATH = /^\/media\/[0-9a-f-]{36}\/(?:goc|w\d{2,4}\.(?:webp|jpg|png))$/u;

const ALIGN_CLASSES = ['text-left', 'text-center', 'text-right', 'text-justify'];

/** Elements whose content goes with them (the default keeps the text of a disallowed element). */
const NON_TEXT_TAGS = [
  'script', 'style', 'textarea', 'option', 'select', 'noscript', 'noembed', 'noframes', 'xmp', 'plaintext',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'template', 'svg', 'math', 'title', 'head',
  'button', 'canvas', 'audio', 'video', 'picture', 'source', 'track', 'map', 'datalist',
];

const BLOCK_TAG = /<\/?(?:p|h[1-6]|li|ul|ol|tr|td|th|table|thead|tbody|blockquote|pre|div|br|hr|figure|figcaption|section|article)\b[^>]*>/giu;

/** A control character (up to `highest`, and DEL) or a backslash: browsers skip or reinterpret them in URLs. */
function hasControlOrBackslash(v: string, highest: number): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c <= highest || c === 0x7f || c === 0x5c) return true;
  }
  return false;
}

function isSafeLinkHref(value: string): boolean {
  const v = value.trim();
  if (v === '' || hasControlOrBackslash(v, 0x1f)) return false;
  if (v.startsWith('#')) return true;
  if (v.startsWith('/')) return !v.startsWith('//');
  return /^(?:https?:\/\/[^/]|mailto:[^\s])/iu.test(v) || /^tel:\+?[0-9][0-9 ().-]{1,30}$/iu.test(v);
}

function isSafeImageSrc(value: string): boolean {
  const v = value.trim();
  if (v === '' || hasControlOrBackslash(v, 0x20)) return false;
  if (v.startsWith(PLATFORM_FILES_PREFIX)) return !/(?:^|\/)\.\.?(?:\/|$)|%2e|%2f|%5c/iu.test(v.slice(PLATFORM_FILES_PREFIX.length));
  if (MEDIA_IMAGE_PATH.test(v)) return true;
  return /^https:\/\/[^/]/iu.test(v);
}

function alignClass(attribs: sanitizeHtml.Attributes): string | undefined {
  const fromClass = (attribs.class ?? '').split(/\s+/u).find((c) => ALIGN_CLASSES.includes(c));
  if (fromClass !== undefined) return fromClass;
  const m = /(?:^|;)\s*text-align\s*:\s*(left|center|right|justify)\s*(?:;|$)/iu.exec(attribs.style ?? '');
  return m?.[1] === undefined ? undefined : `text-${m[1].toLowerCase()}`;
}

function block(tagName: string): sanitizeHtml.Transformer {
  return (_tag, attribs) => {
    const cls = alignClass(attribs);
    const out: sanitizeHtml.Attributes = {};
    if (cls !== undefined) out.class = cls;
    return { tagName, attribs: out };
  };
}

function rename(tagName: string): sanitizeHtml.Transformer {
  return () => ({ tagName, attribs: {} });
}

const REL_KEPT = ['nofollow', 'noopener', 'noreferrer'];

function link(_tag: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const href = attribs.href;
  // No href: exclusiveFilter unwraps it (renaming it to a disallowed tag would trip sanitize-html 2.18.1,
  // which then closes a later unclosed element at the same depth with the discarded tag's name).
  if (href === undefined || !isSafeLinkHref(href)) return { tagName: 'a', attribs: {} };
  const out: sanitizeHtml.Attributes = { href: href.trim() };
  if (attribs.title !== undefined) out.title = attribs.title;
  const rel = new Set((attribs.rel ?? '').toLowerCase().split(/\s+/u).filter((r) => REL_KEPT.includes(r)));
  if (attribs.target?.trim().toLowerCase() === '_blank') {
    out.target = '_blank';
    rel.add('noopener');
    rel.add('noreferrer');
  }
  if (rel.size > 0) out.rel = REL_KEPT.filter((r) => rel.has(r)).join(' ');
  return { tagName: 'a', attribs: out };
}

function image(_tag: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const { src, alt } = attribs;
  if (src === undefined || !isSafeImageSrc(src) || alt === undefined || alt.trim() === '') {
    return { tagName: 'img', attribs: {} }; // exclusiveFilter drops it
  }
  const out: sanitizeHtml.Attributes = { src: src.trim(), alt };
  if (attribs.title !== undefined) out.title = attribs.title;
  for (const dim of ['width', 'height'] as const) {
    const d = attribs[dim];
    if (d !== undefined && /^\d{1,5}$/u.test(d.trim())) out[dim] = d.trim();
  }
  return { tagName: 'img', attribs: out };
}

function span(name: 'colspan' | 'rowspan'): (attribs: sanitizeHtml.Attributes, out: sanitizeHtml.Attributes) => void {
  return (attribs, out) => {
    const v = attribs[name]?.trim();
    if (v !== undefined && /^[1-9]\d{0,2}$/u.test(v)) out[name] = v;
  };
}

function cell(tagName: 'td' | 'th'): sanitizeHtml.Transformer {
  return (_tag, attribs) => {
    const out: sanitizeHtml.Attributes = {};
    span('colspan')(attribs, out);
    span('rowspan')(attribs, out);
    return { tagName, attribs: out };
  };
}

const richTextOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'h2', 'h3', 'h4', 'strong', 'em', 'u', 's', 'sub', 'sup', 'a', 'ul', 'ol', 'li', 'blockquote',
    'code', 'pre', 'hr', 'br', 'table', 'colgroup', 'col', 'thead', 'tbody', 'tr', 'th', 'td', 'img',
    'figure', 'figcaption',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    ol: ['start'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    p: ['class'],
    h2: ['class'],
    h3: ['class'],
    h4: ['class'],
    code: ['class'],
  },
  allowedClasses: {
    p: ALIGN_CLASSES,
    h2: ALIGN_CLASSES,
    h3: ALIGN_CLASSES,
    h4: ALIGN_CLASSES,
    code: ['language-*'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  allowedStyles: {},
  parseStyleAttributes: false,
  disallowedTagsMode: 'discard',
  nonTextTags: NON_TEXT_TAGS,
  enforceHtmlBoundary: false,
  selfClosing: ['img', 'br', 'hr', 'col'],
  // A link whose href failed loses the tag and keeps its text; an image whose src or alt failed goes.
  exclusiveFilter: (frame) => {
    if (frame.tag === 'a' && frame.attribs.href === undefined) return 'excludeTag';
    return frame.tag === 'img' && (frame.attribs.src === undefined || frame.attribs.alt === undefined);
  },
  transformTags: {
    h1: block('h2'),
    h2: block('h2'),
    h3: block('h3'),
    h4: block('h4'),
    h5: block('h4'),
    h6: block('h4'),
    p: block('p'),
    b: rename('strong'),
    i: rename('em'),
    strike: rename('s'),
    del: rename('s'),
    a: link,
    img: image,
    td: cell('td'),
    th: cell('th'),
    ol: (_tag, attribs) => {
      const start = attribs.start?.trim();
      const out: sanitizeHtml.Attributes = {};
      if (start !== undefined && /^\d{1,6}$/u.test(start)) out.start = start;
      return { tagName: 'ol', attribs: out };
    },
    code: (_tag, attribs) => {
      const lang = (attribs.class ?? '').split(/\s+/u).find((c) => /^language-[a-z0-9+#_-]{1,32}$/iu.test(c));
      const out: sanitizeHtml.Attributes = {};
      if (lang !== undefined) out.class = lang;
      return { tagName: 'code', attribs: out };
    },
  },
};

const plainTextOptions: sanitizeHtml.IOptions = {
  allowedTags: [],
  allowedAttributes: {},
  disallowedTagsMode: 'discard',
  nonTextTags: NON_TEXT_TAGS,
};

function decodeBasicEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot);/gu, (_m, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[name] ?? '');
}
