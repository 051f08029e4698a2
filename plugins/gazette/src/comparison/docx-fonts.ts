import type { DocxPackage } from './docx-package.js';
import { isLegacyVietnameseFont, type LegacyEncoding } from './legacy-encoding.js';

/** A legacy Vietnamese font a DOCX applies to its text. */
export interface LegacyDocxFont {
  readonly family: string;
  readonly encoding: LegacyEncoding;
}

const RUN_FONTS = /<w:rFonts\b([^>]*)\/?>/g;
const FONT_ATTRIBUTE = /\bw:(?:ascii|hAnsi|cs|eastAsia)="([^"]*)"/g;
const STYLE_BLOCK = /<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g;
const STYLE_REFERENCE = /<w:(?:pStyle|rStyle|tblStyle)\s+w:val="([^"]*)"/g;

/**
 * The legacy fonts (`.VnTime`, `.VnTimeH`, `VNI-Times`…) that the document's text is set in: named on a
 * run in `word/document.xml`, or in a style the document uses (referenced, or the default style), or
 * in the document defaults. A font that only sits unused in the style sheet is not reported. This is a
 * stronger signal than the text alone: a TCVN3 document whose words happen to need few marks still
 * names its font.
 */
export function legacyFontsInDocx(docx: DocxPackage): LegacyDocxFont[] {
  const families = new Set<string>(fontsIn(docx.documentXml));
  if (docx.stylesXml) {
    const used = new Set([...docx.documentXml.matchAll(STYLE_REFERENCE)].map((m) => m[1]!));
    const defaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(docx.stylesXml);
    if (defaults) for (const family of fontsIn(defaults[1]!)) families.add(family);
    for (const [, attributes, body] of docx.stylesXml.matchAll(STYLE_BLOCK)) {
      const id = /\bw:styleId="([^"]*)"/.exec(attributes!)?.[1];
      const isDefault = /\bw:default="(?:1|true)"/.test(attributes!);
      if (isDefault || (id !== undefined && used.has(id))) for (const family of fontsIn(body!)) families.add(family);
    }
  }
  const legacy: LegacyDocxFont[] = [];
  for (const family of families) {
    const encoding = isLegacyVietnameseFont(family);
    if (encoding) legacy.push({ family, encoding });
  }
  return legacy;
}

function* fontsIn(xml: string): Generator<string> {
  for (const [, attributes] of xml.matchAll(RUN_FONTS)) {
    for (const [, family] of attributes!.matchAll(FONT_ATTRIBUTE)) yield decodeXmlEntities(family!);
  }
}

function decodeXmlEntities(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name]!);
}
