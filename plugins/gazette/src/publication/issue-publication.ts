import { randomUUID } from 'node:crypto';
import { coreServices, fold, type PluginContext } from '@cong/sdk';
import { extractText } from '../comparison/index.js';
import { CorrectionPlacement } from '../corrections/correction-placement.js';
import { GAZETTE_ERR_ENTRY_NOT_READY, GAZETTE_ERR_ISSUE_EMPTY, GAZETTE_ERR_UNSIGNED_REFUSED } from '../errors.js';
import type { Actor } from '../intake/intake-request.js';
import { storedFileBytes } from '../intake/stored-file-bytes.js';
import { indexGazetteDocument } from '../search/index.js';
import { renderIssue, type IssueDocumentInput, type IssuePublisher } from '../rendering/index.js';
import { gazetteSubmissionsRef, type SubmissionForIssue } from '../review/gazette-submissions-ref.js';
import { signerFromConfig, type PdfSigner } from '../signing/index.js';
import { eliPath, uniqueEliPath } from './eli-path.js';
import type { IssueDetail, IssueSignature } from './issue.schema.js';
import { assertEditable, IssueService } from './issue.service.js';
import { issueLabel, issueRef } from './issue-views.js';
import type { PublicationConfig } from './publication-config.js';
import type { DocumentRow, IssueRow } from './publication-database.js';
import { inTransaction, publicationDb, type PublicationTrx } from './publication-store.js';

/** The job that renders, signs and publishes an issue. */
export const PUBLISH_ISSUE_JOB = 'publish-issue';

export interface PublishIssuePayload {
  readonly issueId: string;
  readonly actorId: string;
}

/**
 * Publication (GAZ-05, GAZ-22, GAZ-23, GAZ-24): the request checks what can be checked at once (the
 * issue has documents, each still passed, the correction rules, a signer or the explicit permission to
 * publish unsigned), marks the issue `rendering` and queues the job in the same transaction. The job
 * renders the issue, signs it, stores the PDF, and then writes everything in ONE transaction: the issue
 * published with its file, hash, page count and signature; a `gazette_documents` row per entry; the
 * entries' documents and pages; each submission `published`; corrections and their `corrects` relation.
 * A failure leaves the issue `failed` with `render_error`, and the composer may publish it again.
 */
export class IssuePublication {
  constructor(
    private readonly ctx: PluginContext,
    private readonly config: PublicationConfig,
  ) {}

  async request(officeId: string, actor: Actor, id: string): Promise<IssueDetail> {
    const issues = new IssueService(this.ctx);
    const issue = await issues.row(officeId, id);
    assertEditable(issue);
    await this.signer();
    const entries = await issues.db.selectFrom('gazette_issue_entries').select('submission_id').where('issue_id', '=', id).orderBy('position', 'asc').execute();
    if (entries.length === 0) throw GAZETTE_ERR_ISSUE_EMPTY.create({ issue: `${issueLabel(issue)}/${issue.year}` });
    const submissions = this.ctx.get(gazetteSubmissionsRef);
    for (const entry of entries) {
      const readiness = await submissions.readiness(entry.submission_id);
      if (!readiness.ready) throw GAZETTE_ERR_ENTRY_NOT_READY.create({ submission: entry.submission_id, status: readiness.status, reason: readiness.reason?.vi ?? '' });
    }
    await new CorrectionPlacement(issues.db).checkPublication(issue, entries.map((e) => e.submission_id));
    await inTransaction(this.ctx, async (trx) => {
      const now = Math.max(Date.now(), Number(issue.updated_at) + 1);
      const claimed = await trx.updateTable('gazette_issues').set({ status: 'rendering', render_error: null, updated_at: now }).where('id', '=', id).where('status', 'in', ['draft', 'failed']).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) assertEditable(await issues.row(officeId, id, trx));
      // No dedupe key: the status claim above lets one request through, and a retry after a failure needs a new job.
      await this.ctx.get(coreServices.jobs).enqueue(PUBLISH_ISSUE_JOB, { issueId: id, actorId: actor.id } satisfies PublishIssuePayload, { trx, tenantId: officeId });
      await this.ctx.get(coreServices.audit).record(
        { action: 'gazette.issue.publish-request', objectType: 'gazette-issue', objectId: id, tenantId: officeId, after: { issue: `${issueLabel(issue)}/${issue.year}`, documents: entries.length } },
        { ...(actor.request ? { request: actor.request } : { actorId: actor.id }), trx },
      );
    });
    return issues.get(officeId, id);
  }

  /** The configured signer; refuses when there is none unless `publication.allowUnsigned` is set. */
  async signer(): Promise<PdfSigner | null> {
    const signer = await signerFromConfig(this.config.signing, process.env);
    if (!signer && !this.config.allowUnsigned) throw GAZETTE_ERR_UNSIGNED_REFUSED.create();
    return signer;
  }

  /** The job: runs once per request; an issue no longer `rendering` (published, or reset) is left alone. */
  async run(payload: PublishIssuePayload): Promise<void> {
    const db = publicationDb(this.ctx);
    const issue = await db.selectFrom('gazette_issues').selectAll().where('id', '=', payload.issueId).executeTakeFirst();
    if (!issue || issue.status !== 'rendering') return;
    let storedFileId: string | undefined;
    try {
      storedFileId = await this.#publish(issue, payload.actorId, (fileId) => (storedFileId = fileId));
    } catch (error) {
      const message = error instanceof Error ? `${(error as { code?: string }).code ? `${(error as { code?: string }).code}: ` : ''}${error.message}` : String(error);
      this.ctx.logger.warn('gazette issue publication failed', { issue: issue.id, error: message });
      if (storedFileId) await this.ctx.get(coreServices.files).remove(storedFileId).catch(() => undefined);
      await inTransaction(this.ctx, async (trx) => {
        await trx.updateTable('gazette_issues').set({ status: 'failed', render_error: message.slice(0, 1000), updated_at: Math.max(Date.now(), Number(issue.updated_at) + 1) }).where('id', '=', issue.id).where('status', '=', 'rendering').execute();
        await this.ctx.get(coreServices.audit).record(
          { action: 'gazette.issue.publish-failed', objectType: 'gazette-issue', objectId: issue.id, tenantId: issue.office_id, after: { issue: `${issueLabel(issue)}/${issue.year}`, error: message.slice(0, 1000) } },
          { actorId: payload.actorId, trx },
        );
      });
    }
  }

  async #publish(issue: IssueRow, actorId: string, stored: (fileId: string) => void): Promise<string> {
    const db = publicationDb(this.ctx);
    const entries = await db.selectFrom('gazette_issue_entries').selectAll().where('issue_id', '=', issue.id).orderBy('position', 'asc').execute();
    const submissions = this.ctx.get(gazetteSubmissionsRef);
    const documents: { entry: (typeof entries)[number]; submission: SubmissionForIssue; fullText: string }[] = [];
    const layout: IssueDocumentInput[] = [];
    for (const entry of entries) {
      const submission = await submissions.get(entry.submission_id);
      if (!submission?.original) throw new Error(`submission ${entry.submission_id} has no signed original`);
      const pdf = await storedFileBytes(this.ctx, submission.original.fileId);
      // The published text is the electronic copy's (it passed comparison with the original).
      const source = submission.electronic ?? submission.original;
      const text = await extractText({ bytes: await storedFileBytes(this.ctx, source.fileId), fileName: source.fileName, mediaType: source.mediaType });
      documents.push({ entry, submission, fullText: text.text });
      layout.push({
        id: entry.submission_id,
        issuingAgency: submission.issuingAgency,
        issueDate: submission.signedOn,
        docType: submission.documentTypeName.vi,
        numberSymbol: submission.numberSymbol,
        summary: submission.summary,
        pdf,
        ...(entry.section ? { section: entry.section } : {}),
      });
    }
    const office = await this.ctx.get(coreServices.tenancy).get(issue.office_id);
    const provinceName = this.config.provinceName ?? (office?.nameVi ?? issue.office_id).replace(/^Tỉnh\s+/iu, '').replace(/^Thành phố\s+/iu, '');
    const numbers: number | [number, number] = Number(issue.number_from) === Number(issue.number_to) ? Number(issue.number_from) : [Number(issue.number_from), Number(issue.number_to)];
    const rendered = await renderIssue({ provinceName, publisher: this.#publisher(provinceName, office?.primaryHost ?? null), year: Number(issue.year), issueNumbers: numbers, publicationDate: issue.publication_date, documents: layout });

    const signer = await this.signer();
    const label = issueLabel(issue);
    let pdf = rendered.pdf;
    let signature: IssueSignature | null = null;
    if (signer) {
      const identity = await signer.describe();
      const signedAt = new Date();
      const details = { reason: `Phát hành Công báo tỉnh ${provinceName} ${label} năm ${issue.year}`, location: this.config.signingLocation ?? provinceName, name: identity.commonName ?? identity.subject, signedAt };
      pdf = await signer.sign(rendered.pdf, details);
      signature = {
        signerName: identity.commonName,
        organisation: identity.organisation,
        subject: identity.subject,
        issuer: identity.issuer,
        serialNumber: identity.serialNumber,
        fingerprintSha256: identity.fingerprintSha256,
        validFrom: identity.validFrom,
        validTo: identity.validTo,
        signedAt: signedAt.toISOString(),
        reason: details.reason,
        location: details.location,
        signerId: signer.id,
      };
    }
    const numberPart = numbers === Number(issue.number_from) ? `${issue.number_from}` : `${issue.number_from}-${issue.number_to}`;
    const file = await this.ctx.get(coreServices.files).save(Buffer.from(pdf), { originalName: `cong-bao-${issue.year}-so-${numberPart}.pdf`, tenantId: issue.office_id, allowedTypes: ['application/pdf'] });
    stored(file.id);

    const pages = new Map(rendered.documents.map((d) => [d.id, d]));
    const now = Math.max(Date.now(), Number(issue.updated_at) + 1);
    await inTransaction(this.ctx, async (trx) => {
      const claimed = await trx
        .updateTable('gazette_issues')
        .set({ status: 'published', file_id: file.id, sha256: file.sha256, page_count: rendered.pageCount, signature: signature ? JSON.stringify(signature) : null, renderer: rendered.renderer, render_error: null, published_by: actorId, published_at: now, updated_at: now })
        .where('id', '=', issue.id)
        .where('status', '=', 'rendering')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) throw new Error(`issue ${issue.id} is no longer being rendered`);
      const taken = new Set<string>();
      const documentIds = new Map<string, string>();
      for (const { entry, submission, fullText } of documents) {
        const range = pages.get(entry.submission_id)!;
        const row = await this.#documentRow(trx, issue, submission, fullText, range, now, taken);
        documentIds.set(submission.id, row.id);
        await trx.insertInto('gazette_documents').values(row).execute();
        // Searchable the moment it is published, and not at all if this transaction rolls back.
        await indexGazetteDocument(this.ctx, row, { trx });
        await trx.updateTable('gazette_issue_entries').set({ document_id: row.id, first_page: range.firstPage, last_page: range.lastPage }).where('issue_id', '=', issue.id).where('position', '=', entry.position).execute();
        await this.ctx.get(gazetteSubmissionsRef).markPublished(submission.id, { publishedAt: new Date(now), issueRef: issueRef(issue), actorId, actorUnitId: issue.office_id }, { trx });
      }
      await linkPublishedCorrections(trx, issue.office_id, documentIds, actorId, now);
      await this.ctx.get(coreServices.audit).record(
        { action: 'gazette.issue.publish', objectType: 'gazette-issue', objectId: issue.id, tenantId: issue.office_id, after: { issue: `${label}/${issue.year}`, sha256: file.sha256, pages: rendered.pageCount, signed: signature !== null, documents: documents.length } },
        { actorId, trx },
      );
    });
    return file.id;
  }

  async #documentRow(trx: PublicationTrx, issue: IssueRow, s: SubmissionForIssue, fullText: string, range: { firstPage: number; lastPage: number }, now: number, taken: Set<string>): Promise<DocumentRow> {
    const row = await trx.selectFrom('gazette_submissions').select(['doc_number', 'doc_year', 'doc_symbol', 'number_key']).where('id', '=', s.id).executeTakeFirstOrThrow();
    const correction = await trx.selectFrom('gazette_corrections').select('id').where('correction_submission_id', '=', s.id).executeTakeFirst();
    const base = eliPath({ documentType: s.documentType, numberSymbol: s.numberSymbol, docYear: row.doc_year === null ? null : Number(row.doc_year), signedOn: s.signedOn });
    // Paths are unique per office: the same number and symbol published twice (a re-issued text) gets `-2`.
    const existing = await trx.selectFrom('gazette_documents').select('eli_path').where('office_id', '=', issue.office_id).where((eb) => eb.or([eb('eli_path', '=', base), eb('eli_path', 'like', `${base}-%`)])).execute();
    for (const e of existing) taken.add(e.eli_path);
    const path = uniqueEliPath(base, taken);
    taken.add(path);
    return {
      id: randomUUID(),
      office_id: issue.office_id,
      tenant_id: s.issuerUnitId,
      submission_id: s.id,
      kind: correction ? 'correction' : 'document',
      document_type: s.documentType,
      number_symbol: s.numberSymbol,
      number_key: row.number_key,
      doc_number: row.doc_number,
      doc_year: row.doc_year === null ? null : Number(row.doc_year),
      doc_symbol: row.doc_symbol,
      summary: s.summary,
      issuing_agency: s.issuingAgency,
      // Documents of the provincial gazette come from the province's own units (GAZ-02).
      issuer_level: 'local',
      signer: s.signer,
      signed_on: s.signedOn,
      effective_on: s.effectiveOn,
      expires_on: null,
      legal_normative: s.legalNormative ? 1 : 0,
      field: s.field,
      full_text: fullText,
      search_text: fold([s.numberSymbol, s.summary, s.issuingAgency, fullText].join('\n')),
      summary_folded: fold(s.summary),
      issue_id: issue.id,
      issue_year: Number(issue.year),
      first_page: range.firstPage,
      last_page: range.lastPage,
      published_on: issue.publication_date,
      published_at: now,
      eli_path: path,
      original_file_id: s.original!.fileId,
      original_sha256: s.original!.sha256,
      electronic_file_id: s.electronic?.fileId ?? null,
      electronic_sha256: s.electronic?.sha256 ?? null,
      validity_override: null,
      validity_reason: null,
      validity_set_by: null,
      validity_set_at: null,
      created_at: now,
      updated_at: now,
    };
  }

  #publisher(provinceName: string, host: string | null): IssuePublisher {
    const configured = this.config.publisher;
    return {
      name: configured.name ?? `Văn phòng Ủy ban nhân dân tỉnh ${provinceName}`,
      address: configured.address ?? `Tỉnh ${provinceName}`,
      phone: configured.phone ?? '—',
      email: configured.email ?? '—',
      website: configured.website ?? (host ? `https://${host}` : '—'),
    };
  }
}


/**
 * At publication, corrections learn their documents: a correction notice published now gets its
 * document, a faulty document published now (GAZ-25, same issue) becomes the corrected document, and
 * each correction whose both sides are published gets its `corrects` relation (notice → faulty document).
 * The corrected document's `updated_at` moves, so the public feed shows its new correction banner.
 */
async function linkPublishedCorrections(trx: PublicationTrx, officeId: string, documentIds: ReadonlyMap<string, string>, actorId: string, now: number): Promise<void> {
  const submissionIds = [...documentIds.keys()];
  if (submissionIds.length === 0) return;
  const rows = await trx
    .selectFrom('gazette_corrections')
    .selectAll()
    .where('office_id', '=', officeId)
    .where((eb) => eb.or([eb('correction_submission_id', 'in', submissionIds), eb('corrected_submission_id', 'in', submissionIds)]))
    .execute();
  for (const row of rows) {
    const correctionDocumentId = row.correction_document_id ?? documentIds.get(row.correction_submission_id) ?? null;
    const correctedDocumentId = row.corrected_document_id ?? documentIds.get(row.corrected_submission_id) ?? null;
    await trx.updateTable('gazette_corrections').set({ correction_document_id: correctionDocumentId, corrected_document_id: correctedDocumentId, updated_at: now }).where('id', '=', row.id).execute();
    if (correctionDocumentId && correctedDocumentId && documentIds.has(row.correction_submission_id)) {
      await trx
        .insertInto('gazette_document_relations')
        .values({ office_id: officeId, from_document_id: correctionDocumentId, to_document_id: correctedDocumentId, kind: 'corrects', note: row.reason.slice(0, 500), partial: 0, created_by: actorId, created_at: now })
        .execute();
      await trx.updateTable('gazette_documents').set({ updated_at: now }).where('id', '=', correctedDocumentId).execute();
    }
  }
}
