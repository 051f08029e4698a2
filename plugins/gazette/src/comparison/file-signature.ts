/** What the first bytes of a file say it is. */
export type FileSignature = 'pdf' | 'zip' | 'ole' | 'rtf' | 'unknown';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Sniffs the container from the bytes: uploads arrive with whatever name and media type the sender's
 * computer gave them, so neither is trusted. A PDF may have junk before `%PDF-` (readers accept up to
 * 1 KiB of it); OLE is the compound file of Word 97–2003 `.doc` (and of password-protected DOCX).
 */
export function sniffFileSignature(bytes: Uint8Array): FileSignature {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(bytes, OLE_MAGIC)) return 'ole';
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf';
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  return 'unknown';
}

/**
 * True when an OLE compound file wraps an encrypted OOXML package (Office's password protection),
 * whose directory names the `EncryptedPackage` stream in UTF-16LE.
 */
export function isEncryptedOfficePackage(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from('EncryptedPackage', 'utf16le'));
}

/** The lower-case extension of a file name, without the dot; `''` when there is none. */
export function fileExtension(fileName: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(fileName.trim());
  return match ? match[1]!.toLowerCase() : '';
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.byteLength >= magic.length && magic.every((byte, index) => bytes[index] === byte);
}

/** True when an OLE compound file holds a Word 97–2003 document (its `WordDocument` stream), not Excel or PowerPoint. */
export function isWordCompoundFile(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from('WordDocument', 'utf16le'));
}
