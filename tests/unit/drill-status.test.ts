import { describe, expect, it } from 'vitest';
import { drillProgress, drillProgressById } from '../../src/drills/drill-status';
import type { CardState, Rating, ReviewRecord } from '../../src/srs/types';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 11, 5, 12);
const DAY_END = NOW + 16 * HOUR;

const review = (id: string, rating: Rating, time: number, extra: Partial<ReviewRecord> = {}): ReviewRecord => ({
  id,
  questionId: 'softmax',
  time,
  rating,
  source: 'drill',
  durationMs: 60_000,
  retention: 0.9,
  ...extra,
});
const card = (phase: CardState['phase'], due: number): CardState => ({
  questionId: 'softmax',
  phase,
  due,
  stability: 1,
  difficulty: 5,
  scheduledDays: 0,
  learningSteps: 0,
  reps: 1,
  lapses: 0,
});

describe('drill status', () => {
  it('is new with no graded attempt', () => {
    expect(drillProgress([], undefined, NOW, DAY_END)).toEqual({ status: 'new' });
  });

  it('is attempted while every submit failed, with the last result', () => {
    const progress = drillProgress([review('a', 1, NOW - HOUR)], card('learning', NOW + HOUR), NOW, DAY_END);
    expect(progress).toEqual({ status: 'attempted', last: { time: NOW - HOUR, passed: false, rating: 1 } });
  });

  it('is solved right after a passing submit, although the learning step comes back later today', () => {
    const progress = drillProgress(
      [review('a', 1, NOW - 2 * HOUR), review('b', 3, NOW - 60_000)],
      card('learning', NOW + 10 * 60_000),
      NOW,
      DAY_END,
    );
    expect(progress.status).toBe('solved');
    expect(progress.last).toEqual({ time: NOW - 60_000, passed: true, rating: 3 });
  });

  it('is due once the card is due as the review queue counts it', () => {
    expect(
      drillProgress([review('b', 3, NOW - 3 * 86_400_000)], card('review', NOW + 2 * HOUR), NOW, DAY_END).status,
    ).toBe('due');
    expect(drillProgress([review('b', 3, NOW - HOUR)], card('learning', NOW - 60_000), NOW, DAY_END).status).toBe(
      'due',
    );
    expect(drillProgress([review('b', 3, NOW - HOUR)], card('review', DAY_END + HOUR), NOW, DAY_END).status).toBe(
      'solved',
    );
  });

  it('ignores undone gradings when building the whole list', () => {
    const map = drillProgressById(
      ['softmax', 'roc-auc'],
      [review('a', 3, NOW - HOUR, { undoneAt: NOW - 30 * 60_000 })],
      new Map(),
      NOW,
      DAY_END,
    );
    expect(map.get('softmax')).toEqual({ status: 'new' });
    expect(map.get('roc-auc')).toEqual({ status: 'new' });
  });
});
