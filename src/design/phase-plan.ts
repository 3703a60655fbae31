/**
 * The phased clock of a design round, as pure functions of the time spent on the question.
 *
 * Time is the question's *used* time (a mock pauses it while the user is on another question),
 * so a phase is recorded as a mark: `marks[i]` is the used time at which phase i + 1 began.
 * Durations, the current phase and the "running long" cue all follow from the marks.
 */
import { DESIGN_PHASES, type DesignPhaseId } from '../bank/design-phases';
import { formatBudget } from '../ui/format-duration';

export interface PlannedPhase {
  id: DesignPhaseId;
  label: string;
  /** Suggested time for the phase. */
  ms: number;
}

/** A design round without a budget of its own is planned as the usual 45-minute interview. */
export const DEFAULT_DESIGN_BUDGET_SECONDS = 45 * 60;
const ROUND_TO_MS = 30_000;

/** Suggested time per phase: the question's budget split by each phase's share, to the half minute. */
export function planPhases(budgetSeconds: number): PlannedPhase[] {
  const budgetMs = (budgetSeconds > 0 ? budgetSeconds : DEFAULT_DESIGN_BUDGET_SECONDS) * 1000;
  return DESIGN_PHASES.map((phase) => ({
    id: phase.id,
    label: phase.label,
    ms: Math.max(ROUND_TO_MS, Math.round((budgetMs * phase.share) / ROUND_TO_MS) * ROUND_TO_MS),
  }));
}

export const LAST_PHASE = DESIGN_PHASES.length - 1;

export function currentPhaseIndex(marks: readonly number[]): number {
  return Math.min(marks.length, LAST_PHASE);
}

/** Moves to the next phase at `usedMs`; the last phase stays open until the answer ends. */
export function advancePhase(marks: readonly number[], usedMs: number): number[] {
  if (marks.length >= LAST_PHASE) return [...marks];
  const previous = marks.at(-1) ?? 0;
  return [...marks, Math.max(previous, usedMs)];
}

/** Time spent in each phase so far (0 for phases not reached), in phase order. */
export function phaseDurations(marks: readonly number[], usedMs: number): number[] {
  const current = currentPhaseIndex(marks);
  return DESIGN_PHASES.map((_, index) => {
    if (index > current) return 0;
    const start = index === 0 ? 0 : marks[index - 1];
    const end = index < current ? marks[index] : Math.max(usedMs, start);
    return end - start;
  });
}

export interface PhaseCue {
  current: number;
  elapsedMs: number;
  plannedMs: number;
  /** How far past its suggested time the current phase is (0 when within it). */
  overMs: number;
  /** The phase the plan would have reached by now, for "the plan is at ...". */
  plannedIndex: number;
}

export function phaseCue(plan: readonly PlannedPhase[], marks: readonly number[], usedMs: number): PhaseCue {
  const current = currentPhaseIndex(marks);
  const elapsedMs = phaseDurations(marks, usedMs)[current];
  const plannedMs = plan[current].ms;
  let plannedIndex = 0;
  let cumulative = 0;
  for (const [index, phase] of plan.entries()) {
    cumulative += phase.ms;
    plannedIndex = index;
    if (usedMs < cumulative) break;
  }
  return { current, elapsedMs, plannedMs, overMs: Math.max(0, elapsedMs - plannedMs), plannedIndex };
}

/**
 * Gentle cues only: a phase may run a minute long before the clock says anything, and the text
 * changes once a minute, not every second, so a screen reader is not flooded.
 */
export const CUE_GRACE_MS = 60_000;

export function cueMessage(plan: readonly PlannedPhase[], cue: PhaseCue): string | undefined {
  if (cue.overMs < CUE_GRACE_MS) return undefined;
  const next = plan[cue.current + 1];
  const over = `${plan[cue.current].label} has run ${Math.floor(cue.overMs / 60_000)} min past its ${formatBudget(cue.plannedMs / 1000)}.`;
  return next ? `${over} Move on to ${next.label.toLowerCase()} when you can.` : `${over} Time to wrap up.`;
}
