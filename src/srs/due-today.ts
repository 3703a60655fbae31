/**
 * "Due today": the one count every screen shows (Home's Today, Progress, the Review header and the
 * forecast's first day). Pure; `now` is passed in.
 *
 * A seen card is due today when it falls due before the current study day ends (the next
 * `dayStartHour`, local time; see study-day.ts), overdue ones included. That holds for learning
 * and relearning cards too: a card a mock graded "Good" a minute ago comes back in ten minutes,
 * so it is part of today's work even though the queue cannot show it yet (as in Anki, whose
 * learning count includes cards due later today). Review cards are capped by what is left of the
 * daily review limit, exactly as the queue caps them; learning cards are never capped.
 */
import { studyDayEnd, studyDayStart } from './study-day';
import type { CardState, ReviewRecord, Settings } from './types';

export interface DueTodayInput {
  now: number;
  settings: Pick<Settings, 'dayStartHour' | 'maxReviewsPerDay' | 'topics'>;
  /** States of every card seen at least once. */
  cards: ReadonlyMap<string, CardState>;
  /** Every question that may be reviewed: id and topic (cards not in it are left out). */
  questions: readonly { id: string; topic: string }[];
  /** Live (not undone) reviews; only those since the study day started count against the limit. */
  todayReviews: readonly ReviewRecord[];
  /** Optional session filter on top of the topics in settings: one topic id or several, comma-separated. */
  topic?: string;
}

export interface DueTodayCounts {
  /** Learning and relearning cards due before the study day ends (some may not be due yet this minute). */
  learning: number;
  /** Review cards due before the study day ends, within the daily review limit. */
  review: number;
  total: number;
  /** Review cards due today that the daily review limit holds back until tomorrow. */
  heldBack: number;
}

/** Whether a question's topic is studied: the settings' topics (all when none) and an optional session filter. */
export function topicFilter(settingsTopics: readonly string[], topic?: string): (t: string) => boolean {
  const included = new Set(settingsTopics);
  const session = topic ? new Set(topic.split(',')) : undefined;
  return (t) => (included.size === 0 || included.has(t)) && (!session || session.has(t));
}

/**
 * How many review cards were already reviewed today (not first introduced today): they use up the
 * daily review limit. A card whose every grading falls today was new today.
 */
export function todayGradingCounts(
  cards: ReadonlyMap<string, CardState>,
  todayReviews: readonly ReviewRecord[],
  dayStart: number,
): { newDoneToday: number; reviewCardsDoneToday: number } {
  const perCard = new Map<string, number>();
  for (const review of todayReviews) {
    if (review.time >= dayStart) perCard.set(review.questionId, (perCard.get(review.questionId) ?? 0) + 1);
  }
  let newDoneToday = 0;
  let reviewCardsDoneToday = 0;
  for (const [questionId, count] of perCard) {
    const card = cards.get(questionId);
    if (card && card.reps <= count) newDoneToday++;
    else reviewCardsDoneToday++;
  }
  return { newDoneToday, reviewCardsDoneToday };
}

export function dueToday(input: DueTodayInput): DueTodayCounts {
  const { now, settings, cards, questions, todayReviews, topic } = input;
  const dayStart = studyDayStart(now, settings.dayStartHour);
  const dayEnd = studyDayEnd(now, settings.dayStartHour);
  const wanted = topicFilter(settings.topics, topic);
  const topicOf = new Map(questions.map((q) => [q.id, q.topic]));
  let learning = 0;
  let review = 0;
  for (const card of cards.values()) {
    if (card.phase === 'new' || card.due >= dayEnd) continue;
    const cardTopic = topicOf.get(card.questionId);
    if (cardTopic === undefined || !wanted(cardTopic)) continue;
    if (card.phase === 'review') review++;
    else learning++;
  }
  const { reviewCardsDoneToday } = todayGradingCounts(cards, todayReviews, dayStart);
  const room = Math.max(0, settings.maxReviewsPerDay - reviewCardsDoneToday);
  const shown = Math.min(review, room);
  return { learning, review: shown, total: learning + shown, heldBack: review - shown };
}
