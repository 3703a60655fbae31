/** Cards and queue inputs for the due-queue and due-today tests: one factory, the clock passed in. */
import type { QueueInput } from '../../src/srs/due-queue';
import { newCardState } from '../../src/srs/scheduler';
import { type CardState, DEFAULT_SETTINGS } from '../../src/srs/types';

const DAY = 24 * 60 * 60 * 1000;

/** A card seen a month before `now`, in `phase`, falling due at `due`. */
export function seenCard(now: number, id: string, phase: CardState['phase'], due: number, reps = 3): CardState {
  return { ...newCardState(id, now - 30 * DAY), phase, due, reps, lastReviewId: `last-${id}` };
}

export function queueInput(
  now: number,
  questions: QueueInput['questions'],
  cards: CardState[],
  extra: Partial<QueueInput> = {},
): QueueInput {
  return {
    now,
    settings: DEFAULT_SETTINGS,
    cards: new Map(cards.map((c) => [c.questionId, c])),
    questions,
    todayReviews: [],
    ...extra,
  };
}
