// The URL rules of the server's sanitiser (src/html/sanitize-html.ts), checked in the editor first so
// the author hears at once why a link or an image is refused instead of seeing it vanish on save.

function hasControlOrBackslash(v: string, highest: number): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c <= highest || c === 0x7f || c === 0x5c) return true;
  }
  return false;
}

/** `http:`, `https:`, `mailto:`, `tel:` (digits and `+-.() `), a same-site path or a fragment. Never `javascript:`. */
export function isSafeLinkHref(value: string): boolean {
  const v = value.trim();
  if (v === '' || hasControlOrBackslash(v, 0x1f)) return false;
  if (v.startsWith('#')) return true;
  if (v.startsWith('/')) return !v.startsWith('//');
  return /^(?:https?:\/\/[^/]|mailto:[^\s])/iu.test(v) || /^tel:\+?[0-9][0-9 ().-]{1,30}$/iu.test(v);
}

/** `https:`, the platform's own files (`/files/…`, no dot segments or encoded separators) or a media-library image. */
export function isSafeImageSrc(value: string): boolean {
  const v = value.trim();
  if (v === '' || hasControlOrBackslash(v, 0x20)) return false;
  if (v.startsWith('/files/')) return !/(?:^|\/)\.\.?(?:\/|$)|%2e|%2f|%5c/iu.test(v.slice('/files/'.length));
  if (/^\/media\/[0-9a-f-]{36}\/(?:goc|w\d{2,4}\.(?:webp|jpg|png))$/u.test(v)) return true;
  return /^https:\/\/[^/]/iu.test(v);
}
