/**
 * A drill's status for the drills list and page, from the review log (pure). A drill submit
 * records Again when a test fails and Hard or Good when all pass, so a passing grade is a solve.
 */
import { isDue } from '../srs/is-due';
import type { CardState, Rating, ReviewRecord } from '../srs/types';

export type DrillStatus = 'new' | 'attempted' | 'solved' | 'due';

export const DRILL_STATUS_LABELS: Record<DrillStatus, string> = {
  new: 'New',
  attempted: 'Attempted',
  solved: 'Solved',
  due: 'Due for review',
};

export interface DrillProgress {
  status: DrillStatus;
  /** The latest live grading of the drill, if any. */
  last?: { time: number; passed: boolean; rating: Rating };
}

const passes = (rating: Rating) => rating >= 2;

/** `reviews` are the live (not undone) records of this one question, any order; "due" is the review queue's rule. */
export function drillProgress(
  reviews: readonly ReviewRecord[],
  card: CardState | undefined,
  now: number,
  dayEnd: number,
): DrillProgress {
  if (reviews.length === 0) return { status: 'new' };
  const latest = reviews.reduce((a, b) => (b.time > a.time || (b.time === a.time && b.id > a.id) ? b : a));
  const last = { time: latest.time, passed: passes(latest.rating), rating: latest.rating };
  const everSolved = reviews.some((r) => passes(r.rating));
  if (!everSolved) return { status: 'attempted', last };
  if (card && isDue(card, now, dayEnd)) return { status: 'due', last };
  return { status: 'solved', last };
}

/** Every drill's progress at once, from the whole log. */
export function drillProgressById(
  drillIds: readonly string[],
  reviews: readonly ReviewRecord[],
  cards: ReadonlyMap<string, CardState>,
  now: number,
  dayEnd: number,
): Map<string, DrillProgress> {
  const byQuestion = new Map<string, ReviewRecord[]>();
  for (const review of reviews) {
    if (review.undoneAt !== undefined) continue;
    const list = byQuestion.get(review.questionId);
    if (list) list.push(review);
    else byQuestion.set(review.questionId, [review]);
  }
  return new Map(drillIds.map((id) => [id, drillProgress(byQuestion.get(id) ?? [], cards.get(id), now, dayEnd)]));
}
