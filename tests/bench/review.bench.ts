/**
 * Review store speed at scale: 10,000 cards and 200,000 reviews.
 * Aims: today's queue <= 30 ms; one grading + next card <= 5 ms of our work.
 */
import { bench, describe } from 'vitest';
import { advanceQueue, buildDueQueue } from '../../src/srs/due-queue';
import { applyRating, rebuildCardStates } from '../../src/srs/scheduler';
import { DEFAULT_SETTINGS, type Rating, type ReviewRecord } from '../../src/srs/types';

const CARDS = 10_000;
const REVIEWS_PER_CARD = 20;
const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 1);

function generateLog(): ReviewRecord[] {
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

const log = generateLog();
const questions = Array.from({ length: CARDS + 500 }, (_, i) => ({ id: `q${i}`, topic: `t${i % 11}` }));
const cards = rebuildCardStates(log);
const now = START + 400 * DAY;
const input = { now, settings: { ...DEFAULT_SETTINGS, maxReviewsPerDay: 100_000 }, cards, questions, todayReviews: [] };

describe(`review store: ${CARDS.toLocaleString()} cards, ${log.length.toLocaleString()} reviews`, () => {
  bench(
    'rebuild every card state from the log',
    () => {
      rebuildCardStates(log);
    },
    { iterations: 3, warmupIterations: 1 },
  );

  bench("build today's queue", () => {
    buildDueQueue(input);
  });

  const queue = buildDueQueue(input);
  bench('record one grading and pick the next card (scheduler + queue + state copy)', () => {
    const id = queue.ids[0];
    const card = cards.get(id);
    if (!card) throw new Error('queue is empty');
    const next = new Map(cards);
    next.set(id, applyRating(card, now, 3, 0.9));
    advanceQueue(queue, id, false);
  });
});
