/**
 * The progress dashboard at scale: every figure (topic mastery, weakest topics, heatmap, streak,
 * weekly accuracy, forecast, interview plan) for 10,000 cards and 200,000 reviews. Aim: <= 100 ms.
 */
import { bench, describe } from 'vitest';
import type { QuestionSummary } from '../../src/bank/types';
import { dashboardFigures } from '../../src/progress/dashboard-figures';
import { rebuildCardStates } from '../../src/srs/scheduler';
import { DEFAULT_SETTINGS } from '../../src/srs/types';
import { CARDS, DAY, generateLog, START } from './generate-log';

const reviews = generateLog();
const cards = rebuildCardStates(reviews);
const questions: QuestionSummary[] = Array.from({ length: CARDS + 500 }, (_, i) => ({
  id: `q${i}`,
  title: `Question ${i}`,
  topic: `t${i % 11}`,
  kind: 'concept',
  difficulty: 'medium',
  time: 120,
  tags: [],
  promptText: '',
}));
const now = START + 400 * DAY;
const data = {
  index: { topics: [], questions },
  cards,
  reviews,
  mocks: [],
  settings: DEFAULT_SETTINGS,
  interviewDate: new Date(now + 30 * DAY).toISOString().slice(0, 10),
};

describe(`dashboard: ${CARDS.toLocaleString()} cards, ${reviews.length.toLocaleString()} reviews`, () => {
  bench('every dashboard figure', () => {
    dashboardFigures(data, now);
  });
});
