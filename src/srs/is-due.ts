import type { CardState } from './types';

/**
 * Whether a card is due now, the one rule every screen uses: a (re)learning card once its step has
 * come, a review card any time during the study day that ends at `dayEnd`; a new card never is.
 */
export function isDue(card: CardState, now: number, dayEnd: number): boolean {
  if (card.phase === 'review') return card.due < dayEnd;
  if (card.phase === 'learning' || card.phase === 'relearning') return card.due <= now;
  return false;
}
