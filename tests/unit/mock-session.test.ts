import { describe, expect, it } from 'vitest';
import {
  endMock,
  goNext,
  goTo,
  isLocked,
  itemRemainingMs,
  itemUsedMs,
  nextDeadlineMs,
  nextOpenIndex,
  pause,
  recordDrillAttempt,
  resume,
  setAnswer,
  setCode,
  settle,
  startMock,
  toggleFlag,
  totalRemainingMs,
  totalUsedMs,
} from '../../src/mock/mock-session';
import type { MockMode, MockSession } from '../../src/mock/mock-types';
import { mockConfig, mockItem } from '../support/mock-fixtures';

const SEC = 1000;
const T0 = new Date(2026, 2, 10, 10, 0, 0).getTime();
const at = (seconds: number) => T0 + seconds * SEC;

/** A mock started at T0 with one question per budget (seconds; 0 = no budget). */
function start(mode: MockMode, budgets: number[], totalSeconds?: number): MockSession {
  const items = budgets.map((b, i) => mockItem(`q${i}`, b));
  return startMock('mock-1', mockConfig(mode, totalSeconds, 'Clock test'), items, 42, T0);
}

/** What a reload gives back: the stored JSON, nothing held in memory. */
const reload = (session: MockSession): MockSession => JSON.parse(JSON.stringify(session));

describe('starting a mock', () => {
  it('opens the first question at the start time and nothing else', () => {
    const s = start('strict', [60, 60]);
    expect(s.status).toBe('running');
    expect(s.current).toBe(0);
    expect(s.createdAt).toBe(T0);
    expect(s.seed).toBe(42);
    expect(s.items[0].visits).toEqual([{ start: T0 }]);
    expect(s.items[1].visits).toEqual([]);
  });
});

describe('the clock, from timestamps only', () => {
  it('gives the right remaining time after a reload, with no ticks in between', () => {
    const stored = reload(start('strict', [300, 300], 900));
    expect(itemRemainingMs(stored.items[0], at(100))).toBe(200 * SEC);
    expect(totalRemainingMs(stored, at(100))).toBe(800 * SEC);
    const settled = settle(stored, at(100));
    expect(settled).toBe(stored);
  });

  it('adds up the time spent on every question across visits', () => {
    let s = start('practice', [300, 300], 900);
    s = goTo(s, 1, at(60));
    s = reload(s);
    expect(itemUsedMs(s.items[0], at(150))).toBe(60 * SEC);
    expect(itemUsedMs(s.items[1], at(150))).toBe(90 * SEC);
    expect(totalUsedMs(s, at(150))).toBe(150 * SEC);
    expect(totalRemainingMs(s, at(150))).toBe(750 * SEC);
    s = goTo(s, 0, at(200));
    expect(s.items[0].visits).toEqual([{ start: T0, end: at(60) }, { start: at(200) }]);
    expect(itemUsedMs(s.items[0], at(230))).toBe(90 * SEC);
    expect(itemRemainingMs(s.items[0], at(230))).toBe(210 * SEC);
  });

  it('has no per-question or total remaining time when there is no budget or limit', () => {
    const s = start('strict', [0]);
    expect(itemRemainingMs(s.items[0], at(10))).toBeUndefined();
    expect(totalRemainingMs(s, at(10))).toBeUndefined();
    expect(settle(s, at(100_000))).toBe(s);
  });
});

describe('strict mode deadlines', () => {
  it('leaves the mock alone until the budget runs out', () => {
    const s = start('strict', [60, 120, 120]);
    expect(settle(s, at(59.999))).toBe(s);
  });

  it('locks a question at the exact instant its budget runs out and starts the next one then', () => {
    const s = settle(start('strict', [60, 120, 120]), at(60));
    expect(s.items[0].lockedAt).toBe(at(60));
    expect(s.items[0].visits).toEqual([{ start: T0, end: at(60) }]);
    expect(s.current).toBe(1);
    expect(s.items[1].visits).toEqual([{ start: at(60) }]);
    expect(s.status).toBe('running');
  });

  it('dates the lock to the deadline, not to when the app noticed', () => {
    const s = settle(reload(start('strict', [60, 120, 120])), at(90));
    expect(s.items[0].lockedAt).toBe(at(60));
    expect(s.items[0].visits).toEqual([{ start: T0, end: at(60) }]);
    expect(s.items[1].visits).toEqual([{ start: at(60) }]);
    expect(itemRemainingMs(s.items[1], at(90))).toBe(90 * SEC);
  });

  it('catches up on several deadlines that passed while the tab was closed', () => {
    const stored = reload(start('strict', [60, 120, 30]));
    const s = settle(stored, at(200));
    expect(s.items[0].lockedAt).toBe(at(60));
    expect(s.items[1].lockedAt).toBe(at(180));
    expect(s.items[1].visits).toEqual([{ start: at(60), end: at(180) }]);
    expect(s.items[2].lockedAt).toBeUndefined();
    expect(s.items[2].visits).toEqual([{ start: at(180) }]);
    expect(s.current).toBe(2);
    expect(s.status).toBe('running');
    expect(itemRemainingMs(s.items[2], at(200))).toBe(10 * SEC);
  });

  it('ends the mock with time-up at the last lock when every question has run out', () => {
    const s = settle(start('strict', [60, 120, 30]), at(500));
    expect(s.items.map((i) => i.lockedAt)).toEqual([at(60), at(180), at(210)]);
    expect(s.status).toBe('assessing');
    expect(s.endReason).toBe('time-up');
    expect(s.endedAt).toBe(at(210));
  });

  it('counts earlier visits towards a question budget', () => {
    let s = start('strict', [60, 300]);
    s = goTo(s, 1, at(40));
    s = goTo(s, 0, at(50));
    s = settle(s, at(200));
    // 40 s in the first visit, so the second visit runs out 20 s after it began.
    expect(s.items[0].lockedAt).toBe(at(70));
    expect(s.items[0].visits).toEqual([
      { start: T0, end: at(40) },
      { start: at(50), end: at(70) },
    ]);
    expect(s.current).toBe(1);
    expect(s.items[1].visits).toEqual([{ start: at(40), end: at(50) }, { start: at(70) }]);
  });

  it('moves on to the next open question, wrapping round, after a lock', () => {
    let s = start('strict', [300, 300, 30]);
    s = goTo(s, 2, at(10));
    s = settle(s, at(100));
    expect(s.items[2].lockedAt).toBe(at(40));
    expect(s.current).toBe(0);
    expect(s.items[0].visits).toEqual([{ start: T0, end: at(10) }, { start: at(40) }]);
  });

  it('ends the mock with time-up at the exact total deadline', () => {
    const s = settle(reload(start('strict', [0, 0], 100)), at(250));
    expect(s.status).toBe('assessing');
    expect(s.endReason).toBe('time-up');
    expect(s.endedAt).toBe(at(100));
    expect(s.items[0].visits).toEqual([{ start: T0, end: at(100) }]);
    expect(totalRemainingMs(s, at(250))).toBe(0);
  });

  it('applies question locks before a later total deadline, then ends at the total deadline', () => {
    const s = settle(start('strict', [60, 60, 60], 90), at(1000));
    expect(s.items[0].lockedAt).toBe(at(60));
    expect(s.items[1].lockedAt).toBeUndefined();
    expect(s.items[1].visits).toEqual([{ start: at(60), end: at(90) }]);
    expect(s.items[2].visits).toEqual([]);
    expect(s.status).toBe('assessing');
    expect(s.endReason).toBe('time-up');
    expect(s.endedAt).toBe(at(90));
  });

  it('counts time on every question towards the total limit', () => {
    let s = start('strict', [0, 0], 100);
    s = goTo(s, 1, at(70));
    s = goTo(s, 0, at(80));
    expect(totalRemainingMs(s, at(80))).toBe(20 * SEC);
    s = settle(s, at(300));
    expect(s.endedAt).toBe(at(100));
    expect(s.items[0].visits).toEqual([
      { start: T0, end: at(70) },
      { start: at(80), end: at(100) },
    ]);
  });

  it('ends the mock when the total runs out at the same instant as the question', () => {
    const s = settle(start('strict', [60, 60], 60), at(100));
    expect(s.status).toBe('assessing');
    expect(s.endReason).toBe('time-up');
    expect(s.endedAt).toBe(at(60));
  });
});

describe('practice mode', () => {
  it('never locks: overtime shows as negative remaining time', () => {
    const s = start('practice', [60, 60]);
    const later = settle(s, at(1000));
    expect(later).toBe(s);
    expect(isLocked(later.items[0])).toBe(false);
    expect(itemRemainingMs(later.items[0], at(1000))).toBe(-940 * SEC);
  });

  it('keeps overtime in the visits when the user moves on', () => {
    const s = goNext(start('practice', [60, 60]), at(100));
    expect(s.current).toBe(1);
    expect(s.items[0].lockedAt).toBeUndefined();
    expect(s.items[0].visits).toEqual([{ start: T0, end: at(100) }]);
    expect(itemRemainingMs(s.items[0], at(500))).toBe(-40 * SEC);
  });

  it('does not end the mock when the total limit passes', () => {
    const s = settle(start('practice', [0], 60), at(120));
    expect(s.status).toBe('running');
    expect(totalRemainingMs(s, at(120))).toBe(-60 * SEC);
  });
});

describe('pause and resume', () => {
  it('does not count paused time', () => {
    let s = start('practice', [300], 600);
    s = pause(s, at(10));
    expect(s.pausedAt).toBe(at(10));
    expect(s.items[0].visits).toEqual([{ start: T0, end: at(10) }]);
    expect(itemUsedMs(s.items[0], at(50))).toBe(10 * SEC);
    s = resume(reload(s), at(70));
    expect(s.pausedAt).toBeUndefined();
    expect(s.items[0].visits).toEqual([{ start: T0, end: at(10) }, { start: at(70) }]);
    expect(itemUsedMs(s.items[0], at(100))).toBe(40 * SEC);
    expect(totalRemainingMs(s, at(100))).toBe(560 * SEC);
  });

  it('refuses to pause a strict mock', () => {
    const s = start('strict', [300], 600);
    expect(pause(s, at(10))).toBe(s);
  });

  it('ignores a second pause and a resume that is not paused', () => {
    const running = start('practice', [300]);
    expect(resume(running, at(5))).toBe(running);
    const paused = pause(running, at(10));
    expect(pause(paused, at(20))).toBe(paused);
  });

  it('switches question while paused without starting its clock until resume', () => {
    let s = pause(start('practice', [300, 300]), at(10));
    s = goTo(s, 1, at(20));
    expect(s.current).toBe(1);
    expect(s.items[1].visits).toEqual([]);
    s = resume(s, at(30));
    expect(s.items[1].visits).toEqual([{ start: at(30) }]);
    expect(s.items[0].visits).toEqual([{ start: T0, end: at(10) }]);
  });

  it('ends a paused mock at the moment it was paused', () => {
    const s = endMock(pause(start('practice', [300]), at(10)), at(500), 'ended-early');
    expect(s.status).toBe('assessing');
    expect(s.endedAt).toBe(at(10));
    expect(s.endReason).toBe('ended-early');
    expect(s.pausedAt).toBeUndefined();
  });
});

describe('moving between questions', () => {
  it('cannot reopen a locked question', () => {
    const locked = settle(start('strict', [60, 300, 300]), at(70));
    const s = goTo(locked, 0, at(80));
    expect(s).toBe(locked);
    expect(s.current).toBe(1);
    expect(s.items[0].visits).toEqual([{ start: T0, end: at(60) }]);
  });

  it('closes the current visit and opens one on the target', () => {
    const s = goTo(start('strict', [300, 300, 300]), 2, at(30));
    expect(s.current).toBe(2);
    expect(s.items[0].visits).toEqual([{ start: T0, end: at(30) }]);
    expect(s.items[2].visits).toEqual([{ start: at(30) }]);
  });

  it('ignores a move to the current question or one that does not exist', () => {
    const s = start('strict', [300, 300]);
    expect(goTo(s, 0, at(5))).toBe(s);
    expect(goTo(s, 7, at(5))).toBe(s);
  });

  it('goes next and wraps to the first open question', () => {
    let s = start('practice', [300, 300, 300]);
    s = goNext(s, at(10));
    expect(s.current).toBe(1);
    s = goNext(s, at(20));
    expect(s.current).toBe(2);
    s = goNext(s, at(30));
    expect(s.current).toBe(0);
    expect(s.items[0].visits).toEqual([{ start: T0, end: at(10) }, { start: at(30) }]);
  });

  it('skips locked questions when going next', () => {
    let s = settle(start('strict', [60, 300, 300]), at(60));
    s = goTo(s, 2, at(70));
    s = goNext(s, at(80));
    expect(s.current).toBe(1);
    expect(nextOpenIndex(s, 2)).toBe(1);
  });

  // Regression: the only open question used to count as its own "next", so a one-question mock
  // (or the last open one) never offered Finish.
  it('finds no next question when the current one is the only one still open', () => {
    expect(nextOpenIndex(start('strict', [300]), 0)).toBeUndefined();
    const lastOpen = settle(start('strict', [10, 300]), at(10));
    expect(lastOpen.current).toBe(1);
    expect(nextOpenIndex(lastOpen, 1)).toBeUndefined();
  });

  it('finds no open question when all are locked', () => {
    const s = settle(start('strict', [10, 10]), at(100));
    expect(nextOpenIndex(s, 0)).toBeUndefined();
  });

  it('does nothing once the mock has ended', () => {
    const ended = endMock(start('practice', [300, 300]), at(10), 'finished');
    expect(goTo(ended, 1, at(20))).toBe(ended);
    expect(goNext(ended, at(20))).toBe(ended);
  });
});

describe('answers and flags', () => {
  it('stores the answer on an open question', () => {
    const s = setAnswer(start('strict', [300, 300]), 0, 'precision = TP / (TP + FP)', at(10));
    expect(s.items[0].answer).toBe('precision = TP / (TP + FP)');
  });

  it('ignores an answer to a locked question', () => {
    let s = settle(start('strict', [60, 300]), at(60));
    s = setAnswer(s, 0, 'too late', at(70));
    expect(s.items[0].answer).toBe('');
  });

  it('ignores an answer that arrives after the deadline, even before the app noticed it', () => {
    const s = setAnswer(start('strict', [60, 300]), 0, 'too late', at(61));
    expect(s.items[0].answer).toBe('');
    expect(s.items[0].lockedAt).toBe(at(60));
  });

  it('keeps a coding question’s code per language and its last test run, while it is open', () => {
    const code = { language: 'python' as const, sources: { python: 'def f(): pass', typescript: 'function f() {}' } };
    let s = setCode(start('strict', [300, 300]), 1, code, at(10));
    s = recordDrillAttempt(s, 1, { passed: 2, total: 5, allPassed: false }, at(20));
    expect(s.items[1]).toMatchObject({ code, drill: { passed: 2, total: 5, allPassed: false } });
    expect(s.items[0].code).toBeUndefined();
  });

  it('ignores code and test runs that arrive after the question locked or the mock ended', () => {
    const code = { language: 'typescript' as const, sources: { typescript: 'late' } };
    const locked = start('strict', [60, 300]);
    expect(setCode(locked, 0, code, at(61)).items[0].code).toBeUndefined();
    expect(recordDrillAttempt(locked, 0, { passed: 1, total: 1, allPassed: true }, at(61)).items[0].drill).toBe(
      undefined,
    );
    const ended = endMock(start('practice', [300]), at(30), 'finished');
    expect(setCode(ended, 0, code, at(40)).items[0].code).toBeUndefined();
    expect(recordDrillAttempt(ended, 0, { passed: 1, total: 1, allPassed: true }, at(40))).toBe(ended);
    expect(setCode(ended, 9, code, at(40))).toBe(ended);
  });

  it('toggles the flag on a question', () => {
    const once = toggleFlag(start('strict', [300, 300]), 1);
    expect(once.items[1].flagged).toBe(true);
    expect(toggleFlag(once, 1).items[1].flagged).toBe(false);
  });
});

describe('ending a mock', () => {
  it('moves to assessing with the reason and closes the open visit', () => {
    const s = endMock(goTo(start('strict', [300, 300]), 1, at(30)), at(45), 'finished');
    expect(s.status).toBe('assessing');
    expect(s.endReason).toBe('finished');
    expect(s.endedAt).toBe(at(45));
    expect(s.items[1].visits).toEqual([{ start: at(30), end: at(45) }]);
  });

  it('records an early end as ended-early', () => {
    const s = endMock(start('practice', [300]), at(20), 'ended-early');
    expect(s.endReason).toBe('ended-early');
    expect(s.endedAt).toBe(at(20));
  });

  it('keeps time-up when the deadline passed before the user ended it', () => {
    const s = endMock(start('strict', [0], 100), at(150), 'finished');
    expect(s.endReason).toBe('time-up');
    expect(s.endedAt).toBe(at(100));
  });

  it('does not end an already ended mock again', () => {
    const ended = endMock(start('strict', [300]), at(20), 'finished');
    expect(endMock(ended, at(40), 'ended-early')).toBe(ended);
  });
});

describe('nextDeadlineMs: when settle() next has work', () => {
  it('is the nearer of the question budget and the total limit, in strict mode', () => {
    expect(nextDeadlineMs(start('strict', [60, 60], 100), at(10))).toBe(50 * SEC);
    expect(nextDeadlineMs(start('strict', [60, 60], 30), at(10))).toBe(20 * SEC);
    expect(nextDeadlineMs(start('strict', [0, 0], 30), at(10))).toBe(20 * SEC);
  });

  it('is zero once a deadline has passed, never negative', () => {
    expect(nextDeadlineMs(start('strict', [60]), at(90))).toBe(0);
  });

  it('is undefined when nothing can run out: practice mode, no limits, a pause, an ended mock', () => {
    expect(nextDeadlineMs(start('practice', [60], 100), at(10))).toBeUndefined();
    expect(nextDeadlineMs(start('strict', [0, 0]), at(10))).toBeUndefined();
    expect(nextDeadlineMs(endMock(start('strict', [60]), at(5), 'finished'), at(10))).toBeUndefined();
    expect(nextDeadlineMs({ ...start('strict', [60]), pausedAt: at(5) }, at(10))).toBeUndefined();
  });
});
