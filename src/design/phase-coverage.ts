/** Rubric coverage per design phase, from the rubric's phase tags and the points the user ticked. */
import { DESIGN_PHASES, type DesignPhaseId } from '../bank/design-phases';

export interface PhaseCoverage {
  id: DesignPhaseId;
  label: string;
  covered: number;
  total: number;
}

/** Phases with at least one rubric point, in round order. */
export function coverageByPhase(rubricPhases: readonly DesignPhaseId[], covered: readonly boolean[]): PhaseCoverage[] {
  return DESIGN_PHASES.map((phase) => {
    const points = rubricPhases.map((p, i) => (p === phase.id ? i : -1)).filter((i) => i >= 0);
    return { id: phase.id, label: phase.label, covered: points.filter((i) => covered[i]).length, total: points.length };
  }).filter((p) => p.total > 0);
}
