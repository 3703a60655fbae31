import { describe, expect, it } from 'vitest';
import {
  answerFollowUp,
  designRoundSchema,
  endMainAnswer,
  followUpRoundOver,
  followUpTimes,
  NEW_DESIGN_ROUND,
  nextFollowUp,
  nextPhase,
} from '../../src/design/design-round';
import { planPhases } from '../../src/design/phase-plan';

const MIN = 60_000;
const plan = planPhases(45 * 60);
const followUps = [{ phase: 'clarify' as const }, { phase: 'evaluate' as const }, { phase: 'design' as const }];

describe('a design round', () => {
  it('runs phases, ends the answer, asks the least-covered follow-ups one at a time, then is over', () => {
    let round = nextPhase(NEW_DESIGN_ROUND, 5 * MIN); // clarify 5 min (all of its plan)
    round = nextPhase(round, 10 * MIN); // estimates 5 min
    round = endMainAnswer(round, 20 * MIN, 1_000, followUps, plan); // design 10 min, evaluation never reached
    expect(round.followUps?.picked).toEqual([1, 0, 2]);
    expect(followUpRoundOver(round)).toBe(false);

    round = answerFollowUp(round, 'offline log loss, online A/B');
    round = nextFollowUp(round, 61_000);
    round = answerFollowUp(round, 'who are the users');
    round = nextFollowUp(round, 100_000);
    expect(round.followUps?.answers).toEqual(['offline log loss, online A/B', 'who are the users', '']);
    round = nextFollowUp(round, 130_000);
    expect(followUpRoundOver(round)).toBe(true);
    expect(followUpTimes(round.followUps ?? ({} as never), 999_999)).toEqual([60_000, 39_000, 30_000]);
    expect(designRoundSchema.safeParse(round).success).toBe(true);
  });

  it('ignores phase changes and answers once the main answer has ended or the round is over', () => {
    const ended = endMainAnswer(NEW_DESIGN_ROUND, MIN, 0, [], plan);
    expect(nextPhase(ended, 2 * MIN)).toBe(ended);
    expect(followUpRoundOver(ended)).toBe(true);
    expect(answerFollowUp(ended, 'late')).toBe(ended);
    expect(endMainAnswer(ended, 3 * MIN, 0, followUps, plan)).toBe(ended);
  });
});
