import type { PluginContext } from '@cong/sdk';
import type { Transaction } from 'kysely';
import { DOCUMENT_TYPES } from '../intake/document-types.js';
import type { GazetteIntakeDatabase, SubmissionFileRow, SubmissionRow } from '../intake/gazette-database.js';
import { SubmissionService, transition } from '../intake/submission.service.js';
import { isoOrNull } from '../intake/vietnam-date.js';
import type { GazetteSubmissionsService, IssueReadiness, SubmissionFileRef, SubmissionForIssue } from './gazette-submissions-ref.js';

const NOT_READY: Record<string, { vi: string; en: string }> = {
  draft: { vi: 'Văn bản chưa được gửi.', en: 'The document has not been sent.' },
  sent: { vi: 'Văn bản chưa được vào sổ.', en: 'The document is not registered yet.' },
  registered: { vi: 'Văn bản chưa được đối chiếu.', en: 'The document has not been compared yet.' },
  comparing: { vi: 'Văn bản đang được đối chiếu.', en: 'The comparison is still open.' },
  returned: { vi: 'Bản điện tử chưa khớp bản gốc; chờ đơn vị gửi lại.', en: 'The electronic copy does not match; waiting for the corrected copy.' },
  corrected: { vi: 'Đã nhận bản sửa; chưa đối chiếu lại.', en: 'The corrected copy has not been compared yet.' },
  published: { vi: 'Văn bản đã được đăng Công báo.', en: 'The document is already published.' },
  withdrawn: { vi: 'Đơn vị đã rút văn bản.', en: 'The issuer withdrew the document.' },
  missing: { vi: 'Không có văn bản gửi đăng này.', en: 'There is no such submission.' },
};

function fileRef(row: SubmissionFileRow | undefined): SubmissionFileRef | null {
  if (!row) return null;
  return { fileId: row.file_id, fileName: row.original_name, mediaType: row.media_type, sha256: row.sha256, size: Number(row.size), version: Number(row.version) };
}

/** {@link GazetteSubmissionsService} over the intake tables. */
export class DefaultGazetteSubmissions implements GazetteSubmissionsService {
  readonly #service: SubmissionService;

  constructor(ctx: PluginContext) {
    this.#service = new SubmissionService(ctx);
  }

  async isReadyForIssue(submissionId: string): Promise<boolean> {
    return (await this.readiness(submissionId)).ready;
  }

  async readiness(submissionId: string): Promise<IssueReadiness> {
    const row = await this.#service.repo.findAny(submissionId);
    const status = row?.status ?? 'missing';
    if (status === 'passed') return { ready: true, status };
    return { ready: false, status, reason: NOT_READY[status] ?? NOT_READY.missing! };
  }

  async get(submissionId: string): Promise<SubmissionForIssue | undefined> {
    const row = await this.#service.repo.findAny(submissionId);
    return row ? this.#view(row) : undefined;
  }

  async listReady(officeId: string): Promise<readonly SubmissionForIssue[]> {
    const rows = (await this.#service.repo.open(officeId)).filter((row) => row.status === 'passed');
    rows.sort((a, b) => Number(a.sent_at) - Number(b.sent_at));
    return Promise.all(rows.map((row) => this.#view(row)));
  }

  async markPublished(submissionId: string, input: { publishedAt: Date; issueRef: string; actorId: string; actorUnitId: string }, options: { trx?: Transaction<any> } = {}): Promise<void> {
    const current = await this.#service.repo.findAny(submissionId, options.trx as Transaction<GazetteIntakeDatabase> | undefined);
    if (!current || current.status !== 'passed') throw transition(current?.status ?? 'draft', 'published');
    const at = input.publishedAt.getTime();
    const changes: Partial<SubmissionRow> = { status: 'published', published_at: at, published_ref: input.issueRef, updated_at: Math.max(at, Number(current.updated_at) + 1) };
    await this.#service.step(current, ['passed'], changes, 'published', { id: input.actorId }, input.actorUnitId, null, { publishedRef: input.issueRef }, options.trx as Transaction<GazetteIntakeDatabase> | undefined);
  }

  async #view(row: SubmissionRow): Promise<SubmissionForIssue> {
    const [original, electronic] = await Promise.all([this.#service.repo.currentFile(row.id, 'original'), this.#service.repo.currentFile(row.id, 'electronic')]);
    return {
      id: row.id,
      issuerUnitId: row.tenant_id,
      officeId: row.office_id,
      status: row.status,
      documentType: row.document_type,
      documentTypeName: DOCUMENT_TYPES[row.document_type] ?? { vi: row.document_type },
      numberSymbol: row.number_symbol,
      summary: row.summary,
      issuingAgency: row.issuing_agency,
      signer: row.signer,
      signedOn: row.signed_on,
      effectiveOn: row.effective_on,
      inForceOnSigning: Number(row.in_force_on_signing) === 1,
      legalNormative: Number(row.legal_normative) === 1,
      field: row.field,
      register: row.register_number === null ? null : `${row.register_number}/${row.register_year}`,
      receivedAt: isoOrNull(row.sent_at),
      publishDue: row.publish_due,
      passedAt: isoOrNull(row.passed_at),
      original: fileRef(original),
      electronic: fileRef(electronic),
      publishedAt: isoOrNull(row.published_at),
      publishedRef: row.published_ref,
    };
  }
}
