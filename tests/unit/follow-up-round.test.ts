import { describe, expect, it } from 'vitest';
import { followUpSeconds, pickFollowUps } from '../../src/design/follow-up-round';
import { planPhases } from '../../src/design/phase-plan';

const MIN = 60_000;
const plan = planPhases(45 * 60); // 5, 5, 10, 12, 8, 5 minutes

describe('pickFollowUps', () => {
  it('asks first about the phase that got the smallest share of its planned time', () => {
    // Clarify got its full 5 min, deep dive 12 of 12, evaluation only 1 of 8.
    const durations = [5 * MIN, 5 * MIN, 10 * MIN, 12 * MIN, 1 * MIN, 5 * MIN];
    const followUps = [{ phase: 'clarify' as const }, { phase: 'deep-dive' as const }, { phase: 'evaluate' as const }];
    expect(pickFollowUps(followUps, plan, durations)[0]).toBe(2);
  });

  it('asks at most three, and untagged follow-ups only after tagged ones', () => {
    const durations = [5 * MIN, 0, 0, 0, 0, 0];
    const followUps = [
      {},
      { phase: 'clarify' as const },
      { phase: 'estimate' as const },
      { phase: 'tradeoffs' as const },
    ];
    expect(pickFollowUps(followUps, plan, durations)).toEqual([2, 3, 1]);
  });

  it('keeps the question order when coverage ties, and asks all of one or two', () => {
    const none = [0, 0, 0, 0, 0, 0];
    expect(pickFollowUps([{ phase: 'design' as const }, { phase: 'design' as const }], plan, none)).toEqual([0, 1]);
    expect(pickFollowUps([], plan, none)).toEqual([]);
  });
});

describe('followUpSeconds', () => {
  it('gives each follow-up a tenth of the budget, between one and three minutes', () => {
    expect(followUpSeconds(25 * 60)).toBe(150);
    expect(followUpSeconds(5 * 60)).toBe(60);
    expect(followUpSeconds(60 * 60)).toBe(180);
  });
});
