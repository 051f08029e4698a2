import { coreServices, NotFoundError, normalizeText, type PluginContext } from '@cong/sdk';
import { correctionViews } from '../corrections/correction-views.js';
import { GAZETTE_ERR_RELATION_INVALID } from '../errors.js';
import type { Actor } from '../intake/intake-request.js';
import { vietnamDate } from '../intake/vietnam-date.js';
import type { DocumentDetail, RelationView } from './document.schema.js';
import { issueLabel } from './issue-views.js';
import type { DocumentRow, RelationKind, Validity } from './publication-database.js';
import { inTransaction, iso, isUniqueViolation, publicationDb, type PublicationDb, type PublicationTrx } from './publication-store.js';
import { validityOf, type ValidityRelation } from './validity.js';

type RelationWithOther = { from_document_id: string; to_document_id: string; kind: RelationKind; partial: number; note: string | null; created_by: string; created_at: number; other_id: string; other_number_symbol: string; other_summary: string; other_eli_path: string; other_effective_on: string | null };

/**
 * Published documents as the office manages them after publication: the relations between them
 * (replaces, amends, repeals, guides; `corrects` is written by publication), their end date, and the
 * manual validity override with its reason. The published text and files never change (GAZ-24).
 * Every change moves the document's `updated_at` (the public API's "updated since" feed) and is audited.
 */
export class DocumentService {
  readonly db: PublicationDb;

  constructor(private readonly ctx: PluginContext) {
    this.db = publicationDb(ctx);
  }

  async row(officeId: string, id: string, trx?: PublicationTrx): Promise<DocumentRow> {
    const row = await (trx ?? this.db).selectFrom('gazette_documents').selectAll().where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError(`Document ${id} does not exist`);
    return row;
  }

  async get(officeId: string, id: string, today = vietnamDate(Date.now())): Promise<DocumentDetail> {
    const doc = await this.row(officeId, id);
    const issue = await this.db.selectFrom('gazette_issues').select(['id', 'number_from', 'number_to', 'year', 'publication_date']).where('id', '=', doc.issue_id).executeTakeFirstOrThrow();
    const [incoming, outgoing] = await Promise.all([this.#relations(id, 'incoming'), this.#relations(id, 'outgoing')]);
    const [corrections, corrects] = await Promise.all([
      this.db.selectFrom('gazette_corrections').selectAll().where('corrected_document_id', '=', id).orderBy('created_at', 'asc').execute(),
      this.db.selectFrom('gazette_corrections').selectAll().where('correction_document_id', '=', id).orderBy('created_at', 'asc').execute(),
    ]);
    return {
      id: doc.id,
      kind: doc.kind,
      submissionId: doc.submission_id,
      issuerUnitId: doc.tenant_id,
      documentType: doc.document_type,
      numberSymbol: doc.number_symbol,
      summary: doc.summary,
      issuingAgency: doc.issuing_agency,
      signer: doc.signer,
      signedOn: doc.signed_on,
      effectiveOn: doc.effective_on,
      expiresOn: doc.expires_on,
      field: doc.field,
      legalNormative: Number(doc.legal_normative) === 1,
      fullText: doc.full_text,
      issue: { id: issue.id, label: issueLabel(issue), year: Number(issue.year), publicationDate: issue.publication_date },
      firstPage: Number(doc.first_page),
      lastPage: Number(doc.last_page),
      eliPath: doc.eli_path,
      originalSha256: doc.original_sha256,
      electronicSha256: doc.electronic_sha256,
      validity: validityOf({ id: doc.id, effectiveOn: doc.effective_on, expiresOn: doc.expires_on, validityOverride: doc.validity_override }, incoming.map(toValidityRelation), today),
      validityOverride: doc.validity_override
        ? { validity: doc.validity_override, reason: doc.validity_reason ?? '', setBy: doc.validity_set_by ?? '', setAt: iso(doc.validity_set_at ?? doc.updated_at) }
        : null,
      relations: { outgoing: outgoing.map(relationView), incoming: incoming.map(relationView) },
      corrections: await correctionViews(this.ctx, corrections),
      corrects: await correctionViews(this.ctx, corrects),
      publishedAt: iso(doc.published_at),
      updatedAt: iso(doc.updated_at),
    };
  }

  /** `id` replaces/amends/repeals/guides `toDocumentId`; `partial` (repeals, amends) means part of it only. */
  async addRelation(officeId: string, actor: Actor, id: string, input: { toDocumentId: string; kind: Exclude<RelationKind, 'corrects'>; partial?: boolean; note?: string | null }): Promise<DocumentDetail> {
    const from = await this.row(officeId, id);
    const to = await this.row(officeId, input.toDocumentId);
    if (from.id === to.id) throw GAZETTE_ERR_RELATION_INVALID.create({ reason: 'a document cannot act on itself' });
    const partial = input.partial === true;
    if (partial && input.kind !== 'repeals' && input.kind !== 'amends') throw GAZETTE_ERR_RELATION_INVALID.create({ reason: `only repeals and amends can be partial, not ${input.kind}` });
    const note = input.note ? normalizeText(input.note).trim() || null : null;
    try {
      await this.#write(actor, [from, to], 'relation-add', { from: from.number_symbol, to: to.number_symbol, kind: input.kind, partial, ...(note ? { note } : {}) }, async (trx, now) => {
        await trx.insertInto('gazette_document_relations').values({ office_id: officeId, from_document_id: from.id, to_document_id: to.id, kind: input.kind, partial: partial ? 1 : 0, note, created_by: actor.id, created_at: now }).execute();
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw GAZETTE_ERR_RELATION_INVALID.create({ reason: `${from.number_symbol} already ${input.kind} ${to.number_symbol}` });
      throw error;
    }
    return this.get(officeId, id);
  }

  async removeRelation(officeId: string, actor: Actor, id: string, toId: string, kind: Exclude<RelationKind, 'corrects'>): Promise<DocumentDetail> {
    const from = await this.row(officeId, id);
    const to = await this.row(officeId, toId);
    await this.#write(actor, [from, to], 'relation-remove', { from: from.number_symbol, to: to.number_symbol, kind }, async (trx) => {
      const removed = await trx.deleteFrom('gazette_document_relations').where('from_document_id', '=', from.id).where('to_document_id', '=', to.id).where('kind', '=', kind).executeTakeFirst();
      if (Number(removed.numDeletedRows) === 0) throw new NotFoundError(`${from.number_symbol} has no "${kind}" relation to ${to.number_symbol}`);
    });
    return this.get(officeId, id);
  }

  /** Sets (or, with `validity: null`, clears) the manual validity, always with a reason; both are audited. */
  async overrideValidity(officeId: string, actor: Actor, id: string, input: { validity: Validity | null; reason: string }): Promise<DocumentDetail> {
    const doc = await this.row(officeId, id);
    const reason = normalizeText(input.reason).trim();
    await this.#write(actor, [doc], 'validity', { validity: input.validity, reason, before: doc.validity_override }, async (trx, now) => {
      await trx
        .updateTable('gazette_documents')
        .set(input.validity === null ? { validity_override: null, validity_reason: null, validity_set_by: null, validity_set_at: null } : { validity_override: input.validity, validity_reason: reason, validity_set_by: actor.id, validity_set_at: now })
        .where('id', '=', id)
        .execute();
    });
    return this.get(officeId, id);
  }

  /** The first day the document is no longer in force (hết hiệu lực), or null. */
  async setExpiry(officeId: string, actor: Actor, id: string, expiresOn: string | null): Promise<DocumentDetail> {
    const doc = await this.row(officeId, id);
    await this.#write(actor, [doc], 'expiry', { expiresOn, before: doc.expires_on }, async (trx) => {
      await trx.updateTable('gazette_documents').set({ expires_on: expiresOn }).where('id', '=', id).execute();
    });
    return this.get(officeId, id);
  }

  async #write(actor: Actor, docs: readonly DocumentRow[], verb: string, after: Record<string, unknown>, work: (trx: PublicationTrx, now: number) => Promise<void>): Promise<void> {
    await inTransaction(this.ctx, async (trx) => {
      const now = Math.max(Date.now(), ...docs.map((d) => Number(d.updated_at) + 1));
      await work(trx, now);
      for (const doc of docs) await trx.updateTable('gazette_documents').set({ updated_at: now }).where('id', '=', doc.id).execute();
      await this.ctx.get(coreServices.audit).record(
        { action: `gazette.document.${verb}`, objectType: 'gazette-document', objectId: docs[0]!.id, tenantId: docs[0]!.office_id, after },
        { ...(actor.request ? { request: actor.request } : { actorId: actor.id }), trx },
      );
    });
  }

  #relations(id: string, direction: 'incoming' | 'outgoing'): Promise<RelationWithOther[]> {
    const [self, other] = direction === 'incoming' ? (['r.to_document_id', 'r.from_document_id'] as const) : (['r.from_document_id', 'r.to_document_id'] as const);
    return this.db
      .selectFrom('gazette_document_relations as r')
      .innerJoin('gazette_documents as o', 'o.id', other)
      .select(['r.from_document_id', 'r.to_document_id', 'r.kind', 'r.partial', 'r.note', 'r.created_by', 'r.created_at', 'o.id as other_id', 'o.number_symbol as other_number_symbol', 'o.summary as other_summary', 'o.eli_path as other_eli_path', 'o.effective_on as other_effective_on'])
      .where(self, '=', id)
      .orderBy('r.created_at', 'asc')
      .execute();
  }
}

function relationView(r: RelationWithOther): RelationView {
  return {
    fromDocumentId: r.from_document_id,
    toDocumentId: r.to_document_id,
    kind: r.kind,
    partial: Number(r.partial) === 1,
    note: r.note,
    other: { id: r.other_id, numberSymbol: r.other_number_symbol, summary: r.other_summary, eliPath: r.other_eli_path, effectiveOn: r.other_effective_on },
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
  };
}

function toValidityRelation(r: RelationWithOther): ValidityRelation {
  return { kind: r.kind, fromDocumentId: r.from_document_id, toDocumentId: r.to_document_id, partial: Number(r.partial) === 1, fromEffectiveOn: r.other_effective_on };
}

/**
 * The relations acting on a document, as {@link validityOf} reads them: for the public site, which
 * computes validity the same way the API does.
 */
export async function relationsActingOn(db: PublicationDb, documentId: string): Promise<ValidityRelation[]> {
  const rows = await db
    .selectFrom('gazette_document_relations as r')
    .innerJoin('gazette_documents as f', 'f.id', 'r.from_document_id')
    .select(['r.kind', 'r.from_document_id', 'r.to_document_id', 'r.partial', 'f.effective_on'])
    .where('r.to_document_id', '=', documentId)
    .execute();
  return rows.map((r) => ({ kind: r.kind, fromDocumentId: r.from_document_id, toDocumentId: r.to_document_id, partial: Number(r.partial) === 1, fromEffectiveOn: r.effective_on }));
}
