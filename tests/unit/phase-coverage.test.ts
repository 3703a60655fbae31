/** A design answer's rubric coverage per phase, for the report: only phases the rubric tags, in round order. */
import { describe, expect, it } from 'vitest';
import { coverageByPhase } from '../../src/design/phase-coverage';

describe('coverageByPhase', () => {
  it('counts the ticked points of each tagged phase, in the order the round runs', () => {
    const phases = ['design', 'clarify', 'design', 'tradeoffs', 'clarify'] as const;
    expect(coverageByPhase(phases, [true, false, false, true, true])).toEqual([
      { id: 'clarify', label: 'Clarify and requirements', covered: 1, total: 2 },
      { id: 'design', label: 'High-level design', covered: 1, total: 2 },
      { id: 'tradeoffs', label: 'Trade-offs and wrap-up', covered: 1, total: 1 },
    ]);
  });

  it('counts points the user has not reached as not covered, and is empty without tags', () => {
    expect(coverageByPhase(['estimate', 'estimate'], [true])).toEqual([
      { id: 'estimate', label: 'Estimates', covered: 1, total: 2 },
    ]);
    expect(coverageByPhase([], [])).toEqual([]);
  });
});
