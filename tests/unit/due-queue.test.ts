import { describe, expect, it } from 'vitest';
import { advanceQueue, buildDueQueue, type QueueInput } from '../../src/srs/due-queue';
import { newCardOrder } from '../../src/srs/new-card-order';
import { applyRating, newCardState } from '../../src/srs/scheduler';
import { studyDayStart } from '../../src/srs/study-day';
import { type CardState, DEFAULT_SETTINGS, type ReviewRecord } from '../../src/srs/types';
import { queueInput, seenCard } from '../support/queue-fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Local 10:00 on a fixed day, so the 4 AM day boundary is predictable in any time zone.
const NOW = new Date(2026, 2, 10, 10, 0, 0).getTime();
const questions = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => ({
  id,
  topic: i % 2 === 0 ? 'metrics' : 'rag-design',
}));

const card = (id: string, phase: CardState['phase'], due: number, reps = 3) => seenCard(NOW, id, phase, due, reps);
const input = (cards: CardState[], extra: Partial<QueueInput> = {}) => queueInput(NOW, questions, cards, extra);
const review = (questionId: string, time: number): ReviewRecord => ({
  id: `${questionId}-${time}`,
  questionId,
  time,
  rating: 3,
  source: 'review',
  durationMs: 1,
  retention: 0.9,
});

describe("today's queue", () => {
  it('shows due learning cards, then review cards due today by due time, then new cards', () => {
    const queue = buildDueQueue(
      input([
        card('b', 'review', NOW - DAY),
        card('a', 'review', NOW + 5 * HOUR),
        card('c', 'learning', NOW - 1000),
        card('d', 'review', NOW + 3 * DAY),
      ]),
    );
    expect(queue.ids).toEqual(['c', 'b', 'a', 'e', 'f']);
    expect(queue.dueCount).toBe(3);
    expect(queue.newCount).toBe(2);
  });

  it('ends the study day at the configured hour, not at midnight', () => {
    const dueAt3am = new Date(2026, 2, 11, 3, 0).getTime();
    const dueAt5am = new Date(2026, 2, 11, 5, 0).getTime();
    const queue = buildDueQueue(input([card('a', 'review', dueAt3am), card('b', 'review', dueAt5am)]));
    expect(queue.ids).toContain('a');
    expect(queue.ids).not.toContain('b');
    expect(studyDayStart(new Date(2026, 2, 11, 3, 0).getTime(), 4)).toBe(new Date(2026, 2, 10, 4, 0).getTime());
  });

  it('limits new cards per day, counting those already introduced today', () => {
    const settings = { ...DEFAULT_SETTINGS, newPerDay: 3 };
    const introduced = { ...applyRating(newCardState('a', NOW - HOUR), NOW - HOUR, 4, 0.9), lastReviewId: 'x' };
    const queue = buildDueQueue(input([introduced], { settings, todayReviews: [review('a', NOW - HOUR)] }));
    expect(queue.newCount).toBe(2);
    expect(queue.newDoneToday).toBe(1);
    expect(queue.doneToday).toBe(1);
  });

  it('limits reviews per day and filters by topic', () => {
    const cards = [
      card('a', 'review', NOW - 3 * HOUR),
      card('c', 'review', NOW - 2 * HOUR),
      card('b', 'review', NOW - HOUR),
    ];
    const limited = buildDueQueue(
      input(cards, { settings: { ...DEFAULT_SETTINGS, maxReviewsPerDay: 1, newPerDay: 0 } }),
    );
    expect(limited.ids).toEqual(['a']);
    const metricsOnly = buildDueQueue(input(cards, { topic: 'metrics' }));
    expect(metricsOnly.ids.every((id) => ['a', 'c', 'e'].includes(id))).toBe(true);
    const included = buildDueQueue(input(cards, { settings: { ...DEFAULT_SETTINGS, topics: ['rag-design'] } }));
    expect(included.ids).toEqual(['b', 'd', 'f']);
  });

  it('when empty, shows a learning card due within 20 minutes early, or says when the next is due', () => {
    const settings = { ...DEFAULT_SETTINGS, newPerDay: 0 };
    const soon = buildDueQueue(input([card('a', 'learning', NOW + 5 * 60_000)], { settings }));
    expect(soon.ids).toEqual(['a']);
    const later = buildDueQueue(input([card('a', 'review', NOW + 2 * DAY)], { settings }));
    expect(later.ids).toEqual([]);
    expect(later.nextDue).toBe(NOW + 2 * DAY);
  });

  it('advances after a grading without a rebuild', () => {
    const queue = buildDueQueue(input([card('b', 'review', NOW - DAY)]));
    const next = advanceQueue(queue, 'b', false);
    expect(next.ids).toEqual(queue.ids.slice(1));
    expect(next.doneToday).toBe(1);
    expect(next.dueCount).toBe(0);
  });
});

describe('new card order', () => {
  it('lets topics take turns, easiest first within a topic', () => {
    const qs = [
      { id: 'm-hard', topic: 'm', difficulty: 'hard' as const },
      { id: 'm-easy', topic: 'm', difficulty: 'easy' as const },
      { id: 'r-med', topic: 'r', difficulty: 'medium' as const },
    ];
    expect(newCardOrder(qs, ['m', 'r']).map((q) => q.id)).toEqual(['m-easy', 'r-med', 'm-hard']);
  });
});
