import { afterAll, beforeAll, expect, it } from 'vitest';
import { CONG_ERR_VALIDATION } from '@cong/sdk';
import { describeEachDialect } from '../testing/describe-each-dialect.js';
import { createCoreTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { DefaultCalendarService, toCalendarDate, todayInVietnam } from './default-calendar-service.js';

const invalid = { code: CONG_ERR_VALIDATION.code, status: 400 };

describeEachDialect('DefaultCalendarService', (dialect) => {
  let db: TestDatabase;
  let calendar: DefaultCalendarService;

  beforeAll(async () => {
    db = await createCoreTestDatabase(dialect);
    calendar = new DefaultCalendarService({ db });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('counts across Tết 2026 (Mon 16 – Fri 20 Feb off, with the weekends 14–15 and 21–22)', async () => {
    expect(await calendar.isWorkingDay('2026-02-13')).toBe(true);
    for (const d of ['2026-02-14', '2026-02-16', '2026-02-17', '2026-02-20', '2026-02-22']) expect(await calendar.isWorkingDay(d), d).toBe(false);
    // Friday before the break + 1 working day = the Monday after it.
    expect(await calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(await calendar.addWorkingDays('2026-02-12', 2)).toBe('2026-02-23');
    expect(await calendar.addWorkingDays('2026-02-13', 15)).toBe('2026-03-13');
    expect(await calendar.workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
    // 20 weekdays in February 2026, 5 of them Tết.
    expect(await calendar.workingDaysBetween('2026-02-01', '2026-02-28')).toBe(15);
  });

  it('goes back across Tết and weekends with negative counts', async () => {
    expect(await calendar.addWorkingDays('2026-02-23', -1)).toBe('2026-02-13');
    expect(await calendar.addWorkingDays('2026-02-23', -3)).toBe('2026-02-11');
    expect(await calendar.addWorkingDays('2025-03-10', -1)).toBe('2025-03-07');
    expect(await calendar.addWorkingDays('2026-03-13', -15)).toBe('2026-02-13');
  });

  it('counts across 30/4–1/5 2025, where Friday 2 May was swapped with Saturday 26 April', async () => {
    expect(await calendar.isWorkingDay('2025-04-26')).toBe(true);
    expect(await calendar.isWorkingDay('2025-04-19')).toBe(false);
    for (const d of ['2025-04-30', '2025-05-01', '2025-05-02']) expect(await calendar.isWorkingDay(d), d).toBe(false);
    expect(await calendar.addWorkingDays('2025-04-25', 1)).toBe('2025-04-26');
    expect(await calendar.addWorkingDays('2025-04-29', 1)).toBe('2025-05-05');
    // 26 (make-up Saturday), 28, 29 April and 5 May.
    expect(await calendar.workingDaysBetween('2025-04-25', '2025-05-05')).toBe(4);
    expect(await calendar.addWorkingDays('2025-05-05', -4)).toBe('2025-04-25');
  });

  it('skips a plain weekend; 0 days returns the start; the start itself is never counted', async () => {
    expect(await calendar.addWorkingDays('2025-03-07', 1)).toBe('2025-03-10');
    expect(await calendar.addWorkingDays('2025-03-08', 1)).toBe('2025-03-10');
    expect(await calendar.addWorkingDays('2025-03-08', 0)).toBe('2025-03-08');
    expect(await calendar.workingDaysBetween('2025-03-07', '2025-03-10')).toBe(1);
    expect(await calendar.workingDaysBetween('2025-03-07', '2025-03-09')).toBe(0);
    expect(await calendar.workingDaysBetween('2025-03-10', '2025-03-07')).toBe(0);
    expect(await calendar.workingDaysBetween('2025-03-10', '2025-03-10')).toBe(0);
  });

  it('applies the seeded compensatory and swapped days of 2026 and 2027', async () => {
    expect(await calendar.isWorkingDay('2026-01-02')).toBe(false);
    expect(await calendar.isWorkingDay('2026-01-10')).toBe(true);
    expect(await calendar.isWorkingDay('2026-04-27')).toBe(false);
    expect(await calendar.isWorkingDay('2026-08-22')).toBe(true);
    expect(await calendar.isWorkingDay('2026-08-31')).toBe(false);
    // Tết 2027: Mùng 1 is a Saturday, so Wed 10 and Thu 11 Feb are compensatory days.
    expect(await calendar.addWorkingDays('2027-02-04', 1)).toBe('2027-02-12');
    expect(await calendar.addWorkingDays('2027-04-30', 1)).toBe('2027-05-04');
  });

  it('seeds the 11 public holiday days of every year 2025–2027, each with a citation', async () => {
    for (const year of [2025, 2026, 2027]) {
      const days = await calendar.specialDays(year);
      expect(days.filter((d) => d.kind === 'holiday'), String(year)).toHaveLength(11);
      expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
      for (const day of days) {
        expect(day.date.startsWith(`${year}-`)).toBe(true);
        expect(day.citation, day.date).toMatch(/BLLĐ 2019/);
        expect(day.name.vi.length).toBeGreaterThan(0);
      }
    }
    const tet = (await calendar.specialDays(2025)).find((d) => d.date === '2025-01-29')!;
    expect(tet).toEqual({
      date: '2025-01-29',
      kind: 'holiday',
      name: { vi: 'Tết Nguyên đán (Mùng 1 Tết)', en: 'Lunar New Year (Tết)' },
      citation: 'BLLĐ 2019 Điều 112; Thông báo 6150/TB-LĐTBXH (2024)',
    });
    expect(await calendar.specialDays(2031)).toEqual([]);
  });

  it('reads a Date as the Vietnam calendar date (UTC+7)', async () => {
    // 23:30 UTC on Friday 13 Feb is 06:30 on Saturday 14 Feb in Vietnam: the Tết break.
    const lateFriday = new Date('2026-02-13T23:30:00Z');
    expect(await calendar.isWorkingDay(lateFriday)).toBe(false);
    expect(await calendar.addWorkingDays(lateFriday, 1)).toBe('2026-02-23');
    expect(await calendar.workingDaysBetween(lateFriday, new Date('2026-02-22T23:30:00Z'))).toBe(1);
    // Sunday 22 Feb in UTC, Monday 23 Feb in Vietnam.
    expect(await calendar.isWorkingDay(new Date('2026-02-22T23:30:00Z'))).toBe(true);
    expect(await calendar.isWorkingDay(new Date('2026-02-13T16:59:59Z'))).toBe(true);
    expect(toCalendarDate(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
    expect(todayInVietnam(Date.parse('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
  });

  it('admin edits apply at once: setDay and removeDay invalidate the cached year', async () => {
    const monday = '2026-03-02';
    expect(await calendar.isWorkingDay(monday)).toBe(true);
    await calendar.setDay({ date: monday, kind: 'day-off', name: { vi: 'Nghỉ theo quyết định của tỉnh' }, citation: 'QĐ 1/2026/QĐ-UBND', updatedBy: 'admin-1' });
    expect(await calendar.isWorkingDay(monday)).toBe(false);
    expect(await calendar.addWorkingDays('2026-02-27', 1)).toBe('2026-03-03');
    expect((await calendar.specialDays(2026)).find((d) => d.date === monday)).toEqual({
      date: monday,
      kind: 'day-off',
      name: { vi: 'Nghỉ theo quyết định của tỉnh' },
      citation: 'QĐ 1/2026/QĐ-UBND',
    });
    const row = await db.kysely.selectFrom('core_calendar_days').selectAll().where('date', '=', monday).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ updated_by: 'admin-1' });

    // Replacing the same day (upsert), then making a seeded Saturday ordinary again.
    await calendar.setDay({ date: monday, kind: 'holiday', name: { vi: 'Ngày lễ thử', en: 'Test holiday' }, updatedBy: 'admin-2' });
    expect((await calendar.specialDays(2026)).filter((d) => d.date === monday)).toEqual([
      { date: monday, kind: 'holiday', name: { vi: 'Ngày lễ thử', en: 'Test holiday' } },
    ]);
    expect(await calendar.removeDay(monday)).toBe(true);
    expect(await calendar.removeDay(monday)).toBe(false);
    expect(await calendar.isWorkingDay(monday)).toBe(true);

    await calendar.setDay({ date: '2026-03-07', kind: 'working-day', name: { vi: 'Làm bù' }, updatedBy: 'admin-1' });
    expect(await calendar.isWorkingDay('2026-03-07')).toBe(true);
    await calendar.removeDay('2026-03-07');
    expect(await calendar.isWorkingDay('2026-03-07')).toBe(false);
  });

  it('caches each year: a write behind its back is seen after invalidate() or after cacheTtlMs', async () => {
    let clock = 1_000_000;
    const cached = new DefaultCalendarService({ db, cacheTtlMs: 60_000, now: () => clock });
    const day = '2026-03-04';
    expect(await cached.isWorkingDay(day)).toBe(true);
    const write = (date: string) =>
      db.kysely.insertInto('core_calendar_days').values({ date, kind: 'holiday', name_vi: 'Thử', updated_at: 0, updated_by: 'test' }).execute();
    await write(day);
    expect(await cached.isWorkingDay(day)).toBe(true);
    cached.invalidate();
    expect(await cached.isWorkingDay(day)).toBe(false);

    await write('2026-03-05');
    expect(await cached.isWorkingDay('2026-03-05')).toBe(true);
    clock += 60_000;
    expect(await cached.isWorkingDay('2026-03-05')).toBe(false);
    await db.kysely.deleteFrom('core_calendar_days').where('date', 'in', [day, '2026-03-05']).execute();
  });

  it('refuses invalid dates, counts and absurd ranges with CONG_ERR_VALIDATION', async () => {
    for (const bad of ['2024-02-30', '2025-13-01', '2026-2-3', '13/02/2026', '', '2026-02-13T00:00:00Z', '1800-01-01']) {
      await expect(calendar.isWorkingDay(bad), bad).rejects.toMatchObject(invalid);
    }
    await expect(calendar.isWorkingDay(new Date(Number.NaN))).rejects.toMatchObject(invalid);
    await expect(calendar.isWorkingDay(42 as unknown as string)).rejects.toMatchObject(invalid);
    await expect(calendar.isWorkingDay('2024-02-29')).resolves.toBe(true);
    for (const days of [3661, -3661, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e12]) {
      await expect(calendar.addWorkingDays('2026-01-05', days), String(days)).rejects.toMatchObject(invalid);
    }
    await expect(calendar.addWorkingDays('2024-02-30', 1)).rejects.toMatchObject(invalid);
    await expect(calendar.workingDaysBetween('2000-01-01', '2030-01-01')).rejects.toMatchObject(invalid);
    await expect(calendar.workingDaysBetween('2026-01-01', 'tomorrow')).rejects.toMatchObject(invalid);
    await expect(calendar.specialDays(2026.5)).rejects.toMatchObject(invalid);
    await expect(calendar.specialDays(10_000)).rejects.toMatchObject(invalid);
    await expect(
      calendar.setDay({ date: '2026-03-02', kind: 'working-day', name: { vi: 'Thứ Hai' }, updatedBy: 'admin-1' }),
    ).rejects.toMatchObject(invalid);
    await expect(
      calendar.setDay({ date: '2026-03-02', kind: 'closed' as 'holiday', name: { vi: 'x' }, updatedBy: 'admin-1' }),
    ).rejects.toMatchObject(invalid);
    await expect(calendar.setDay({ date: '2026-03-02', kind: 'holiday', name: { vi: ' ' }, updatedBy: 'admin-1' })).rejects.toMatchObject(invalid);
    await expect(calendar.setDay({ date: '2026-03-02', kind: 'holiday', name: { vi: 'x' }, updatedBy: '' })).rejects.toMatchObject(invalid);
    await expect(calendar.removeDay('2026-02-31')).rejects.toMatchObject(invalid);
  });

  it('the largest allowed count finishes, also through years with no special days', async () => {
    const end = await calendar.addWorkingDays('2025-01-02', 3660);
    expect(end > '2039-01-01' && end < '2040-12-31').toBe(true);
    expect(await calendar.addWorkingDays(end, -3660)).toBe('2025-01-02');
  });
});
