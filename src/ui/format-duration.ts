/** "90 s", "2 min", "15 min": time budgets as a person says them. */
export function formatBudget(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  return `${Math.round(seconds / 60)} min`;
}

/** "0:07", "12:45" from whole seconds. */
export function minutesAndSeconds(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Time elapsed, as a stopwatch shows it (whole seconds, rounded down). */
export function formatElapsed(ms: number): string {
  return minutesAndSeconds(Math.floor(Math.max(0, ms) / 1000));
}
