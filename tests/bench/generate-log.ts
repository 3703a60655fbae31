/** A synthetic review history at the scale the benchmarks aim at: 10,000 cards, 200,000 reviews. */
import type { Rating, ReviewRecord } from '../../src/srs/types';

export const CARDS = 10_000;
const REVIEWS_PER_CARD = 20;
export const DAY = 86_400_000;
export const START = Date.UTC(2025, 0, 1);

export function generateLog(): ReviewRecord[] {
  const reviews: ReviewRecord[] = [];
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let card = 0; card < CARDS; card++) {
    let time = START + Math.floor(random() * 30) * DAY;
    for (let i = 0; i < REVIEWS_PER_CARD; i++) {
      const roll = random();
      const rating = (roll < 0.1 ? 1 : roll < 0.2 ? 2 : roll < 0.9 ? 3 : 4) as Rating;
      reviews.push({
        id: `r${card}-${i}`,
        questionId: `q${card}`,
        time,
        rating,
        source: 'review',
        durationMs: 8000,
        retention: 0.9,
      });
      time += Math.max(60_000, Math.floor(random() * 20 * DAY));
    }
  }
  return reviews;
}
