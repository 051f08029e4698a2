import { readFontFile, type IssueFonts } from './issue-fonts.js';

/** The family name the templates use; unique so Chromium never substitutes a system font of that name. */
export const ISSUE_FONT_FAMILY = 'Cong Gazette Serif';

const dataUrls = new Map<string, string>();

/**
 * The font as a `data:` URL. The page is loaded with `setContent` (an `about:blank` origin), from
 * which Chromium refuses `file:` URLs; inlining the local file's bytes is what lets Chromium use,
 * and subset-embed, exactly the file we chose while every other request stays blocked.
 */
export function fontDataUrl(path: string): string {
  let url = dataUrls.get(path);
  if (!url) {
    url = `data:font/ttf;base64,${Buffer.from(readFontFile(path)).toString('base64')}`;
    dataUrls.set(path, url);
  }
  return url;
}

/** Margins of a printed page in millimetres: NĐ 30/2020/NĐ-CP asks for 30-35 mm on the binding side. */
export interface PageMargins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** Content pages leave room at the top for the running header stamped later. */
export const CONTENT_MARGINS: PageMargins = { top: 25, right: 20, bottom: 20, left: 30 };
export const COVER_MARGINS: PageMargins = { top: 20, right: 20, bottom: 20, left: 25 };

/** Print CSS shared by the cover, the table of contents and the last page. */
export function issueStylesheet(fonts: IssueFonts, margins: PageMargins): string {
  const face = (path: string, weight: number, style: string) =>
    `@font-face { font-family: '${ISSUE_FONT_FAMILY}'; src: url('${fontDataUrl(path)}') format('truetype'); font-weight: ${weight}; font-style: ${style}; }`;
  return `
${face(fonts.regular, 400, 'normal')}
${face(fonts.bold, 700, 'normal')}
${face(fonts.italic, 400, 'italic')}
@page { size: A4; margin: ${margins.top}mm ${margins.right}mm ${margins.bottom}mm ${margins.left}mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: '${ISSUE_FONT_FAMILY}', 'Liberation Serif', 'DejaVu Serif', serif; font-size: 13pt; line-height: 1.35; color: #000; }
h1, h2, h3, p { margin: 0; }
.center { text-align: center; }
.bold { font-weight: 700; }
.italic { font-style: italic; }
`;
}

/** A complete HTML document around `body`. */
export function issueHtmlDocument(title: string, stylesheet: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title><style>${stylesheet}</style></head><body>${body}</body></html>`;
}
