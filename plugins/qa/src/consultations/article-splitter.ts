import { normalizeText } from '@cong/sdk';

/** One article of a draft as the splitter finds it (and as staff may correct it). */
export interface DraftArticle {
  /** "Chương I. NHỮNG QUY ĐỊNH CHUNG" (with "Mục 1. …" appended when the chapter has sections), or null. */
  readonly chapter: string | null;
  /** "1", "51a"; null for the preamble or a text without articles. */
  readonly number: string | null;
  /** "Điều 1. Phạm vi điều chỉnh", "Phần mở đầu". */
  readonly heading: string;
  readonly body: string;
}

const CHAPTER = /^Chương\s+([IVXLCDM]+|\d+)\b\s*[.:]?\s*(.*)$/iu;
const SECTION = /^Mục\s+(\d+)\b\s*[.:]?\s*(.*)$/iu;
const ARTICLE = /^Điều\s+(\d+[a-zđ]?)\s*[.:]\s*(.*)$/iu;
// "Điều 5" on its own line (some drafts put the title on the next line).
const BARE_ARTICLE = /^Điều\s+(\d+[a-zđ]?)\s*$/iu;

const PREAMBLE = 'Phần mở đầu';
const WHOLE_TEXT = 'Toàn văn dự thảo';

/**
 * Splits a draft's full text into articles the way Vietnamese legal drafts are laid out (NĐ 30/2020,
 * Luật 64/2025): "Chương I" with its title on the same or the next line, optional "Mục 1." sections,
 * and "Điều N. Title" followed by clauses ("1.", "a)"). Text before the first article is the preamble
 * (basis, "QUYẾT ĐỊNH:"), kept as its own item so it can be commented on; text after the last article
 * (recipients, signature) stays with it. A text with no "Điều" at all is one item. The text is NFC
 * normalised; Windows line breaks and non-breaking spaces are tolerated.
 */
export function splitDraft(fullText: string): DraftArticle[] {
  const lines = normalizeText(fullText).replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').split('\n').map((l) => l.trim());
  const articles: { chapter: string | null; number: string | null; heading: string; body: string[] }[] = [];
  const preamble: string[] = [];
  let chapter: string | null = null;
  let chapterBase: string | null = null;
  let pendingTitle: 'chapter' | 'section' | 'article' | null = null;

  for (const line of lines) {
    if (line === '') {
      const current = articles.at(-1);
      if (current && current.body.length > 0 && pendingTitle === null) current.body.push('');
      continue;
    }
    if (pendingTitle !== null && !CHAPTER.test(line) && !ARTICLE.test(line) && !BARE_ARTICLE.test(line)) {
      if (pendingTitle === 'article') articles.at(-1)!.heading += `. ${line}`;
      else if (pendingTitle === 'chapter') chapter = chapterBase = `${chapter}. ${line}`;
      else chapter = `${chapter}. ${line}`;
      pendingTitle = null;
      continue;
    }
    pendingTitle = null;
    const chapterMatch = CHAPTER.exec(line);
    if (chapterMatch) {
      chapter = chapterBase = `Chương ${chapterMatch[1]!.toUpperCase()}${chapterMatch[2] ? `. ${chapterMatch[2]}` : ''}`;
      if (!chapterMatch[2]) pendingTitle = 'chapter';
      continue;
    }
    const sectionMatch = SECTION.exec(line);
    if (sectionMatch && articles.length + preamble.length > 0 && chapterBase !== null) {
      chapter = `${chapterBase} — Mục ${sectionMatch[1]}${sectionMatch[2] ? `. ${sectionMatch[2]}` : ''}`;
      if (!sectionMatch[2]) pendingTitle = 'section';
      continue;
    }
    const articleMatch = ARTICLE.exec(line) ?? BARE_ARTICLE.exec(line);
    if (articleMatch) {
      const title = articleMatch[2] ?? '';
      articles.push({ chapter, number: articleMatch[1]!.toLowerCase(), heading: `Điều ${articleMatch[1]}${title ? `. ${title}` : ''}`, body: [] });
      if (!title) pendingTitle = 'article';
      continue;
    }
    const current = articles.at(-1);
    if (current) current.body.push(line);
    else preamble.push(line);
  }

  const tidy = (body: readonly string[]) => body.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  const out: DraftArticle[] = [];
  if (articles.length === 0) {
    const body = tidy(lines.filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== '')));
    return body === '' ? [] : [{ chapter: null, number: null, heading: WHOLE_TEXT, body }];
  }
  if (preamble.length > 0) out.push({ chapter: null, number: null, heading: PREAMBLE, body: tidy(preamble) });
  for (const a of articles) out.push({ chapter: a.chapter, number: a.number, heading: a.heading, body: tidy(a.body) });
  return out;
}
