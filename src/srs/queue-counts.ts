import type { CardState } from './types';

export interface QueueCounts {
  new: number;
  learning: number;
  review: number;
}

/** Anki's three counts for what is left in a queue: cards never seen, cards in a learning step, review cards. */
export function queueCounts(ids: readonly string[], cards: ReadonlyMap<string, CardState>): QueueCounts {
  const counts: QueueCounts = { new: 0, learning: 0, review: 0 };
  for (const id of ids) {
    const phase = cards.get(id)?.phase ?? 'new';
    if (phase === 'new') counts.new++;
    else if (phase === 'review') counts.review++;
    else counts.learning++;
  }
  return counts;
}
