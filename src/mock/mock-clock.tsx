/**
 * The two countdowns of a running mock, with a last-minute warning and a spoken "time is up".
 * Only this part of the screen re-renders as the clock ticks; the question and its editor do not.
 */
import { useEffect, useRef, useState } from 'react';
import { minutesAndSeconds } from '../ui/format-duration';
import { itemRemainingMs, totalRemainingMs } from './mock-session';
import type { MockSession } from './mock-types';

/** Often enough that a countdown's second changes on time; it re-renders only the clock. */
const CLOCK_TICK_MS = 250;
/** How long "Time is up for question n" stays after strict mode moved on by itself. */
const LOCK_NOTICE_MS = 8000;

export function formatClock(ms: number): string {
  const text = minutesAndSeconds(Math.ceil(Math.abs(ms) / 1000));
  return ms < 0 ? `+${text}` : text;
}

const WARN_MS = 60_000;

export function Countdown({
  label,
  remainingMs,
  overLabel,
}: {
  label: string;
  remainingMs: number;
  overLabel: string;
}) {
  const state = remainingMs <= 0 ? 'over' : remainingMs <= WARN_MS ? 'warning' : 'ok';
  return (
    <div className={`countdown ${state}`}>
      <span className="countdown-label">{label}</span>
      <span className="countdown-value" role="timer" aria-label={`${label}: ${formatClock(remainingMs)}`}>
        {remainingMs < 0 ? `${formatClock(remainingMs)} ${overLabel}` : formatClock(remainingMs)}
      </span>
    </div>
  );
}

/** Announces, once each, the last minute and the end of a countdown (screen readers and sighted users alike). */
export function useDeadlineNotice(key: string, remainingMs: number | undefined, what: string): string | undefined {
  const [notice, setNotice] = useState<string>();
  const said = useRef(new Set<string>());
  useEffect(() => {
    if (remainingMs === undefined) return;
    const stage = remainingMs <= 0 ? 'up' : remainingMs <= WARN_MS ? 'minute' : undefined;
    if (!stage || said.current.has(`${key}:${stage}`)) return;
    said.current.add(`${key}:${stage}`);
    setNotice(stage === 'up' ? `Time is up for ${what}.` : `One minute left for ${what}.`);
  }, [key, remainingMs, what]);
  return notice;
}

/** The current time, re-read on every render and at least every `intervalMs`. */
export function useNow(intervalMs: number): number {
  const [, setTicks] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTicks((t) => t + 1), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return Date.now();
}

/** The mock's header (title, mode, countdowns) and its time notices, on their own clock. */
export function MockClockBar({ session }: { session: MockSession }) {
  const now = useNow(CLOCK_TICK_MS);
  const index = session.current;
  const questionLeft = itemRemainingMs(session.items[index], now);
  const totalLeft = totalRemainingMs(session, now);
  const strict = session.config.mode === 'strict';
  const questionNotice = useDeadlineNotice(`q${index}`, questionLeft, `question ${index + 1}`);
  const totalNotice = useDeadlineNotice('total', totalLeft, 'the whole mock');
  const lastLocked = lockNotice(session, now);
  return (
    <>
      <header className="mock-header">
        <div>
          <h1 className="mock-title">{session.config.title}</h1>
          <p className="muted small">
            {strict ? 'Strict mode: at zero the answer locks.' : 'Practice mode: overtime is allowed and recorded.'}
          </p>
        </div>
        <div className="clocks">
          {questionLeft !== undefined && (
            <Countdown label={`Question ${index + 1}`} remainingMs={questionLeft} overLabel="over budget" />
          )}
          {totalLeft !== undefined && <Countdown label="Mock" remainingMs={totalLeft} overLabel="over the limit" />}
        </div>
      </header>
      <div className="visually-hidden" aria-live="assertive">
        {totalNotice ?? questionNotice}
      </div>
      {(lastLocked || totalNotice?.startsWith('Time is up') || questionNotice?.startsWith('Time is up')) && (
        <p className="notice warn" role="status">
          {lastLocked ?? (strict ? 'Time is up.' : 'Time is up: you may keep going, and the overtime is recorded.')}
        </p>
      )}
    </>
  );
}

/** "Time was up for question 2" for a few seconds after strict mode moved on by itself. */
function lockNotice(session: MockSession, now: number): string | undefined {
  let latest: { index: number; at: number } | undefined;
  session.items.forEach((it, i) => {
    if (it.lockedAt !== undefined && (!latest || it.lockedAt > latest.at)) latest = { index: i, at: it.lockedAt };
  });
  if (!latest || now - latest.at > LOCK_NOTICE_MS) return undefined;
  return `Time is up for question ${latest.index + 1}: your answer was saved and locked.`;
}
