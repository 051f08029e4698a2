import { describe, expect, it } from 'vitest';
import { clockState } from '../src/deadlines/clock-state.js';
import { hopsOf } from '../src/deadlines/question-hops.js';
import { median } from '../src/deadlines/statistics.service.js';

// The hops of a question's timeline (an SLA per hop) and a clock's state on a day: pure functions,
// table-driven.
const ev = (action: string, created_at: number, target_unit_id: string | null = null) => ({ action: action as never, created_at, target_unit_id });

describe('hops of a timeline', () => {
  it('gives the board its turn from reception to the forward, then the agency its own', () => {
    expect(hopsOf('tinh', [ev('submitted', 1), ev('verified', 2), ev('classified', 3), ev('forwarded', 4, 'so-a'), ev('drafted', 5), ev('answered', 6), ev('rated', 7)])).toEqual([
      { number: 1, kind: 'board', unitId: 'tinh', startedAt: 2, pauses: [], pausedAt: null, endedAt: 4, outcome: 'forwarded' },
      { number: 2, kind: 'agency', unitId: 'so-a', startedAt: 4, pauses: [], pausedAt: null, endedAt: 6, outcome: 'answered' },
    ]);
  });

  it('pauses while waiting for the citizen, and keeps an open pause open', () => {
    const [, agency] = hopsOf('tinh', [ev('verified', 1), ev('forwarded', 2, 'so-a'), ev('info-requested', 3), ev('citizen-replied', 5), ev('info-requested', 7)]);
    expect(agency).toMatchObject({ pauses: [[3, 5]], pausedAt: 7, endedAt: null, outcome: null });
  });

  it('ends a hop on transfer and return, and starts the next one (the board again after a return)', () => {
    const hops = hopsOf('tinh', [ev('verified', 1), ev('forwarded', 2, 'so-a'), ev('transferred', 3, 'so-b'), ev('returned', 4, 'tinh'), ev('declined', 5)]);
    expect(hops.map((h) => [h.number, h.kind, h.unitId, h.startedAt, h.endedAt, h.outcome])).toEqual([
      [1, 'board', 'tinh', 1, 2, 'forwarded'],
      [2, 'agency', 'so-a', 2, 3, 'transferred'],
      [3, 'agency', 'so-b', 3, 4, 'returned'],
      [4, 'board', 'tinh', 4, 5, 'declined'],
    ]);
  });

  it('still opens the board’s turn when a forward sorts before the verification of the same millisecond', () => {
    expect(hopsOf('tinh', [ev('forwarded', 2, 'so-a'), ev('verified', 2)]).map((h) => [h.kind, h.startedAt, h.endedAt])).toEqual([
      ['board', 2, 2],
      ['agency', 2, null],
    ]);
  });

  it('ends the board’s turn as answered when it links a published answer (QA-06); a progress report moves no hop', () => {
    expect(hopsOf('tinh', [ev('verified', 1), ev('answered-by-ref', 3)]).map((h) => [h.kind, h.endedAt, h.outcome])).toEqual([['board', 3, 'answered']]);
    const hops = hopsOf('tinh', [ev('verified', 1), ev('forwarded', 2, 'so-a'), ev('returned', 3, 'tinh'), ev('answered-by-ref', 4)]);
    expect(hops.map((h) => [h.kind, h.endedAt, h.outcome])).toEqual([['board', 2, 'forwarded'], ['agency', 3, 'returned'], ['board', 4, 'answered']]);
    const [, agency] = hopsOf('tinh', [ev('verified', 1), ev('forwarded', 2, 'so-a'), ev('progress-report', 3)]);
    expect(agency).toMatchObject({ endedAt: null, outcome: null, pausedAt: null });
  });

  it('has no hop before the question is received', () => {
    expect(hopsOf('tinh', [ev('submitted', 1)])).toEqual([]);
  });
});

describe('clock state on a day', () => {
  const open = { ended_at: null, on_time: null, paused_at: null, due_on: '2027-02-24', remind_on: '2027-02-22' };
  it.each([
    ['2027-02-19', open, 'on-time'],
    ['2027-02-22', open, 'due-soon'],
    ['2027-02-24', open, 'due-soon'],
    ['2027-02-25', open, 'overdue'],
    ['2027-03-01', { ...open, paused_at: 1 }, 'paused'],
    ['2027-03-01', { ...open, ended_at: 1, on_time: 1 }, 'met'],
    ['2027-03-01', { ...open, ended_at: 1, on_time: 0 }, 'met-late'],
  ] as const)('on %s → %s', (today, row, state) => {
    expect(clockState(row, today)).toBe(state);
  });

  it('takes the median of working days', () => {
    expect([median([]), median([4]), median([13, 17]), median([1, 2, 9])]).toEqual([null, 4, 15, 2]);
  });
});
