import { sql, type Kysely } from 'kysely';

// core_calendar_days: the days that differ from the plain Monday–Friday week (core/src/calendar).
// `kind` is `holiday` (a public holiday of Bộ luật Lao động 2019 Art. 112(1)), `day-off` (a weekday off:
// a compensatory day, nghỉ bù, or a working day swapped away, hoán đổi) or `working-day` (a Saturday or
// Sunday worked instead, làm bù). Dates are Vietnam calendar dates `YYYY-MM-DD`, so string order is date
// order; times are epoch milliseconds in BIGINT, like every core time column.
//
// The seed below is the special days of 2025–2027 as known when this migration was written. Admins edit
// the table afterwards (DefaultCalendarService.setDay/removeDay); this file is history and never
// changes. Rows whose exact Government decision was not known carry the citation PENDING so admins know
// to confirm them against the yearly notice.
//
// Not seeded: 24 November (Ngày Văn hóa Việt Nam). NQ 80-NQ/TW (01/2026) and NQ 30/NQ-CP (02/2026) call
// for it to become a paid holiday by amending BLLĐ Art. 112(1); until that amendment is in force it is
// not a holiday, and admins add it when it is.

const PENDING = 'BLLĐ 2019 Điều 112 (dự kiến — cần xác nhận quyết định của Chính phủ)';
const LAW = 'BLLĐ 2019 Điều 112(1)';
const LAW_COMPENSATORY = 'BLLĐ 2019 Điều 112(3) (nghỉ bù ngày lễ trùng ngày nghỉ hằng tuần)';
/** Tết, 30/4–1/5 and 2/9 of 2025 (the Prime Minister's agreement: VPCP 8726/VPCP-KGVX, 26/11/2024). */
const NOTICE_2025 = 'BLLĐ 2019 Điều 112; Thông báo 6150/TB-LĐTBXH (2024)';
/** New Year 2026: Friday 2/1 swapped with Saturday 10/1. */
const NOTICE_2026_NEW_YEAR = 'BLLĐ 2019 Điều 112; Văn bản 12729/VPCP-KGVX ngày 25/12/2025';
/**
 * Tết and Quốc khánh 2026: the Prime Minister agreed to the Ministry of Home Affairs' plan in a VPCP
 * letter of October 2025 whose number is not recorded here; the dates are those reported from it.
 */
const NOTICE_2026 = 'BLLĐ 2019 Điều 112; ý kiến Thủ tướng do VPCP truyền đạt tháng 10/2025 (bổ sung số văn bản)';

type Kind = 'holiday' | 'day-off' | 'working-day';
type Seed = readonly [date: string, kind: Kind, vi: string, en: string, citation: string];

const TET_VI = 'Tết Nguyên đán';
const TET_EN = 'Lunar New Year (Tết)';

const SEED: readonly Seed[] = [
  // ── 2025 ── Tết Ất Tỵ: Mùng 1 = Wed 29/01; off Sat 25/01 – Sun 02/02 (9 days, the five weekdays
  // 27–31/01 are the legal Tết days).
  ['2025-01-01', 'holiday', 'Tết Dương lịch', "New Year's Day", LAW],
  ['2025-01-27', 'holiday', `${TET_VI} (28 tháng Chạp)`, TET_EN, NOTICE_2025],
  ['2025-01-28', 'holiday', `${TET_VI} (29 tháng Chạp)`, TET_EN, NOTICE_2025],
  ['2025-01-29', 'holiday', `${TET_VI} (Mùng 1 Tết)`, TET_EN, NOTICE_2025],
  ['2025-01-30', 'holiday', `${TET_VI} (Mùng 2 Tết)`, TET_EN, NOTICE_2025],
  ['2025-01-31', 'holiday', `${TET_VI} (Mùng 3 Tết)`, TET_EN, NOTICE_2025],
  ['2025-04-07', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hùng Kings Commemoration Day', LAW],
  // 30/4–1/5: Friday 02/05 swapped with Saturday 26/04, so Wed 30/04 – Sun 04/05 is off.
  ['2025-04-26', 'working-day', 'Làm bù cho thứ Sáu 02/5', 'Make-up working day for Friday 2 May', NOTICE_2025],
  ['2025-04-30', 'holiday', 'Ngày Chiến thắng (30/4)', 'Reunification Day', LAW],
  ['2025-05-01', 'holiday', 'Ngày Quốc tế Lao động (1/5)', 'International Labour Day', LAW],
  ['2025-05-02', 'day-off', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4)', 'Day off, swapped with Saturday 26 April', NOTICE_2025],
  ['2025-09-01', 'holiday', 'Quốc khánh (ngày liền kề)', 'National Day (adjacent day)', NOTICE_2025],
  ['2025-09-02', 'holiday', 'Quốc khánh (2/9)', 'National Day', LAW],

  // ── 2026 ── Tết Bính Ngọ: Mùng 1 = Tue 17/02; off Sat 14/02 – Sun 22/02 (the weekdays 16–20/02 are
  // the legal Tết days).
  ['2026-01-01', 'holiday', 'Tết Dương lịch', "New Year's Day", LAW],
  ['2026-01-02', 'day-off', 'Nghỉ hoán đổi (làm bù thứ Bảy 10/1)', 'Day off, swapped with Saturday 10 January', NOTICE_2026_NEW_YEAR],
  ['2026-01-10', 'working-day', 'Làm bù cho thứ Sáu 02/1', 'Make-up working day for Friday 2 January', NOTICE_2026_NEW_YEAR],
  ['2026-02-16', 'holiday', `${TET_VI} (29 tháng Chạp)`, TET_EN, NOTICE_2026],
  ['2026-02-17', 'holiday', `${TET_VI} (Mùng 1 Tết)`, TET_EN, NOTICE_2026],
  ['2026-02-18', 'holiday', `${TET_VI} (Mùng 2 Tết)`, TET_EN, NOTICE_2026],
  ['2026-02-19', 'holiday', `${TET_VI} (Mùng 3 Tết)`, TET_EN, NOTICE_2026],
  ['2026-02-20', 'holiday', `${TET_VI} (Mùng 4 Tết)`, TET_EN, NOTICE_2026],
  // Hùng Kings falls on Sunday 26/04: the compensatory day is the next working day, Monday 27/04.
  ['2026-04-26', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hùng Kings Commemoration Day', LAW],
  ['2026-04-27', 'day-off', 'Nghỉ bù Giỗ Tổ Hùng Vương', 'Compensatory day off for Hùng Kings Day', LAW_COMPENSATORY],
  ['2026-04-30', 'holiday', 'Ngày Chiến thắng (30/4)', 'Reunification Day', LAW],
  ['2026-05-01', 'holiday', 'Ngày Quốc tế Lao động (1/5)', 'International Labour Day', LAW],
  // Quốc khánh: Tue 01/09 and Wed 02/09; Monday 31/08 swapped with Saturday 22/08 (off Sat 29/08 – Wed 02/09).
  ['2026-08-22', 'working-day', 'Làm bù cho thứ Hai 31/8', 'Make-up working day for Monday 31 August', NOTICE_2026],
  ['2026-08-31', 'day-off', 'Nghỉ hoán đổi (làm bù thứ Bảy 22/8)', 'Day off, swapped with Saturday 22 August', NOTICE_2026],
  ['2026-09-01', 'holiday', 'Quốc khánh (ngày liền kề)', 'National Day (adjacent day)', NOTICE_2026],
  ['2026-09-02', 'holiday', 'Quốc khánh (2/9)', 'National Day', LAW],

  // ── 2027 ── No Government decision yet. Tết Đinh Mùi: Mùng 1 = Sat 06/02. Assumed: the day before
  // Mùng 1 through Mùng 4 (Fri 05/02 – Tue 09/02); Mùng 1 and Mùng 2 fall on the weekend, so Wed 10/02
  // and Thu 11/02 are the compensatory days (Art. 112(3)). The Government may choose other days or swaps.
  ['2027-01-01', 'holiday', 'Tết Dương lịch', "New Year's Day", LAW],
  ['2027-02-05', 'holiday', `${TET_VI} (ngày cuối năm Bính Ngọ)`, TET_EN, PENDING],
  ['2027-02-06', 'holiday', `${TET_VI} (Mùng 1 Tết)`, TET_EN, PENDING],
  ['2027-02-07', 'holiday', `${TET_VI} (Mùng 2 Tết)`, TET_EN, PENDING],
  ['2027-02-08', 'holiday', `${TET_VI} (Mùng 3 Tết)`, TET_EN, PENDING],
  ['2027-02-09', 'holiday', `${TET_VI} (Mùng 4 Tết)`, TET_EN, PENDING],
  ['2027-02-10', 'day-off', `Nghỉ bù ${TET_VI} (Mùng 1 trùng thứ Bảy)`, 'Compensatory day off for Tết', PENDING],
  ['2027-02-11', 'day-off', `Nghỉ bù ${TET_VI} (Mùng 2 trùng Chủ nhật)`, 'Compensatory day off for Tết', PENDING],
  ['2027-04-16', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hùng Kings Commemoration Day', LAW],
  ['2027-04-30', 'holiday', 'Ngày Chiến thắng (30/4)', 'Reunification Day', LAW],
  // 1/5 falls on Saturday: the compensatory day is Monday 03/05.
  ['2027-05-01', 'holiday', 'Ngày Quốc tế Lao động (1/5)', 'International Labour Day', LAW],
  ['2027-05-03', 'day-off', 'Nghỉ bù Ngày Quốc tế Lao động', 'Compensatory day off for Labour Day', LAW_COMPENSATORY],
  ['2027-09-02', 'holiday', 'Quốc khánh (2/9)', 'National Day', LAW],
  // The adjacent day (1/9 or 3/9) is the Government's choice; Friday 03/09 is the likely one.
  ['2027-09-03', 'holiday', 'Quốc khánh (ngày liền kề)', 'National Day (adjacent day)', PENDING],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('core_calendar_days')
    .addColumn('date', 'varchar(10)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('name_vi', 'varchar(255)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(255)')
    .addColumn('citation', 'varchar(500)')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(255)', (c) => c.notNull())
    .addCheckConstraint('core_calendar_days_kind_ck', sql`kind in ('holiday', 'day-off', 'working-day')`)
    .execute();

  const now = Date.now();
  await db
    .insertInto('core_calendar_days')
    .values(
      SEED.map(([date, kind, vi, en, citation]) => ({
        date,
        kind,
        name_vi: vi,
        name_en: en,
        citation,
        updated_at: now,
        updated_by: 'core',
      })),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('core_calendar_days').execute();
}
