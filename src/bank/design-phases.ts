/**
 * The phases of a design round, in the order interviews run them. Defined once: the bank format
 * tags rubric points and follow-ups with these ids, the phased clock splits a question's budget by
 * `share`, and the report shows time and coverage per phase under `label`.
 */
export const DESIGN_PHASES = [
  { id: 'clarify', label: 'Clarify and requirements', share: 5 / 45 },
  { id: 'estimate', label: 'Estimates', share: 5 / 45 },
  { id: 'design', label: 'High-level design', share: 10 / 45 },
  { id: 'deep-dive', label: 'Deep dive', share: 12 / 45 },
  { id: 'evaluate', label: 'Evaluation and monitoring', share: 8 / 45 },
  { id: 'tradeoffs', label: 'Trade-offs and wrap-up', share: 5 / 45 },
] as const;

export type DesignPhaseId = (typeof DESIGN_PHASES)[number]['id'];

export const DESIGN_PHASE_IDS: readonly DesignPhaseId[] = DESIGN_PHASES.map((p) => p.id);

export function isDesignPhaseId(value: string): value is DesignPhaseId {
  return (DESIGN_PHASE_IDS as readonly string[]).includes(value);
}
