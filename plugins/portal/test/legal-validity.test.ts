import { describe, expect, it } from 'vitest';
import { computeStatus, type Replacement } from '../src/legal/validity.js';
import { vietnamDate } from '../src/time/vietnam-time.js';
import { foldKey, searchTerms } from '../src/legal/legal-service.js';

const TODAY = '2026-03-15';
const dates = (issuedOn: string, effectiveOn: string | null = null, expiresOn: string | null = null) => ({ issuedOn, effectiveOn, expiresOn });

describe('computeStatus, for an injected day', () => {
  it('is not yet in force until the effective day, and in force from it', () => {
    expect(computeStatus(dates('2026-03-01', '2026-03-16'), [], TODAY)).toBe('not_yet_in_force');
    expect(computeStatus(dates('2026-03-01', '2026-03-15'), [], TODAY)).toBe('in_force');
    expect(computeStatus(dates('2026-03-01', '2026-03-14'), [], TODAY)).toBe('in_force');
  });

  it('takes effect on the issue day when there is no effective date', () => {
    expect(computeStatus(dates('2026-03-16'), [], TODAY)).toBe('not_yet_in_force');
    expect(computeStatus(dates('2026-03-15'), [], TODAY)).toBe('in_force');
  });

  it('expires on the expiry day (the first day no longer in force)', () => {
    expect(computeStatus(dates('2020-01-01', null, '2026-03-14'), [], TODAY)).toBe('expired');
    expect(computeStatus(dates('2020-01-01', null, '2026-03-15'), [], TODAY)).toBe('expired');
    expect(computeStatus(dates('2020-01-01', null, '2026-03-16'), [], TODAY)).toBe('in_force');
  });

  it('is replaced once the replacing document is in force, not before', () => {
    const from = (day: string): Replacement[] => [{ kind: 'replaces', from: day }];
    expect(computeStatus(dates('2019-05-01'), from('2026-03-15'), TODAY)).toBe('replaced');
    expect(computeStatus(dates('2019-05-01'), from('2026-03-16'), TODAY)).toBe('in_force');
    expect(computeStatus(dates('2019-05-01', null, '2026-01-01'), from('2026-03-01'), TODAY)).toBe('replaced');
  });

  it('is partly expired once a partly replacing document is in force', () => {
    expect(computeStatus(dates('2019-05-01'), [{ kind: 'partly_replaces', from: '2026-03-15' }], TODAY)).toBe('partly_expired');
    expect(computeStatus(dates('2019-05-01'), [{ kind: 'partly_replaces', from: '2026-04-01' }], TODAY)).toBe('in_force');
  });

  it('reads today in Vietnam (UTC+7)', () => {
    expect(vietnamDate(Date.parse('2026-03-14T16:59:59Z'))).toBe('2026-03-14');
    expect(vietnamDate(Date.parse('2026-03-14T17:00:00Z'))).toBe('2026-03-15');
  });

  it('gives the right day whatever day it was asked before (it keeps the last one)', () => {
    const asked = ['2026-03-14T17:00:00Z', '2026-03-14T16:59:59.999Z', '2026-03-15T16:59:59.999Z', '2026-03-15T17:00:00Z', '1969-12-31T16:59:59Z', '1969-12-31T17:00:00Z', '2026-03-14T23:00:00Z'];
    const expected = ['2026-03-15', '2026-03-14', '2026-03-15', '2026-03-16', '1969-12-31', '1970-01-01', '2026-03-15'];
    expect(asked.map((at) => vietnamDate(Date.parse(at)))).toEqual(expected);
  });
});

describe('folding for search', () => {
  it('folds marks and đ, collapses whitespace', () => {
    expect(foldKey('  Quyết   định 41/2019/QĐ-UBND ')).toBe('quyet dinh 41/2019/qd-ubnd');
    expect(searchTerms('Đinh  UBND')).toEqual(['dinh', 'ubnd']);
    expect(searchTerms('Nguye\u0302\u0303n')).toEqual(['nguyen']);
  });
});
