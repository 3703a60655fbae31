/**
 * The interviewer's follow-up round, pure: which follow-ups to ask and how long each may take.
 * The interviewer pushes where the candidate said least, so follow-ups tagged with the phases
 * that got the smallest share of their planned time come first.
 */
import type { DesignPhaseId } from '../bank/design-phases';
import type { PlannedPhase } from './phase-plan';

export const MAX_FOLLOW_UPS = 3;

export interface TaggedFollowUp {
  phase?: DesignPhaseId;
}

/**
 * Indices of the follow-ups to ask, in asking order: up to three, those whose phase was covered
 * least (time spent over time planned) first; untagged ones after tagged ones; ties keep the
 * question's own order.
 */
export function pickFollowUps(
  followUps: readonly TaggedFollowUp[],
  plan: readonly PlannedPhase[],
  durations: readonly number[],
): number[] {
  const coverage = (phase: DesignPhaseId | undefined) => {
    const at = plan.findIndex((p) => p.id === phase);
    return at < 0 ? Number.POSITIVE_INFINITY : durations[at] / plan[at].ms;
  };
  return followUps
    .map((f, index) => ({ index, coverage: coverage(f.phase) }))
    .sort((a, b) => a.coverage - b.coverage || a.index - b.index)
    .slice(0, MAX_FOLLOW_UPS)
    .map((f) => f.index);
}

/** Each follow-up's own clock: a tenth of the question's budget, between one and three minutes. */
export function followUpSeconds(budgetSeconds: number): number {
  const tenth = Math.round(budgetSeconds / 10 / 30) * 30;
  return Math.min(180, Math.max(60, tenth));
}
