/**
 * Folds Vietnamese text for search and slugs: NFD, combining marks removed, `đ`→`d`, lower case.
 * A plain NFD strip misses `đ`, which is a letter of its own, not `d` with a mark.
 *
 * @example
 * ```ts
 * fold('Đăng ký hộ khẩu') // 'dang ky ho khau'
 * ```
 */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** NFC, the one form stored text takes, so equal strings compare equal whatever the input method sent. */
export function normalizeText(text: string): string {
  return text.normalize('NFC');
}

/**
 * A URL slug from any text: folded, runs of other characters become one `-`, trimmed to `maxLength`.
 *
 * @example
 * ```ts
 * slugify('Sở Tài chính tỉnh Quảng Trị') // 'so-tai-chinh-tinh-quang-tri'
 * ```
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = fold(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/g, '');
}
