/** "90 s", "2 min", "15 min": time budgets as a person says them. */
export function formatBudget(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  return `${Math.round(seconds / 60)} min`;
}
