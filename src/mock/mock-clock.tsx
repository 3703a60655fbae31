/** The two countdowns of a running mock, with a last-minute warning and a spoken "time is up". */
import { useEffect, useRef, useState } from 'react';

export function formatClock(ms: number): string {
  const seconds = Math.ceil(Math.abs(ms) / 1000);
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
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
