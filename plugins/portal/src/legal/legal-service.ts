import { randomUUID } from 'node:crypto';
import { coreServices, fold, InputError, NotFoundError, normalizeText, type FieldIssue, type PluginContext, type RouteRequest } from '@cong/sdk';
import type { Transaction } from 'kysely';
import { PORTAL_ERR_LEGAL_DUPLICATE_NUMBER, PORTAL_ERR_LEGAL_RELATION_EXISTS } from '../errors.js';
import { INVERSE_RELATION, LEGAL_TYPES, LEGAL_TYPE_IDS, RELATION_LABELS, type RelationKind, type RelationLabel } from './document-types.js';
import { LegalRepository, unitKey, type DocumentRow, type LightRow, type Scope } from './legal-repository.js';
import type { FacetName, FacetValue, LegalDatabase, LegalDocument, LegalDocumentInput, LegalPage, ListLegalQuery, RelatedDocument } from './legal-schema.js';
import { computeStatus, LEGAL_STATUS_LABELS, LEGAL_STATUSES, type LegalStatus, type Replacement } from './validity.js';

/** Folded, whitespace collapsed: the key of a name or number for uniqueness, facets and search. */
export function foldKey(value: string): string {
  return fold(normalizeText(value)).replace(/\s+/gu, ' ').trim();
}

/** Search terms of a query: folded words. */
export function searchTerms(q: string | undefined): string[] {
  return q === undefined ? [] : foldKey(q).split(' ').filter((t) => t.length > 0).slice(0, 10);
}

const clean = (v: string) => normalizeText(v).replace(/\s+/gu, ' ').trim();
const cleanOrNull = (v: string | null | undefined) => (v === null || v === undefined || v.trim() === '' ? null : clean(v));
const iso = (ms: number) => new Date(Number(ms)).toISOString();

/**
 * The legal documents of a unit (POR-01): validation beyond the schema, uniqueness of the number per
 * issuer, statuses computed for a given day, faceted lists, relations both ways, and an audit entry
 * with every write, in the write's transaction.
 */
export class LegalService {
  readonly #repo: LegalRepository;

  constructor(private readonly ctx: PluginContext) {
    this.#repo = new LegalRepository(ctx.get(coreServices.database).kysely<LegalDatabase>());
  }

  async list(scope: Scope, query: ListLegalQuery, today: string): Promise<LegalPage> {
    const rows = await this.#repo.light(scope, searchTerms(query.q));
    const replacements = await this.#repo.replacements(scope);
    const statuses = new Map(rows.map((r) => [r.id, this.#status(r, replacements.get(r.id) ?? [], today).status]));
    const issuerKey = query.issuer === undefined ? undefined : foldKey(query.issuer);
    const fieldKey = query.field === undefined ? undefined : foldKey(query.field);
    const tests: Record<FacetName, (r: LightRow) => boolean> = {
      type: (r) => query.type === undefined || r.doc_type === query.type,
      issuer: (r) => issuerKey === undefined || r.issuer_key === issuerKey,
      field: (r) => fieldKey === undefined || r.field_key === fieldKey,
      year: (r) => query.year === undefined || Number(r.issue_year) === query.year,
      status: (r) => query.status === undefined || statuses.get(r.id) === query.status,
    };
    const names = Object.keys(tests) as FacetName[];
    const passesAllBut = (r: LightRow, except: FacetName | null) => names.every((n) => n === except || tests[n](r));

    // Each facet counts the documents that pass every other filter, so choosing a value shows how the others narrow.
    const facets = {} as Record<FacetName, FacetValue[]>;
    const valueOf: Record<FacetName, (r: LightRow) => { value: string; label: string } | null> = {
      type: (r) => ({ value: r.doc_type, label: LEGAL_TYPES[r.doc_type] }),
      issuer: (r) => ({ value: r.issuer_key, label: r.issuer }),
      field: (r) => (r.field_key === null || r.field === null ? null : { value: r.field_key, label: r.field }),
      year: (r) => ({ value: String(r.issue_year), label: String(r.issue_year) }),
      status: (r) => {
        const s = statuses.get(r.id)!;
        return { value: s, label: LEGAL_STATUS_LABELS[s] };
      },
    };
    for (const name of names) {
      const counts = new Map<string, FacetValue>();
      const spellings = new Map<string, Map<string, number>>();
      for (const r of rows) {
        if (!passesAllBut(r, name)) continue;
        const v = valueOf[name](r);
        if (v === null) continue;
        const entry = counts.get(v.value) ?? { ...v, count: 0 };
        entry.count++;
        counts.set(v.value, entry);
        const labels = spellings.get(v.value) ?? new Map<string, number>();
        labels.set(v.label, (labels.get(v.label) ?? 0) + 1);
        spellings.set(v.value, labels);
      }
      // One folded value may be spelt several ways ("Đất đai", "đất đai"): show the commonest spelling.
      for (const entry of counts.values()) {
        const labels = [...spellings.get(entry.value)!.entries()];
        entry.label = labels.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'vi'))[0]![0];
      }
      const list = [...counts.values()];
      if (name === 'year') list.sort((a, b) => Number(b.value) - Number(a.value));
      else if (name === 'status') list.sort((a, b) => LEGAL_STATUSES.indexOf(a.value as LegalStatus) - LEGAL_STATUSES.indexOf(b.value as LegalStatus));
      else if (name === 'type') list.sort((a, b) => LEGAL_TYPE_IDS.indexOf(a.value as never) - LEGAL_TYPE_IDS.indexOf(b.value as never));
      else list.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi'));
      facets[name] = list;
    }

    const matching = rows.filter((r) => passesAllBut(r, null));
    matching.sort(comparator(query.sort));
    const pageIds = matching.slice(query.offset, query.offset + query.limit).map((r) => r.id);
    const full = new Map((await this.#repo.findMany(scope, pageIds)).map((r) => [r.id, r]));
    const items = pageIds.flatMap((id) => {
      const row = full.get(id);
      return row === undefined ? [] : [this.#toDocument(row, replacements.get(id) ?? [], today)];
    });
    return { items, total: matching.length, limit: query.limit, offset: query.offset, statusAsOf: today, facets };
  }

  async get(scope: Scope, id: string, today: string): Promise<LegalDocument> {
    const row = await this.#repo.find(scope, id);
    if (row === undefined) throw new NotFoundError(`Legal document ${id} does not exist`);
    const replacements = await this.#repo.replacements(scope, [id]);
    const doc = this.#toDocument(row, replacements.get(id) ?? [], today);
    const relations = await this.#repo.relationsOf(scope, id);
    const others = new Map((await this.#repo.findMany(scope, relations.map((r) => (r.from_id === id ? r.to_id : r.from_id)))).map((r) => [r.id, r]));
    // Outgoing first, then by kind (replacements first), then the other document's issue date.
    const kindOrder = (r: RelatedDocument) => RELATION_LABELS.indexOf(r.kind);
    doc.relations = relations.flatMap((r): RelatedDocument[] => {
      const outgoing = r.from_id === id;
      const other = others.get(outgoing ? r.to_id : r.from_id);
      if (other === undefined) return [];
      return [{
        relationId: r.id,
        kind: (outgoing ? r.kind : INVERSE_RELATION[r.kind]) as RelationLabel,
        direction: outgoing ? 'outgoing' : 'incoming',
        document: { id: other.id, typeName: other.type_name, numberSymbol: other.number_symbol, issuer: other.issuer, issuedOn: other.issued_on, summary: other.summary },
      }];
    }).sort((a, b) =>
      (a.direction === b.direction ? 0 : a.direction === 'outgoing' ? -1 : 1) ||
      kindOrder(a) - kindOrder(b) ||
      a.document.issuedOn.localeCompare(b.document.issuedOn) ||
      a.relationId.localeCompare(b.relationId),
    );
    return doc;
  }

  async create(scope: Scope, input: LegalDocumentInput, req: RouteRequest): Promise<string> {
    const now = Date.now();
    const id = randomUUID();
    const values = this.#values(input);
    const fileIds = await this.#checkFiles(scope, input.fileIds ?? []);
    const row: DocumentRow = {
      id,
      tenant_id: scope,
      unit_key: unitKey(scope),
      ...values,
      file_ids: JSON.stringify(fileIds),
      status_override: null,
      override_reason: null,
      override_at: null,
      override_by: null,
      created_at: now,
      updated_at: now,
    };
    await this.#write(async (trx) => {
      await this.#refuseDuplicate(scope, row.issuer_key, row.number_key, row.number_symbol, row.issuer, null, trx);
      await this.#repo.insert(row, trx);
      await this.#audit('portal.legal.create', scope, id, req, trx, undefined, summaryOf(row));
    }, () => this.#refuseDuplicate(scope, row.issuer_key, row.number_key, row.number_symbol, row.issuer, null));
    return id;
  }

  async update(scope: Scope, id: string, input: Partial<LegalDocumentInput>, req: RouteRequest): Promise<void> {
    const current = await this.#repo.find(scope, id);
    if (current === undefined) throw new NotFoundError(`Legal document ${id} does not exist`);
    const merged: LegalDocumentInput = {
      type: input.type ?? current.doc_type,
      typeName: 'typeName' in input ? input.typeName : current.doc_type === 'other' ? current.type_name : undefined,
      numberSymbol: input.numberSymbol ?? current.number_symbol,
      issuer: input.issuer ?? current.issuer,
      signer: 'signer' in input ? input.signer : current.signer,
      issuedOn: input.issuedOn ?? current.issued_on,
      effectiveOn: 'effectiveOn' in input ? input.effectiveOn : current.effective_on,
      expiresOn: 'expiresOn' in input ? input.expiresOn : current.expires_on,
      field: 'field' in input ? input.field : current.field,
      summary: input.summary ?? current.summary,
    };
    const values = this.#values(merged);
    const fileIds = input.fileIds === undefined ? undefined : await this.#checkFiles(scope, input.fileIds);
    const changes: Partial<DocumentRow> = { ...values, ...(fileIds === undefined ? {} : { file_ids: JSON.stringify(fileIds) }), updated_at: Date.now() };
    await this.#write(async (trx) => {
      await this.#refuseDuplicate(scope, values.issuer_key, values.number_key, values.number_symbol, values.issuer, id, trx);
      await this.#repo.update(scope, id, changes, trx);
      await this.#audit('portal.legal.update', scope, id, req, trx, summaryOf(current), summaryOf({ ...current, ...changes }));
    }, () => this.#refuseDuplicate(scope, values.issuer_key, values.number_key, values.number_symbol, values.issuer, id));
  }

  async setOverride(scope: Scope, id: string, status: LegalStatus, reason: string, req: RouteRequest): Promise<void> {
    const current = await this.#repo.find(scope, id);
    if (current === undefined) throw new NotFoundError(`Legal document ${id} does not exist`);
    const cleanReason = clean(reason);
    await this.#write(async (trx) => {
      await this.#repo.update(scope, id, { status_override: status, override_reason: cleanReason, override_at: Date.now(), override_by: req.principal?.id ?? null, updated_at: Date.now() }, trx);
      await this.#audit('portal.legal.override.set', scope, id, req, trx, { override: current.status_override, reason: current.override_reason }, { override: status, reason: cleanReason });
    });
  }

  async clearOverride(scope: Scope, id: string, req: RouteRequest): Promise<void> {
    const current = await this.#repo.find(scope, id);
    if (current === undefined) throw new NotFoundError(`Legal document ${id} does not exist`);
    if (current.status_override === null) return;
    await this.#write(async (trx) => {
      await this.#repo.update(scope, id, { status_override: null, override_reason: null, override_at: null, override_by: null, updated_at: Date.now() }, trx);
      await this.#audit('portal.legal.override.clear', scope, id, req, trx, { override: current.status_override, reason: current.override_reason }, { override: null });
    });
  }

  async addRelation(scope: Scope, fromId: string, kind: RelationKind, toId: string, req: RouteRequest): Promise<string> {
    if ((await this.#repo.find(scope, fromId)) === undefined) throw new NotFoundError(`Legal document ${fromId} does not exist`);
    if (fromId === toId) throw invalid('/targetId', 'must be another document', 'not');
    // Another unit's document is as unknown as a missing one; the pointer says which id.
    if ((await this.#repo.find(scope, toId)) === undefined) throw invalid('/targetId', 'is not a document of this unit', 'exists', 404);
    const id = randomUUID();
    const exists = () => this.#refuseRelation(scope, fromId, toId, kind);
    await this.#write(async (trx) => {
      await this.#refuseRelation(scope, fromId, toId, kind, trx);
      await this.#repo.insertRelation({ id, tenant_id: scope, from_id: fromId, to_id: toId, kind, created_at: Date.now() }, trx);
      await this.#audit('portal.legal.relation.add', scope, fromId, req, trx, undefined, { relationId: id, kind, targetId: toId });
    }, exists);
    return id;
  }

  async removeRelation(scope: Scope, documentId: string, relationId: string, req: RouteRequest): Promise<void> {
    const relation = await this.#repo.relation(scope, relationId);
    if (relation === undefined || (relation.from_id !== documentId && relation.to_id !== documentId)) {
      throw new NotFoundError(`Relation ${relationId} of legal document ${documentId} does not exist`);
    }
    await this.#write(async (trx) => {
      await this.#repo.deleteRelation(scope, relationId, trx);
      await this.#audit('portal.legal.relation.remove', scope, relation.from_id, req, trx, { relationId, kind: relation.kind, targetId: relation.to_id }, undefined);
    });
  }

  #status(row: Pick<DocumentRow, 'issued_on' | 'effective_on' | 'expires_on' | 'status_override'>, replacements: readonly Replacement[], today: string) {
    const computed = computeStatus({ issuedOn: row.issued_on, effectiveOn: row.effective_on, expiresOn: row.expires_on }, replacements, today);
    return { computed, status: row.status_override ?? computed };
  }

  #toDocument(row: DocumentRow, replacements: readonly Replacement[], today: string): LegalDocument {
    const { computed, status } = this.#status(row, replacements, today);
    return {
      id: row.id,
      type: row.doc_type,
      typeName: row.type_name,
      numberSymbol: row.number_symbol,
      issuer: row.issuer,
      signer: row.signer,
      issuedOn: row.issued_on,
      effectiveOn: row.effective_on,
      expiresOn: row.expires_on,
      field: row.field,
      summary: row.summary,
      fileIds: JSON.parse(row.file_ids) as string[],
      status,
      computedStatus: computed,
      statusAsOf: today,
      statusOverride:
        row.status_override === null
          ? null
          : { status: row.status_override, reason: row.override_reason ?? '', setAt: iso(row.override_at ?? row.updated_at), setBy: row.override_by },
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    };
  }

  /** The stored columns of the input, after the checks a schema cannot make. */
  #values(input: LegalDocumentInput) {
    const issues: FieldIssue[] = [];
    if (input.type === 'other' && (input.typeName === undefined || input.typeName.trim() === '')) {
      issues.push({ in: 'body', pointer: '/typeName', message: 'is required when type is other', keyword: 'required' });
    }
    const start = input.effectiveOn ?? input.issuedOn;
    if (input.expiresOn !== null && input.expiresOn !== undefined && input.expiresOn <= start) {
      issues.push({ in: 'body', pointer: '/expiresOn', message: `must be after the day the document takes effect (${start})`, keyword: 'formatMinimum' });
    }
    if (issues.length > 0) throw new InputError(`Invalid legal document: ${issues.map((i) => `${i.pointer} ${i.message}`).join('; ')}`, { errors: issues });
    const typeName = input.type === 'other' ? clean(input.typeName!) : LEGAL_TYPES[input.type];
    const numberSymbol = clean(input.numberSymbol);
    const issuer = clean(input.issuer);
    const signer = cleanOrNull(input.signer);
    const field = cleanOrNull(input.field);
    const summary = normalizeText(input.summary).trim();
    return {
      doc_type: input.type,
      type_name: typeName,
      number_symbol: numberSymbol,
      // 41/2019/QĐ-UBND and "41/2019/qđ-ubnd " are the same number.
      number_key: foldKey(numberSymbol).replace(/\s+/gu, ''),
      issuer,
      issuer_key: foldKey(issuer),
      signer,
      issued_on: input.issuedOn,
      issue_year: Number(input.issuedOn.slice(0, 4)),
      effective_on: input.effectiveOn ?? null,
      expires_on: input.expiresOn ?? null,
      field,
      field_key: field === null ? null : foldKey(field),
      summary,
      search_text: foldKey([typeName, numberSymbol, issuer, signer ?? '', field ?? '', summary].join(' ')),
    };
  }

  async #checkFiles(scope: Scope, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const files = this.ctx.get(coreServices.files);
    const issues: FieldIssue[] = [];
    for (const [i, id] of ids.entries()) {
      const file = await files.stat(id).catch(() => undefined);
      if (file === undefined || (file.tenantId ?? null) !== scope) issues.push({ in: 'body', pointer: `/fileIds/${i}`, message: 'is not a file of this unit', keyword: 'exists' });
    }
    if (issues.length > 0) throw new InputError('Unknown attached file', { errors: issues });
    return [...ids];
  }

  async #refuseDuplicate(scope: Scope, issuerKey: string, numberKey: string, numberSymbol: string, issuer: string, exceptId: string | null, trx?: Transaction<LegalDatabase>): Promise<void> {
    const other = await this.#repo.findByNumber(scope, issuerKey, numberKey, exceptId, trx);
    if (other !== undefined) {
      throw PORTAL_ERR_LEGAL_DUPLICATE_NUMBER.create(
        { numberSymbol, issuer },
        { errors: [{ in: 'body', pointer: '/numberSymbol', message: `already used by document ${other.id} of the same issuer`, keyword: 'unique' }] },
      );
    }
  }

  async #refuseRelation(scope: Scope, fromId: string, toId: string, kind: RelationKind, trx?: Transaction<LegalDatabase>): Promise<void> {
    if ((await this.#repo.findRelation(scope, fromId, toId, kind, trx)) !== undefined) {
      throw PORTAL_ERR_LEGAL_RELATION_EXISTS.create({ kind }, { errors: [{ in: 'body', pointer: '/targetId', message: `already has this relation (${kind})`, keyword: 'unique' }] });
    }
  }

  /**
   * Runs a write in one transaction. Two writers can pass the same uniqueness check at once; the
   * unique index then refuses the second, and `explain` turns that failure into the 409 it would have had.
   */
  async #write(work: (trx: Transaction<LegalDatabase>) => Promise<void>, explain?: () => Promise<void>): Promise<void> {
    try {
      await this.ctx.get(coreServices.database).transaction<LegalDatabase, void>(work);
    } catch (error) {
      if (explain !== undefined && !isCongError(error)) await explain();
      throw error;
    }
  }

  async #audit(action: string, scope: Scope, id: string, req: RouteRequest, trx: Transaction<LegalDatabase>, before: unknown, after: unknown): Promise<void> {
    await this.ctx.get(coreServices.audit).record({ action, objectType: 'legal-document', objectId: id, tenantId: scope, before, after }, { request: req, trx });
  }
}

function isCongError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' && /_ERR_/.test((error as { code: string }).code);
}

function invalid(pointer: string, message: string, keyword: string, status = 400): Error {
  const issue: FieldIssue = { in: 'body', pointer, message, keyword };
  return status === 404
    ? new NotFoundError(`Legal document in ${pointer} ${message}`, { errors: [issue] })
    : new InputError(`${pointer} ${message}`, { errors: [issue] });
}

function summaryOf(row: Partial<DocumentRow>) {
  return {
    type: row.doc_type, numberSymbol: row.number_symbol, issuer: row.issuer, signer: row.signer, issuedOn: row.issued_on,
    effectiveOn: row.effective_on, expiresOn: row.expires_on, field: row.field, fileIds: row.file_ids,
  };
}

function comparator(sort: ListLegalQuery['sort']): (a: LightRow, b: LightRow) => number {
  const desc = sort.startsWith('-');
  const key = sort.replace(/^-/, '');
  const value = (r: LightRow): string | number =>
    key === 'issuedOn' ? r.issued_on : key === 'effectiveOn' ? (r.effective_on ?? r.issued_on) : key === 'numberSymbol' ? r.number_key : Number(r.updated_at);
  return (a, b) => {
    const va = value(a);
    const vb = value(b);
    const c = va < vb ? -1 : va > vb ? 1 : 0;
    return (desc ? -c : c) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };
}
