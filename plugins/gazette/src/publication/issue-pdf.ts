import type { Readable } from 'node:stream';
import { coreServices, type PluginContext } from '@cong/sdk';
import { publicationDb } from './publication-store.js';

/** A published issue's signed PDF, ready to stream. */
export interface IssuePdf {
  readonly stream: Readable;
  /** `cong-bao-2026-so-12.pdf`. */
  readonly fileName: string;
  readonly size: number;
  /** Hex SHA-256 of the file, as recorded at publication (GAZ-24). */
  readonly sha256: string;
}

/**
 * Opens the signed PDF of a published issue, or undefined when there is no such published issue
 * (drafts and failed issues have no PDF). For the public site and the public download route; anyone
 * may read a published issue.
 */
export async function openIssuePdf(ctx: PluginContext, issueId: string): Promise<IssuePdf | undefined> {
  const issue = await publicationDb(ctx).selectFrom('gazette_issues').select(['file_id', 'sha256', 'status']).where('id', '=', issueId).executeTakeFirst();
  if (!issue || issue.status !== 'published' || !issue.file_id || !issue.sha256) return undefined;
  const files = ctx.get(coreServices.files);
  const stat = await files.stat(issue.file_id);
  if (!stat) return undefined;
  return { stream: await files.open(issue.file_id), fileName: stat.originalName, size: stat.size, sha256: issue.sha256 };
}

/** The headers of a PDF download: inline, immutable (a published issue never changes), its hash as the ETag. */
export function issuePdfHeaders(pdf: IssuePdf): Record<string, string> {
  return {
    'content-type': 'application/pdf',
    'content-length': String(pdf.size),
    'content-disposition': `inline; filename="${pdf.fileName.replace(/[^\w.-]/g, '_')}"`,
    etag: `"${pdf.sha256}"`,
    'cache-control': 'public, max-age=31536000, immutable',
  };
}
