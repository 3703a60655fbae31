/**
 * A design round's progress, as plain data that a mock item or a practice record stores:
 * the phase marks (see phase-plan.ts), when the main answer ended, and the follow-up round.
 * Pure functions: the caller passes the used time and the clock.
 */
import type * as z from 'zod/mini';
import type { FollowUp } from '../bank/types';
import { designRoundSchema } from '../storage/design-record-schemas';
import { pickFollowUps } from './follow-up-round';
import { advancePhase, type PlannedPhase, phaseDurations } from './phase-plan';

export { designRoundSchema };
export type DesignRound = z.infer<typeof designRoundSchema>;
export type FollowUpRoundState = NonNullable<DesignRound['followUps']>;

export const NEW_DESIGN_ROUND: DesignRound = { marks: [] };

export function nextPhase(round: DesignRound, usedMs: number): DesignRound {
  if (round.endedAtMs !== undefined) return round;
  return { ...round, marks: advancePhase(round.marks, usedMs) };
}

/** Ends the main answer and opens the follow-up round on the least-covered phases (none if the question has none). */
export function endMainAnswer(
  round: DesignRound,
  usedMs: number,
  now: number,
  followUps: readonly Pick<FollowUp, 'phase'>[],
  plan: readonly PlannedPhase[],
): DesignRound {
  if (round.endedAtMs !== undefined) return round;
  const picked = pickFollowUps(followUps, plan, phaseDurations(round.marks, usedMs));
  return {
    ...round,
    endedAtMs: usedMs,
    followUps: {
      picked,
      answers: picked.map(() => ''),
      current: 0,
      startedAt: picked.length ? [now] : [],
      endedAt: [],
    },
  };
}

export function answerFollowUp(round: DesignRound, text: string): DesignRound {
  const f = round.followUps;
  if (!f || f.current >= f.picked.length) return round;
  const answers = f.answers.slice();
  answers[f.current] = text;
  return { ...round, followUps: { ...f, answers } };
}

/** Leaves the follow-up on screen for the next one (or ends the round after the last). */
export function nextFollowUp(round: DesignRound, now: number): DesignRound {
  const f = round.followUps;
  if (!f || f.current >= f.picked.length) return round;
  const current = f.current + 1;
  const startedAt = current < f.picked.length ? [...f.startedAt, now] : f.startedAt;
  return { ...round, followUps: { ...f, current, startedAt, endedAt: [...f.endedAt, now] } };
}

export function followUpRoundOver(round: DesignRound | undefined): boolean {
  const f = round?.followUps;
  return f !== undefined && f.current >= f.picked.length;
}

/** Time spent on each asked follow-up, in asking order (the open one counts up to `now`). */
export function followUpTimes(f: FollowUpRoundState, now: number): number[] {
  return f.startedAt.map((start, i) => Math.max(0, (f.endedAt[i] ?? now) - start));
}

/** Whether the user did anything in the round beyond typing: drew, moved through phases or answered a follow-up. */
export function roundHasWork(round: DesignRound | undefined): boolean {
  if (!round) return false;
  return (round.drawnElements ?? 0) > 0 || (round.followUps?.answers.some((a) => a.trim() !== '') ?? false);
}
