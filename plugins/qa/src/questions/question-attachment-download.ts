import type { Readable } from 'node:stream';
import { respond, type RouteResponse } from '@cong/sdk';
import type { QuestionAttachmentRow } from './qa-database.js';

/**
 * A citizen's file as a download for staff: the sniffed type, the size, the sender's name in
 * `Content-Disposition` (an ASCII fallback and the UTF-8 name), never rendered inline nor cached.
 */
export function questionAttachmentDownload(file: { row: QuestionAttachmentRow; content: Readable }): RouteResponse {
  const ascii = file.row.name.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_') || 'tep-dinh-kem';
  return respond(200, file.content, {
    'content-type': file.row.content_type,
    'content-length': String(file.row.size),
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.row.name)}`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
  });
}
