import { describe, expect, it } from 'vitest';
import { sectionStatus } from '../src/mandated/compliance.js';
import { statusOf } from '../src/mandated/deadline.repository.js';
import { MANDATED_SECTIONS } from '../src/mandated/mandated-catalogue.js';
import { mandatedRulePack } from '../src/mandated/mandated-rules.js';

const DAY = 86_400_000;

describe('the mandated rule pack', () => {
  it('lists POR-01 to POR-16 once each, with a basis, a form, and a category slug or an address where the source needs one', () => {
    expect(MANDATED_SECTIONS.map((s) => s.code)).toEqual(Array.from({ length: 16 }, (_, i) => `POR-${String(i + 1).padStart(2, '0')}`));
    for (const s of MANDATED_SECTIONS) {
      expect(s.basis.length, s.code).toBeGreaterThan(5);
      expect(s.form.vi && s.form.en, s.code).toBeTruthy();
      if (s.source === 'category') expect(s.category?.slug, s.code).toMatch(/^[a-z0-9-]+$/);
      if (s.source === 'organisation') expect(s.tables?.length, s.code).toBeGreaterThan(0);
    }
    expect(MANDATED_SECTIONS.filter((s) => s.englishRequired).map((s) => s.code)).toEqual(['POR-04', 'POR-05']);
    expect(MANDATED_SECTIONS.find((s) => s.code === 'POR-13')?.source).toBe('generated');
  });

  it('carries every deadline of DOMAIN.md §2.3 with its citation', () => {
    const value = (name: string) => mandatedRulePack.find((r) => r.name === name);
    expect(value('portal.publishDeadline.default')).toMatchObject({ value: 5, citation: expect.stringContaining('Điều 18(4)') });
    expect(value('portal.publishDeadline.legalOwnPortal')?.value).toBe(2);
    expect(value('portal.publishDeadline.legalOtherPortal')?.value).toBe(10);
    expect(value('portal.publishDeadline.dissemination')?.value).toBe(15);
    expect(value('portal.publishDeadline.plans')?.value).toBe(10);
    expect(value('portal.publishDeadline.science')?.value).toBe(20);
    expect(value('portal.publishDeadline.statistics')?.value).toBe(10);
    expect(value('portal.mandatedStaleDays.default')?.citation).toContain('POR-37');
  });
});

describe('statuses', () => {
  const now = Date.UTC(2026, 10, 28);
  const section = { not_applicable: 0, english_required: 0 };

  it('reads a section as not applicable, empty, english-missing, stale or ok, in that order', () => {
    expect(sectionStatus({ ...section, not_applicable: 1 }, { count: 0, last: null, englishStale: 0 }, 30, now)).toBe('not-applicable');
    expect(sectionStatus(section, { count: 0, last: null, englishStale: 0 }, 30, now)).toBe('empty');
    expect(sectionStatus({ ...section, english_required: 1 }, { count: 2, last: now - 40 * DAY, englishStale: 1 }, 30, now)).toBe('english-missing');
    expect(sectionStatus(section, { count: 2, last: now - 40 * DAY, englishStale: 1 }, 30, now)).toBe('stale'); // English is not mandatory here
    expect(sectionStatus(section, { count: 2, last: now - 30 * DAY, englishStale: 0 }, 30, now)).toBe('ok');
    expect(sectionStatus(section, { count: 1, last: now - 400 * DAY, englishStale: 0 }, null, now)).toBe('ok'); // links do not age
  });

  it('reads a deadline as met on or before its due date, late after it, overdue when unmet past it', () => {
    expect(statusOf({ met_on: '2026-09-08', due_date: '2026-09-08' }, '2026-11-28')).toBe('met');
    expect(statusOf({ met_on: '2026-09-09', due_date: '2026-09-08' }, '2026-11-28')).toBe('late');
    expect(statusOf({ met_on: null, due_date: '2026-09-08' }, '2026-09-08')).toBe('pending');
    expect(statusOf({ met_on: null, due_date: '2026-09-08' }, '2026-09-09')).toBe('overdue');
  });
});
