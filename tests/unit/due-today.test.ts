/**
 * "Due today", the number Home, Progress and Review all show. Times are built with local
 * constructors, so the 04:00 study-day boundary falls in the same place in any time zone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDueQueue, type QueueInput } from '../../src/srs/due-queue';
import { dueToday } from '../../src/srs/due-today';
import { applyRating, newCardState } from '../../src/srs/scheduler';
import { type CardState, DEFAULT_SETTINGS, type ReviewRecord } from '../../src/srs/types';
import { queueInput, seenCard } from '../support/queue-fixtures';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Tuesday 10 March 2026, 10:00 local; the study day runs to 04:00 on 11 March.
const NOW = new Date(2026, 2, 10, 10, 0).getTime();
const questions = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => ({ id, topic: i % 2 === 0 ? 'metrics' : 'rag' }));

const card = (id: string, phase: CardState['phase'], due: number, reps = 3) => seenCard(NOW, id, phase, due, reps);
const input = (cards: CardState[], extra: Partial<QueueInput> = {}) => queueInput(NOW, questions, cards, extra);
const review = (questionId: string, time: number, rating: 1 | 2 | 3 | 4 = 3): ReviewRecord => ({
  id: `${questionId}-${time}`,
  questionId,
  time,
  rating,
  source: 'mock',
  durationMs: 1,
  retention: 0.9,
});

describe('due today', () => {
  it('counts review cards due later today and overdue ones, not those due tomorrow', () => {
    const counts = dueToday(
      input([
        card('a', 'review', NOW - 3 * DAY),
        card('b', 'review', NOW + 5 * HOUR),
        card('c', 'review', new Date(2026, 2, 11, 3, 59).getTime()),
        card('d', 'review', new Date(2026, 2, 11, 4, 0).getTime()),
      ]),
    );
    expect(counts).toEqual({ learning: 0, review: 3, total: 3, heldBack: 0 });
  });

  it('counts learning and relearning cards whose step comes later today', () => {
    const counts = dueToday(
      input([
        card('a', 'learning', NOW - MINUTE),
        card('b', 'learning', NOW + 10 * MINUTE),
        card('c', 'relearning', NOW + 5 * HOUR),
        card('d', 'learning', new Date(2026, 2, 11, 4, 30).getTime()),
      ]),
    );
    expect(counts).toEqual({ learning: 3, review: 0, total: 3, heldBack: 0 });
  });

  it('counts what a mock just graded, although the queue cannot show it yet (the reported bug)', () => {
    // Three new cards graded in a mock a minute ago: Again, Good, Easy.
    const gradedAt = NOW - MINUTE;
    const graded = (id: string, rating: 1 | 3 | 4) => ({
      ...applyRating(newCardState(id, gradedAt), gradedAt, rating, 0.9),
      lastReviewId: `r-${id}`,
    });
    const cards = [graded('a', 1), graded('b', 3), graded('c', 4)];
    const todayReviews = [review('a', gradedAt, 1), review('b', gradedAt, 3), review('c', gradedAt, 4)];
    const settings = { ...DEFAULT_SETTINGS, newPerDay: 0 };
    const counts = dueToday(input(cards, { todayReviews, settings }));
    // Again and Good leave the card in a learning step later today; Easy schedules it days ahead.
    expect(counts.total).toBe(2);
    expect(counts.learning).toBe(2);
    const queue = buildDueQueue(input(cards, { todayReviews, settings }));
    expect(queue.dueCount).toBe(2);
  });

  it('never counts new cards or cards outside the studied topics', () => {
    const cards = [card('a', 'new', NOW - DAY, 0), card('b', 'review', NOW - DAY), card('c', 'review', NOW - DAY)];
    expect(dueToday(input(cards)).total).toBe(2);
    expect(dueToday(input(cards, { settings: { ...DEFAULT_SETTINGS, topics: ['rag'] } })).total).toBe(1);
    expect(dueToday(input(cards, { topic: 'metrics' })).total).toBe(1);
    expect(dueToday(input([...cards, card('gone', 'review', NOW - DAY)])).total).toBe(2);
  });

  it('caps review cards by what is left of the daily limit, never learning cards', () => {
    const settings = { ...DEFAULT_SETTINGS, maxReviewsPerDay: 2 };
    const cards = [
      card('a', 'review', NOW - DAY),
      card('b', 'review', NOW - DAY),
      card('c', 'review', NOW - DAY),
      card('d', 'learning', NOW + HOUR),
      // Reviewed this morning (its fourth grading): uses up one of the two.
      card('e', 'review', NOW + 3 * DAY, 4),
    ];
    const todayReviews = [review('e', NOW - 2 * HOUR)];
    expect(dueToday(input(cards, { settings, todayReviews }))).toEqual({
      learning: 1,
      review: 1,
      total: 2,
      heldBack: 2,
    });
  });

  it('starts the study day at the configured hour: at 03:00 it is still yesterday’s study day', () => {
    const at3am = new Date(2026, 2, 11, 3, 0).getTime();
    const dueAt5am = card('a', 'review', new Date(2026, 2, 11, 5, 0).getTime());
    expect(dueToday(input([dueAt5am], { now: at3am })).total).toBe(0);
    expect(dueToday(input([dueAt5am], { now: new Date(2026, 2, 11, 4, 0).getTime() })).total).toBe(1);
    const midnightStart = { ...DEFAULT_SETTINGS, dayStartHour: 0 };
    expect(dueToday(input([dueAt5am], { now: at3am, settings: midnightStart })).total).toBe(1);
  });

  it('is what the due queue reports as its due count', () => {
    const cards = [
      card('a', 'review', NOW - DAY),
      card('b', 'learning', NOW - MINUTE),
      card('c', 'learning', NOW + 2 * HOUR),
      card('d', 'review', NOW + 2 * DAY),
    ];
    expect(buildDueQueue(input(cards)).dueCount).toBe(dueToday(input(cards)).total);
    expect(dueToday(input(cards)).total).toBe(3);
  });
});

describe('due today in a time zone ahead of UTC (Asia/Kolkata, UTC+5:30)', () => {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.TZ;
    process.env.TZ = 'Asia/Kolkata';
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('ends the study day at 04:00 local time', () => {
    expect(new Date(2026, 5, 15).getTimezoneOffset()).toBe(-330);
    const now = new Date(2026, 5, 15, 23, 0).getTime();
    const cards = [
      card('a', 'review', new Date(2026, 5, 16, 3, 30).getTime()),
      card('b', 'learning', new Date(2026, 5, 16, 4, 30).getTime()),
    ];
    expect(dueToday(input(cards, { now }))).toMatchObject({ review: 1, learning: 0, total: 1 });
  });
});
