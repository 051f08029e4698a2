import { describe, expect, it } from 'vitest';
import type { PluginContext } from '@cong/sdk';
import { eliPath } from '../src/publication/eli-path.js';
import { uniqueEliPath } from '../src/publication/eli-path.js';
import { IssuePublication } from '../src/publication/issue-publication.js';
import { issueLabel } from '../src/publication/issue-views.js';
import { validityOf, type ValidityRelation } from '../src/publication/validity.js';

// The pure parts of publication: validity from dates and relations (what the public site computes
// too), ELI paths, issue labels, and the decision to publish unsigned.

const TODAY = '2026-11-29';
const doc = { id: 'd', effectiveOn: '2026-01-01', expiresOn: null };
const acting = (kind: ValidityRelation['kind'], fromEffectiveOn: string | null, partial = false): ValidityRelation => ({ kind, fromDocumentId: 'x', toDocumentId: 'd', partial, fromEffectiveOn });

describe('validityOf', () => {
  it('is in force with no relations, and not yet in force before its effective date', () => {
    expect(validityOf(doc, [], TODAY)).toBe('in-force');
    expect(validityOf({ ...doc, effectiveOn: null }, [], TODAY)).toBe('in-force');
    expect(validityOf({ ...doc, effectiveOn: '2026-11-30' }, [], TODAY)).toBe('not-yet-in-force');
    expect(validityOf({ ...doc, effectiveOn: TODAY }, [], TODAY)).toBe('in-force');
  });

  it('expires on its end date (the first day out of force)', () => {
    expect(validityOf({ ...doc, expiresOn: TODAY }, [], TODAY)).toBe('expired');
    expect(validityOf({ ...doc, expiresOn: '2026-11-30' }, [], TODAY)).toBe('in-force');
  });

  it('expires when replaced or repealed whole by a document in force, not before it takes effect', () => {
    expect(validityOf(doc, [acting('replaces', '2026-06-01')], TODAY)).toBe('expired');
    expect(validityOf(doc, [acting('repeals', null)], TODAY)).toBe('expired');
    expect(validityOf(doc, [acting('replaces', '2027-01-01')], TODAY)).toBe('in-force');
  });

  it('is partly expired when part of it is repealed, and stays in force under plain amendments, guidance and corrections', () => {
    expect(validityOf(doc, [acting('repeals', '2026-06-01', true)], TODAY)).toBe('partly-expired');
    expect(validityOf(doc, [acting('amends', '2026-06-01', true)], TODAY)).toBe('partly-expired');
    expect(validityOf(doc, [acting('amends', '2026-06-01'), acting('guides', null), acting('corrects', null)], TODAY)).toBe('in-force');
    // Whole repeal wins over a partial one.
    expect(validityOf(doc, [acting('repeals', null, true), acting('repeals', null)], TODAY)).toBe('expired');
  });

  it('ignores relations acting on other documents, and a manual override wins', () => {
    expect(validityOf(doc, [{ ...acting('repeals', null), toDocumentId: 'other' }], TODAY)).toBe('in-force');
    expect(validityOf({ ...doc, validityOverride: 'expired' }, [], TODAY)).toBe('expired');
    expect(validityOf({ ...doc, effectiveOn: '2030-01-01', validityOverride: 'in-force' }, [], TODAY)).toBe('in-force');
  });
});

describe('ELI paths and issue labels', () => {
  it('builds /eli/{type}/{year}/{number-symbol}, folded, unique per office', () => {
    expect(eliPath({ documentType: 'quyet-dinh', numberSymbol: '41/2026/QĐ-UBND', docYear: 2026, signedOn: '2026-03-12' })).toBe('/eli/quyet-dinh/2026/41-2026-qd-ubnd');
    expect(eliPath({ documentType: 'chi-thi', numberSymbol: '15/CT-UBND', docYear: null, signedOn: '2025-12-30' })).toBe('/eli/chi-thi/2025/15-ct-ubnd');
    expect(eliPath({ documentType: 'nghi-quyet', numberSymbol: '05/2026/NQ-HĐND', docYear: 2026, signedOn: '2026-01-02' })).toBe('/eli/nghi-quyet/2026/05-2026-nq-hdnd');
    expect(uniqueEliPath('/eli/a/2026/1', new Set(['/eli/a/2026/1', '/eli/a/2026/1-2']))).toBe('/eli/a/2026/1-3');
  });

  it('labels single and grouped issues as gazettes cite them', () => {
    expect(issueLabel({ number_from: 12, number_to: 12 })).toBe('Số 12');
    expect(issueLabel({ number_from: 243, number_to: 244 })).toBe('Từ số 243 đến số 244');
  });
});

describe('publishing without a signer', () => {
  // signer() reads only the configuration: no service of the context is used.
  const ctx = {} as PluginContext;

  it('is refused unless publication.allowUnsigned is true', async () => {
    await expect(new IssuePublication(ctx, { allowUnsigned: false, provinceName: undefined, publisher: {}, signingLocation: undefined, signing: {} }).signer()).rejects.toMatchObject({ code: 'GAZETTE_ERR_UNSIGNED_REFUSED', status: 409 });
    await expect(new IssuePublication(ctx, { allowUnsigned: false, provinceName: undefined, publisher: {}, signingLocation: undefined, signing: { mode: 'none' } }).signer()).rejects.toMatchObject({ code: 'GAZETTE_ERR_UNSIGNED_REFUSED' });
    expect(await new IssuePublication(ctx, { allowUnsigned: true, provinceName: undefined, publisher: {}, signingLocation: undefined, signing: {} }).signer()).toBeNull();
  });
});
