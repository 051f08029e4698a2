import { randomInt } from 'node:crypto';

const WORDS = [
  'song', 'nui', 'bien', 'lua', 'trang', 'gio', 'may', 'sao', 'rung', 'hoa', 'suoi', 'dong', 'cau', 'lang', 'pho', 'den',
  'thuyen', 'canh', 'mua', 'nang', 'doi', 'cat', 'da', 'la', 'que', 'ruong', 'tre', 'sen', 'chim', 'sang', 'chieu', 'dem',
];

/**
 * A random passphrase to print once for a new account (`song-nui-bien-lua-4821`): ~25 bits from the
 * words and ~13 from the number, easy to type from a terminal, and over the 12-character minimum.
 */
export function generatePassphrase(words = 5): string {
  return `${Array.from({ length: words }, () => WORDS[randomInt(WORDS.length)]).join('-')}-${randomInt(1000, 10000)}`;
}
