import { Readable } from 'node:stream';
import { respond, type RouteResponse } from '@cong/sdk';

/**
 * A file as a download: its type, and the Vietnamese name in `Content-Disposition` (RFC 6266/5987: an
 * ASCII fallback and the UTF-8 name); never rendered inline.
 */
export function fileDownload(content: Readable | Uint8Array | string, name: string, contentType: string, cache = 'private, no-store'): RouteResponse {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_') || 'tep';
  const body = content instanceof Readable ? content : Readable.from([typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content)]);
  return respond(200, body, {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'x-content-type-options': 'nosniff',
    'cache-control': cache,
  });
}

export const MEDIA_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
} as const;
