import type { PersonContact } from '@cong/sdk';

/** `@name`: after a start, a space or punctuation (not inside an e-mail address), 2–64 name characters. */
const MENTION = /(?:^|[^\p{L}\p{N}._@-])@([\p{L}\p{N}._-]{2,64})/gu;

/**
 * The people among `staff` that `@name`s in `text` point to. A name matches an account's id or the part
 * of its e-mail address before the `@` (`@chuyenvien` for `chuyenvien@sxd.quangtri.gov.vn`), without
 * regard to case; a trailing dot (the end of a sentence) is not part of the name. Names that match
 * nobody in `staff` (another agency's people, a typo) are ignored. Each person once.
 */
export function mentionedPeople(text: string, staff: readonly PersonContact[]): PersonContact[] {
  const names = new Set<string>();
  for (const match of text.normalize('NFC').matchAll(MENTION)) names.add(match[1]!.replace(/\.+$/, '').toLowerCase());
  if (names.size === 0) return [];
  const seen = new Set<string>();
  return staff.filter((p) => {
    const local = p.email.slice(0, p.email.lastIndexOf('@')).toLowerCase();
    const hit = names.has(p.userId.toLowerCase()) || names.has(local);
    return hit && !seen.has(p.userId) && seen.add(p.userId);
  });
}
