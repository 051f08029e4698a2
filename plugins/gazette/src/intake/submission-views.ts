import { coreServices, type PluginContext } from '@cong/sdk';
import type { SourceChannel } from './document-types.js';
import type { ComparisonRoundRow, GazetteIntakeDatabase, SubmissionRow } from './gazette-database.js';
import type { SubmissionRepository } from './submission.repository.js';
import type { DeadlineState, DeadlineView, IntakeFlagView, RoundSummary, Submission, SubmissionDetail, TimelineDetail } from './submission.schema.js';
import type { UnitTree } from './unit-tree.js';
import { iso, isoOrNull, vietnamDate } from './vietnam-date.js';

/** Where a deadline stands on `today`, given the day it was met (or null). */
export function deadlineState(due: string, metOn: string | null, today: string): DeadlineState {
  if (metOn !== null) return metOn <= due ? 'met' : 'late';
  return today > due ? 'overdue' : 'pending';
}

function deadline(due: string | null, rule: string | null, metOn: string | null, today: string): DeadlineView | null {
  if (due === null || rule === null) return null;
  return { due, rule, metOn, state: deadlineState(due, metOn, today) };
}

export function parseFlags(json: string): IntakeFlagView[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? (value as IntakeFlagView[]) : [];
  } catch {
    return [];
  }
}

export function roundSummary(row: ComparisonRoundRow): RoundSummary {
  return {
    round: Number(row.round),
    status: row.status,
    identical: Number(row.identical) === 1,
    similarity: Number(row.similarity),
    discrepancyCount: (JSON.parse(row.discrepancies) as unknown[]).length,
    openedAt: iso(row.opened_at),
    decidedAt: isoOrNull(row.decided_at),
    notifiedAt: isoOrNull(row.notified_at),
  };
}

/** Rows as the API shows them. */
export class SubmissionViews {
  constructor(
    private readonly ctx: PluginContext,
    private readonly repo: SubmissionRepository,
    private readonly units: UnitTree,
  ) {}

  async submission(row: SubmissionRow, today = vietnamDate(Date.now())): Promise<Submission> {
    const registerNumber = row.register_number === null ? null : Number(row.register_number);
    return {
      id: row.id,
      issuer: await this.units.ref(row.tenant_id),
      office: await this.units.ref(row.office_id),
      origin: row.origin,
      status: row.status,
      documentType: row.document_type,
      numberSymbol: row.number_symbol,
      number: row.doc_number,
      year: row.doc_year === null ? null : Number(row.doc_year),
      symbol: row.doc_symbol,
      summary: row.summary,
      issuingAgency: row.issuing_agency,
      signer: row.signer,
      signedOn: row.signed_on,
      effectiveOn: row.effective_on,
      inForceOnSigning: Number(row.in_force_on_signing) === 1,
      legalNormative: Number(row.legal_normative) === 1,
      field: row.field,
      sourceChannel: row.source_channel as SourceChannel,
      submitterEmail: row.submitter_email,
      note: row.note,
      register:
        registerNumber === null
          ? null
          : { year: Number(row.register_year), number: registerNumber, label: `${registerNumber}/${row.register_year}`, registeredAt: iso(row.registered_at!), registeredBy: row.registered_by ?? '' },
      sentAt: isoOrNull(row.sent_at),
      sentBy: row.sent_by,
      deadlines: {
        send: deadline(row.send_due, row.send_rule, row.sent_on, today),
        publish: deadline(row.publish_due, row.publish_rule, row.published_at === null ? null : vietnamDate(Number(row.published_at)), today),
      },
      flags: parseFlags(row.flags),
      round: Number(row.round_count),
      passedAt: isoOrNull(row.passed_at),
      publishedAt: isoOrNull(row.published_at),
      publishedRef: row.published_ref,
      withdrawnAt: isoOrNull(row.withdrawn_at),
      withdrawReason: row.withdraw_reason,
      createdBy: row.created_by,
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    };
  }

  async detail(row: SubmissionRow): Promise<SubmissionDetail> {
    const db = this.ctx.get(coreServices.database).kysely<GazetteIntakeDatabase>();
    const [base, files, events, rounds] = await Promise.all([
      this.submission(row),
      this.repo.files(row.id),
      this.repo.events(row.id),
      db.selectFrom('gazette_comparison_rounds').selectAll().where('submission_id', '=', row.id).orderBy('round', 'asc').execute(),
    ]);
    return {
      ...base,
      files: files.map((f) => ({
        id: f.id,
        role: f.role,
        version: Number(f.version),
        current: Number(f.is_current) === 1,
        fileName: f.original_name,
        mediaType: f.media_type,
        size: Number(f.size),
        sha256: f.sha256,
        uploadedBy: f.uploaded_by,
        uploadedUnitId: f.uploaded_unit_id,
        uploadedAt: iso(f.uploaded_at),
      })),
      timeline: events.map((e) => ({
        action: e.action,
        actorId: e.actor_id,
        unitId: e.actor_unit_id,
        remark: e.remark,
        detail: e.detail === null ? null : (JSON.parse(e.detail) as TimelineDetail),
        at: iso(e.created_at),
      })),
      rounds: rounds.map(roundSummary),
    };
  }
}
