/**
 * Today's review queue, as a pure function: learning cards that are due, then review cards due
 * today (up to the daily review limit), then new cards in bank order (up to the new-card limit).
 */
import { dueToday, todayGradingCounts, topicFilter } from './due-today';
import { isDue } from './is-due';
import { studyDayEnd, studyDayStart } from './study-day';
import type { CardState, ReviewRecord, Settings } from './types';

/** Like Anki: when nothing else is left, a learning card due within this window is shown early. */
export const LEARN_AHEAD_MS = 20 * 60_000;

export interface QueueInput {
  now: number;
  settings: Settings;
  /** States of every card seen at least once. */
  cards: ReadonlyMap<string, CardState>;
  /** Every question that may be reviewed, in bank order: id and topic. */
  questions: readonly { id: string; topic: string }[];
  /** Live (not undone) reviews since the start of the current study day. */
  todayReviews: readonly ReviewRecord[];
  /** Optional session filter on top of the topics in settings: one topic id or several, comma-separated. */
  topic?: string;
}

export interface DueQueue {
  /** Question ids in the order to show them. */
  ids: string[];
  /** Cards due today, from `dueToday` (learning cards due later today included), the number every screen shows. */
  dueCount: number;
  newCount: number;
  /** Gradings done since the study day started. */
  doneToday: number;
  newDoneToday: number;
  /** The earliest due time after the queue is empty (a learning card later today, or a future day). */
  nextDue?: number;
}

export function buildDueQueue(input: QueueInput): DueQueue {
  const { now, settings, cards, questions, todayReviews, topic } = input;
  const dayStart = studyDayStart(now, settings.dayStartHour);
  const dayEnd = studyDayEnd(now, settings.dayStartHour);
  const wanted = topicFilter(settings.topics, topic);
  const topicOf = new Map(questions.map((q) => [q.id, q.topic]));
  const { newDoneToday, reviewCardsDoneToday } = todayGradingCounts(cards, todayReviews, dayStart);

  const learning: CardState[] = [];
  const reviews: CardState[] = [];
  const later: number[] = [];
  for (const card of cards.values()) {
    const cardTopic = topicOf.get(card.questionId);
    if (cardTopic === undefined || !wanted(cardTopic)) continue;
    if (!isDue(card, now, dayEnd)) later.push(card.due);
    else if (card.phase === 'review') reviews.push(card);
    else learning.push(card);
  }
  const byDue = (a: CardState, b: CardState) => a.due - b.due || (a.questionId < b.questionId ? -1 : 1);
  learning.sort(byDue);
  reviews.sort(byDue);
  const reviewRoom = Math.max(0, settings.maxReviewsPerDay - reviewCardsDoneToday);
  const dueReviews = reviews.slice(0, reviewRoom);

  const newRoom = Math.max(0, settings.newPerDay - newDoneToday);
  const fresh: string[] = [];
  for (const q of questions) {
    if (fresh.length >= newRoom) break;
    if (!cards.has(q.id) && wanted(q.topic)) fresh.push(q.id);
  }

  const ids = [...learning.map((c) => c.questionId), ...dueReviews.map((c) => c.questionId), ...fresh];
  let nextDue: number | undefined;
  if (ids.length === 0) {
    const soonest = later.reduce<number | undefined>(
      (min, due) => (min === undefined || due < min ? due : min),
      undefined,
    );
    if (soonest !== undefined && soonest - now <= LEARN_AHEAD_MS && soonest < dayEnd) {
      const early = [...cards.values()].find((c) => c.due === soonest && c.phase !== 'review');
      if (early) ids.push(early.questionId);
    }
    nextDue = ids.length === 0 ? soonest : undefined;
  }
  return {
    ids,
    dueCount: dueToday(input).total,
    newCount: fresh.length,
    doneToday: todayReviews.filter((r) => r.time >= dayStart).length,
    newDoneToday,
    nextDue,
  };
}

/**
 * The queue after grading its first card, without rebuilding it: the card leaves the queue
 * (a learning card returns when it falls due, at the next refresh). Keeps a grading O(queue).
 */
export function advanceQueue(queue: DueQueue, gradedId: string, wasNew: boolean): DueQueue {
  const ids = queue.ids.filter((id) => id !== gradedId);
  const removed = ids.length < queue.ids.length;
  return {
    ...queue,
    ids,
    dueCount: removed && !wasNew ? Math.max(0, queue.dueCount - 1) : queue.dueCount,
    newCount: removed && wasNew ? Math.max(0, queue.newCount - 1) : queue.newCount,
    doneToday: queue.doneToday + 1,
    newDoneToday: queue.newDoneToday + (wasNew ? 1 : 0),
  };
}
