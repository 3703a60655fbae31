/**
 * Review store speed at scale: 10,000 cards and 200,000 reviews.
 * Aims: today's queue <= 30 ms; one grading + next card <= 5 ms of our work.
 */
import { bench, describe } from 'vitest';
import { advanceQueue, buildDueQueue } from '../../src/srs/due-queue';
import { applyRating, rebuildCardStates } from '../../src/srs/scheduler';
import { DEFAULT_SETTINGS } from '../../src/srs/types';
import { CARDS, DAY, generateLog, START } from './generate-log';

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
