/**
 * A `Content-Disposition` value naming the file for the browser's save dialog: a plain-ASCII
 * `filename` (accents dropped, đ → d, anything else unsafe → `_`) for old clients, and the exact
 * UTF-8 name as `filename*` (RFC 6266 with RFC 5987 encoding) for the rest.
 */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  // encodeURIComponent leaves !'()* as they are; RFC 5987's attr-char does not allow ' ( ) *.
  const encoded = encodeURIComponent(name.normalize('NFC')).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
