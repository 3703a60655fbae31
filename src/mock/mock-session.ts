/**
 * The mock's clock and every change to a running mock, as pure functions of the stored session
 * and the current time. Time is never counted by a ticking counter: each question keeps the
 * stretches (visits) the user spent on it, so after a reload, a closed tab or a crash the
 * remaining time is recomputed exactly from stored timestamps.
 */
import type { MockConfig, MockItem, MockSession, Visit } from './mock-types';

export function visitMs(visits: readonly Visit[], now: number): number {
  let total = 0;
  for (const v of visits) total += Math.max(0, (v.end ?? now) - v.start);
  return total;
}

export function itemUsedMs(item: MockItem, now: number): number {
  return visitMs(item.visits, now);
}

/** Time spent on the whole mock: the sum over questions, so a practice pause does not count. */
export function totalUsedMs(session: MockSession, now: number): number {
  return session.items.reduce((sum, item) => sum + itemUsedMs(item, now), 0);
}

/** Remaining on a question's own budget (negative when over); undefined when it has none. */
export function itemRemainingMs(item: MockItem, now: number): number | undefined {
  return item.budgetSeconds > 0 ? item.budgetSeconds * 1000 - itemUsedMs(item, now) : undefined;
}

export function totalRemainingMs(session: MockSession, now: number): number | undefined {
  const limit = session.config.totalSeconds;
  return limit === undefined ? undefined : limit * 1000 - totalUsedMs(session, now);
}

export function isLocked(item: MockItem): boolean {
  return item.lockedAt !== undefined;
}

function closeVisit(item: MockItem, at: number): MockItem {
  const last = item.visits.at(-1);
  if (!last || last.end !== undefined) return item;
  return { ...item, visits: [...item.visits.slice(0, -1), { start: last.start, end: Math.max(last.start, at) }] };
}

function openVisit(item: MockItem, at: number): MockItem {
  const last = item.visits.at(-1);
  if (last && last.end === undefined) return item;
  return { ...item, visits: [...item.visits, { start: at }] };
}

function replaceItem(session: MockSession, index: number, item: MockItem): MockSession {
  const items = session.items.slice();
  items[index] = item;
  return { ...session, items };
}

/** The next question after `from` that is still open, wrapping round; undefined when no other is. */
export function nextOpenIndex(session: MockSession, from: number): number | undefined {
  const n = session.items.length;
  for (let step = 1; step < n; step++) {
    const i = (from + step) % n;
    if (!isLocked(session.items[i])) return i;
  }
  return undefined;
}

export function startMock(id: string, config: MockConfig, items: MockItem[], seed: number, now: number): MockSession {
  const session: MockSession = { id, config, seed, createdAt: now, status: 'running', current: 0, items };
  return replaceItem(session, 0, openVisit(items[0], now));
}

function endAt(session: MockSession, at: number, reason: NonNullable<MockSession['endReason']>): MockSession {
  const closed = replaceItem(session, session.current, closeVisit(session.items[session.current], at));
  return { ...closed, status: 'assessing', endedAt: at, endReason: reason, pausedAt: undefined };
}

/**
 * Applies every deadline that has passed by `now`. Strict mode: a question whose budget runs
 * out locks and the next open question starts at that instant; when the total limit runs out,
 * or no question is left open, the mock ends. Practice mode never locks: overtime is allowed and
 * recorded in the visits.
 */
export function settle(session: MockSession, now: number): MockSession {
  let s = session;
  if (s.config.mode !== 'strict') return s;
  for (let guard = 0; guard <= s.items.length + 1 && s.status === 'running'; guard++) {
    const item = s.items[s.current];
    const visit = item.visits.at(-1);
    if (!visit || visit.end !== undefined) return s;
    const questionLeft = itemRemainingMs(item, now);
    const totalLeft = totalRemainingMs(s, now);
    if (totalLeft !== undefined && totalLeft <= 0 && (questionLeft === undefined || totalLeft <= questionLeft)) {
      return endAt(s, now + totalLeft, 'time-up');
    }
    if (questionLeft === undefined || questionLeft > 0) return s;
    const lockedAt = now + questionLeft;
    s = replaceItem(s, s.current, { ...closeVisit(item, lockedAt), lockedAt });
    const next = nextOpenIndex(s, s.current);
    if (next === undefined) return { ...s, status: 'assessing', endedAt: lockedAt, endReason: 'time-up' };
    s = replaceItem({ ...s, current: next }, next, openVisit(s.items[next], lockedAt));
  }
  return s;
}

/**
 * How long until settle() next has something to do: the current question's budget or the total
 * limit running out, whichever is first. Undefined when nothing can run out (practice mode, a
 * pause, an ended mock, no limits), so no timer is needed at all.
 */
export function nextDeadlineMs(session: MockSession, now: number): number | undefined {
  if (session.config.mode !== 'strict' || session.status !== 'running' || session.pausedAt !== undefined) return;
  const left = [itemRemainingMs(session.items[session.current], now), totalRemainingMs(session, now)].filter(
    (ms): ms is number => ms !== undefined,
  );
  return left.length ? Math.max(0, Math.min(...left)) : undefined;
}

/** Moves to question `index` (a locked one cannot be reopened in strict mode). */
export function goTo(session: MockSession, index: number, now: number): MockSession {
  const s = settle(session, now);
  if (s.status !== 'running' || index === s.current || !s.items[index] || isLocked(s.items[index])) return s;
  if (s.pausedAt !== undefined) return { ...s, current: index };
  const left = replaceItem(s, s.current, closeVisit(s.items[s.current], now));
  return replaceItem({ ...left, current: index }, index, openVisit(left.items[index], now));
}

/** Next (or skip): the next open question after the current one. */
export function goNext(session: MockSession, now: number): MockSession {
  const s = settle(session, now);
  const next = nextOpenIndex(s, s.current);
  return next === undefined ? s : goTo(s, next, now);
}

export function setAnswer(session: MockSession, index: number, answer: string, now: number): MockSession {
  const s = settle(session, now);
  const item = s.items[index];
  if (s.status !== 'running' || !item || isLocked(item)) return s;
  return replaceItem(s, index, { ...item, answer });
}

export function setCode(session: MockSession, index: number, code: NonNullable<MockItem['code']>, now: number) {
  const s = settle(session, now);
  const item = s.items[index];
  if (s.status !== 'running' || !item || isLocked(item)) return s;
  return replaceItem(s, index, { ...item, code });
}

export function recordDrillAttempt(
  session: MockSession,
  index: number,
  drill: NonNullable<MockItem['drill']>,
  now: number,
) {
  const s = settle(session, now);
  const item = s.items[index];
  if (s.status !== 'running' || !item || isLocked(item)) return s;
  return replaceItem(s, index, { ...item, drill });
}

export function toggleFlag(session: MockSession, index: number): MockSession {
  const item = session.items[index];
  return item ? replaceItem(session, index, { ...item, flagged: !item.flagged }) : session;
}

/** Practice mode only: strict mode runs like a real interview, with no pause. */
export function pause(session: MockSession, now: number): MockSession {
  if (session.config.mode !== 'practice' || session.status !== 'running' || session.pausedAt !== undefined)
    return session;
  return { ...replaceItem(session, session.current, closeVisit(session.items[session.current], now)), pausedAt: now };
}

export function resume(session: MockSession, now: number): MockSession {
  if (session.pausedAt === undefined || session.status !== 'running') return session;
  return {
    ...replaceItem(session, session.current, openVisit(session.items[session.current], now)),
    pausedAt: undefined,
  };
}

/** Ends the mock (finished, or ended early by the user) and moves on to the self-assessment. */
export function endMock(session: MockSession, now: number, reason: 'finished' | 'ended-early'): MockSession {
  const s = settle(session, now);
  if (s.status !== 'running') return s;
  return endAt(s, s.pausedAt ?? now, reason);
}

export type MockChange = (session: MockSession, now: number) => MockSession;
