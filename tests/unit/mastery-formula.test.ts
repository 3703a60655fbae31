/** Topic mastery and the dashboard's figures, against examples worked out by hand. */
import { describe, expect, it } from 'vitest';
import { dashboardFigures, interviewPlan, parseInterviewDate } from '../../src/progress/dashboard-figures';
import { masteryScore, rankWeakTopics, topicFigures, weaknessReasons } from '../../src/progress/topic-mastery';
import { rebuildCardStates } from '../../src/srs/scheduler';
import { DEFAULT_SETTINGS, type Rating, type ReviewRecord } from '../../src/srs/types';
import { questionSummary } from '../support/question';
import { sampleMock } from '../support/sample-mock';

const DAY = 86_400_000;
// Noon local time, so study days (starting 04:00) never straddle midnight in any time zone.
const NOW = new Date(2026, 5, 15, 12).getTime();

const base = {
  topic: 't',
  questions: 10,
  seen: 5,
  coverage: 0.5,
  recall: 0.8,
  recentReviews: 0,
  lapses: 0,
  lapsesThisWeek: 0,
};

describe('the mastery score', () => {
  it('is 60% memory (coverage × recall) plus 40% performance', () => {
    // memory 0.5 × 0.8 = 0.4; performance = accuracy 0.75; 100 × (0.24 + 0.30) = 54
    expect(masteryScore({ ...base, recentAccuracy: 0.75 })).toBe(54);
  });

  it('averages the performance signals it has', () => {
    // performance = (0.75 + 0.5 + 1) / 3 = 0.75; memory 0.4 → 100 × (0.24 + 0.30) = 54
    expect(masteryScore({ ...base, recentAccuracy: 0.75, mockCoverage: 0.5, drillPassRate: 1 })).toBe(54);
  });

  it('uses predicted recall as performance when there is no other signal', () => {
    // performance = recall 0.8; 100 × (0.6 × 0.4 + 0.4 × 0.8) = 24 + 32 = 56
    expect(masteryScore(base)).toBe(56);
  });

  it('takes off up to 10 points for running over the time budget in mocks', () => {
    // 54 − (1.25 − 1) × 20 = 49; a ratio of 3 would cost 40, capped at 10 → 44; on budget costs nothing
    expect(masteryScore({ ...base, recentAccuracy: 0.75, timeRatio: 1.25 })).toBe(49);
    expect(masteryScore({ ...base, recentAccuracy: 0.75, timeRatio: 3 })).toBe(44);
    expect(masteryScore({ ...base, recentAccuracy: 0.75, timeRatio: 0.6 })).toBe(54);
  });

  it('is 0 for a topic never studied and 100 at most', () => {
    expect(masteryScore({ ...base, seen: 0, coverage: 0, recall: 0 })).toBe(0);
    expect(masteryScore({ ...base, seen: 10, coverage: 1, recall: 1, recentAccuracy: 1 })).toBe(100);
  });
});

const question = (id: string, topic: string) => questionSummary(id, topic, { promptText: id });
let n = 0;
const review = (questionId: string, daysAgo: number, rating: Rating, source: ReviewRecord['source'] = 'review') => ({
  id: `r${n++}`,
  questionId,
  time: NOW - daysAgo * DAY,
  rating,
  source,
  durationMs: 5000,
  retention: 0.9,
});

describe('topic figures', () => {
  const questions = [
    question('a1', 'a'),
    question('a2', 'a'),
    question('a3', 'a'),
    question('a4', 'a'),
    question('b1', 'b'),
  ];
  const reviews: ReviewRecord[] = [
    review('a1', 40, 3), // older than 30 days: not in recent accuracy
    review('a1', 10, 3),
    review('a1', 3, 1), // a lapse this week: a1 had passed before
    review('a2', 20, 4),
    review('a2', 9, 2), // Hard: reviewed, not Good or Easy
    review('a3', 2, 1), // Again on a first sight is not a lapse
    { ...review('a3', 1, 4), undoneAt: NOW }, // undone: counts nowhere
    review('b1', 1, 3, 'drill'),
  ];
  const live = reviews.filter((r) => r.undoneAt === undefined);
  const figures = topicFigures({ questions, cards: rebuildCardStates(live), reviews, mocks: [], now: NOW });
  const a = figures.find((f) => f.topic === 'a');
  const b = figures.find((f) => f.topic === 'b');

  it('counts coverage over the topic’s questions', () => {
    expect(a).toMatchObject({ questions: 4, seen: 3, coverage: 0.75 });
  });

  it('counts recent accuracy over the last 30 days only, without undone reviews', () => {
    // last 30 days: a1 Good, a1 Again, a2 Hard, a3 Again (and a2 Easy at 20 days) → 2 of 5 Good or Easy
    expect(a?.recentReviews).toBe(5);
    expect(a?.recentAccuracy).toBeCloseTo(2 / 5, 12);
  });

  it('counts a lapse this week only for a card that had passed before', () => {
    expect(a?.lapsesThisWeek).toBe(1);
  });

  it('takes the drill pass rate from drill submits', () => {
    expect(b).toMatchObject({ drillPassRate: 1 });
    expect(a?.drillPassRate).toBeUndefined();
  });

  it('says why a topic is weak, in words', () => {
    expect(
      weaknessReasons({ ...base, seen: 4, questions: 40, coverage: 0.1, recall: 0.54, lapsesThisWeek: 3, mastery: 10 }),
    ).toEqual(['only 4 of 40 questions seen', '3 lapses this week', 'predicted recall 54%']);
    expect(weaknessReasons({ ...base, seen: 0, coverage: 0, recall: 0, mastery: 0 })).toEqual([
      'none of its 10 questions seen yet',
    ]);
  });

  it('ranks the weakest first, a tie going to the less covered topic', () => {
    const ranked = rankWeakTopics([
      { ...base, topic: 'x', mastery: 40, coverage: 0.5 },
      { ...base, topic: 'y', mastery: 30, coverage: 0.9 },
      { ...base, topic: 'z', mastery: 30, coverage: 0.2 },
    ]);
    expect(ranked.map((w) => w.figures.topic)).toEqual(['z', 'y', 'x']);
  });

  it('reads rubric coverage, drills and time from finished mocks only', () => {
    // sample mock: mt-precision 2 of 3 rubric points, 90 s of 120 s; roc-auc 2 of 4, tests failing, 510 s of 900 s
    const mock = sampleMock(NOW - 2 * DAY);
    const qs = [
      { ...question('mt-precision', 'metrics') },
      { ...question('roc-auc', 'metrics'), kind: 'coding' as const },
    ];
    const done = topicFigures({ questions: qs, cards: new Map(), reviews: [], mocks: [mock], now: NOW })[0];
    expect(done.mockCoverage).toBeCloseTo((2 / 3 + 2 / 4) / 2, 12);
    expect(done.drillPassRate).toBe(0);
    expect(done.timeRatio).toBeCloseTo((90 / 120 + 510 / 900) / 2, 12);
    const running = topicFigures({
      questions: qs,
      cards: new Map(),
      reviews: [],
      mocks: [{ ...mock, status: 'running' }],
      now: NOW,
    })[0];
    expect(running.mockCoverage).toBeUndefined();
  });
});

describe('dashboard figures', () => {
  const questions = [question('a1', 'a'), question('a2', 'a'), question('b1', 'b'), question('b2', 'b')];
  const reviews = [review('a1', 3, 3), review('a1', 2, 3), review('a2', 1, 1), review('b1', 1, 4)];
  const data = {
    index: { topics: [], questions },
    cards: rebuildCardStates(reviews),
    reviews,
    mocks: [
      { ...sampleMock(NOW - DAY), score: 61 },
      { ...sampleMock(NOW - 5 * DAY), id: 'older', score: 40 },
    ],
    settings: DEFAULT_SETTINGS,
    interviewDate: undefined,
  };
  const figures = dashboardFigures(data, NOW);

  it('counts the streak back from yesterday when today has no review yet', () => {
    // reviews 3, 2 and 1 days ago, none today → a 3-day streak that is still alive
    expect(figures.studiedToday).toBe(false);
    expect(figures.streak).toBe(3);
  });

  it('keeps a year of days in the heatmap, with the right counts', () => {
    expect(figures.heatmap).toHaveLength(364);
    expect(figures.heatmap.at(-1)?.count).toBe(0);
    expect(figures.heatmap.at(-2)?.count).toBe(2);
    expect(figures.heatmap.reduce((s, d) => s + d.count, 0)).toBe(4);
  });

  it('gives weekly accuracy oldest first, the last week holding these reviews', () => {
    expect(figures.weeklyAccuracy).toHaveLength(12);
    // 3 of 4 reviews graded Good or Easy
    expect(figures.weeklyAccuracy.at(-1)).toMatchObject({ reviews: 4, accuracy: 0.75 });
    expect(figures.weeklyAccuracy[0].accuracy).toBeUndefined();
  });

  it('forecasts 30 days, every seen card once, overdue ones today', () => {
    expect(figures.forecast).toHaveLength(30);
    expect(figures.forecast.reduce((s, d) => s + d.count, 0)).toBe(3);
  });

  it('shows the newest finished mock’s score', () => {
    expect(figures.lastMockScore).toBe(61);
  });

  it('plans for an interview date: pace and recall on the day', () => {
    const date = NOW + 10 * DAY;
    const plan = interviewPlan(data, questions, date, NOW);
    // a2 was seen (graded Again), so only b2 is unseen: 1 new card over 10 days = 1 a day.
    expect(plan).toMatchObject({ daysLeft: 10, unseen: 1, newPerDay: 1 });
    // every seen card falls due within 10 days here: (3 + 3 × 1) / 10 → 1 a day (rounded up)
    expect(plan?.reviewsPerDay).toBe(1);
    const a = plan?.recallOnDay.find((t) => t.topic === 'a');
    const nowRecall = figures.topics.find((t) => t.topic === 'a')?.recall ?? 0;
    expect(a && a.recall < nowRecall).toBe(true);
    expect(interviewPlan(data, questions, NOW - DAY, NOW)).toBeUndefined();
  });

  it('reads an interview date only in YYYY-MM-DD form', () => {
    expect(parseInterviewDate('2026-12-13')).toBe(new Date(2026, 11, 13).getTime());
    expect(parseInterviewDate('13/12/2026')).toBeUndefined();
    expect(parseInterviewDate(undefined)).toBeUndefined();
  });
});
