import { describe, expect, it } from 'vitest';
import { DESIGN_PHASES } from '../../src/bank/design-phases';
import {
  advancePhase,
  CUE_GRACE_MS,
  cueMessage,
  currentPhaseIndex,
  LAST_PHASE,
  phaseCue,
  phaseDurations,
  planPhases,
} from '../../src/design/phase-plan';

const MIN = 60_000;

describe('planPhases', () => {
  it('splits a 45-minute budget as an interview does: 5, 5, 10, 12, 8, 5 minutes', () => {
    expect(planPhases(45 * 60).map((p) => p.ms / MIN)).toEqual([5, 5, 10, 12, 8, 5]);
  });

  it('scales to the question budget in half minutes and keeps every phase', () => {
    const plan = planPhases(25 * 60);
    expect(plan).toHaveLength(DESIGN_PHASES.length);
    for (const phase of plan) expect(phase.ms % 30_000).toBe(0);
    const total = plan.reduce((sum, p) => sum + p.ms, 0);
    expect(Math.abs(total - 25 * MIN)).toBeLessThanOrEqual(DESIGN_PHASES.length * 15_000);
  });

  it('plans an untimed question as 45 minutes and never gives a phase zero time', () => {
    expect(planPhases(0)).toEqual(planPhases(45 * 60));
    for (const phase of planPhases(60)) expect(phase.ms).toBeGreaterThanOrEqual(30_000);
  });
});

describe('phase marks', () => {
  it('starts in the first phase and moves on at the used time of each mark', () => {
    let marks: number[] = [];
    expect(currentPhaseIndex(marks)).toBe(0);
    marks = advancePhase(marks, 4 * MIN);
    marks = advancePhase(marks, 9 * MIN);
    expect(currentPhaseIndex(marks)).toBe(2);
    expect(phaseDurations(marks, 15 * MIN)).toEqual([4 * MIN, 5 * MIN, 6 * MIN, 0, 0, 0]);
  });

  it('stays in the last phase however often the user presses next', () => {
    let marks: number[] = [];
    for (let i = 0; i < 10; i++) marks = advancePhase(marks, i * MIN);
    expect(marks).toHaveLength(LAST_PHASE);
    expect(currentPhaseIndex(marks)).toBe(LAST_PHASE);
  });

  it('never lets a mark go back in time (a clock that moved backwards)', () => {
    const marks = advancePhase(advancePhase([], 5 * MIN), 3 * MIN);
    expect(marks).toEqual([5 * MIN, 5 * MIN]);
    expect(phaseDurations(marks, 6 * MIN).every((d) => d >= 0)).toBe(true);
  });
});

describe('phaseCue', () => {
  const plan = planPhases(45 * 60);

  it('says nothing while a phase is within its time or only just over', () => {
    expect(cueMessage(plan, phaseCue(plan, [], 5 * MIN))).toBeUndefined();
    expect(cueMessage(plan, phaseCue(plan, [], 5 * MIN + CUE_GRACE_MS - 1))).toBeUndefined();
  });

  it('nudges towards the next phase once a phase runs long', () => {
    const cue = phaseCue(plan, [], 8 * MIN);
    expect(cue.overMs).toBe(3 * MIN);
    expect(cue.plannedIndex).toBe(1);
    expect(cueMessage(plan, cue)).toBe(
      'Clarify and requirements has run 3 min past its 5 min. Move on to estimates when you can.',
    );
  });

  it('asks for a wrap-up when the last phase runs long', () => {
    const marks = [1, 2, 3, 4, 5].map((m) => m * MIN);
    expect(cueMessage(plan, phaseCue(plan, marks, 5 * MIN + 7 * MIN))).toMatch(/Time to wrap up/);
  });
});
