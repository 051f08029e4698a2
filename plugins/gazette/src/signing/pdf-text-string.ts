/**
 * Encodes text for a PDF literal string as the "binary string" pdf-lib's `PDFString.of` writes byte
 * for byte: UTF-16BE with a byte-order mark (ISO 32000-1 §7.9.2.2), so Vietnamese reasons and names
 * survive. `PDFString.of` does not escape, so the delimiters and line ends among the UTF-16 bytes are
 * escaped here (a raw CR inside a literal string would be read back as LF).
 */
export function encodePdfTextString(text: string): string {
  let out = '\\376\\377';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out += escapeByte(unit >> 8) + escapeByte(unit & 0xff);
  }
  return out;
}

function escapeByte(byte: number): string {
  switch (byte) {
    case 0x28:
      return '\\(';
    case 0x29:
      return '\\)';
    case 0x5c:
      return '\\\\';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    default:
      return String.fromCharCode(byte);
  }
}

/** Decodes the bytes of a PDF text string: UTF-16BE or UTF-8 with a byte-order mark, else PDFDocEncoding. */
export function decodePdfTextString(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    return swapped.swap16().toString('utf16le');
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return Buffer.from(bytes.subarray(3)).toString('utf8');
  }
  // PDFDocEncoding matches Latin-1 except for a few typographic characters in 0x18–0x1F and 0x80–0xA0,
  // which signature dictionaries practically never use.
  return Buffer.from(bytes).toString('latin1');
}
