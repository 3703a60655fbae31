import { describe, expect, it } from 'vitest';
import { queueCounts } from '../../src/srs/queue-counts';
import type { CardState } from '../../src/srs/types';

const card = (questionId: string, phase: CardState['phase']): CardState => ({
  questionId,
  phase,
  due: 0,
  stability: 1,
  difficulty: 5,
  scheduledDays: 0,
  learningSteps: 0,
  reps: phase === 'new' ? 0 : 1,
  lapses: 0,
});

describe('Anki-style queue counts', () => {
  it('splits what is left into new, learning (relearning included) and review', () => {
    const cards = new Map([
      ['a', card('a', 'learning')],
      ['b', card('b', 'relearning')],
      ['c', card('c', 'review')],
    ]);
    expect(queueCounts(['a', 'b', 'c', 'unseen-1', 'unseen-2'], cards)).toEqual({ new: 2, learning: 2, review: 1 });
  });
});
