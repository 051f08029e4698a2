import { expect, it } from 'vitest';
import { showDate } from '../src/site/pages.js';

const intl = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });

it('shows an instant as its date in Vietnam, as Intl does for the zone, across midnight and the 1975 change of offset', () => {
  expect(showDate(Date.UTC(2026, 10, 28, 16, 59, 59, 999))).toBe('28/11/2026'); // 23:59:59.999 in Hà Nội
  expect(showDate(Date.UTC(2026, 10, 28, 17))).toBe('29/11/2026'); // midnight in Hà Nội
  expect(showDate(Date.UTC(2024, 1, 28, 17))).toBe('29/02/2024');
  // Every hour of a leap year and the hours either side of 13 June 1975, plus spread instants since 1900.
  const instants = [
    ...Array.from({ length: 366 * 24 }, (_, h) => Date.UTC(2028, 0, 1) + h * 3_600_000),
    ...Array.from({ length: 96 }, (_, h) => Date.UTC(1975, 5, 11) + h * 3_600_000),
    ...Array.from({ length: 2_000 }, (_, i) => Date.UTC(1900, 0, 1) + i * 2_000_003_917),
  ];
  for (const at of instants) expect(showDate(at), new Date(at).toISOString()).toBe(intl.format(new Date(at)));
});

it('shows a calendar date as it is, and nothing for no date', () => {
  expect(showDate('2024-03-05')).toBe('05/03/2024');
  expect(showDate(null)).toBe('');
});
