/**
 * The progress dashboard's figures against a fixed local `now`, with study days starting at 04:00.
 * They hold in any time zone; the blocks at the end pin zones away from UTC, where a study-day
 * bug once hid (CI runs in UTC).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kind, QuestionSummary } from '../../src/bank/types';
import type { MockSession } from '../../src/mock/mock-types';
import {
  ACCURACY_WEEKS,
  dashboardFigures,
  FORECAST_DAYS,
  HEATMAP_DAYS,
  interviewDateProblem,
  interviewPlan,
  parseInterviewDate,
  REVIEWS_PER_NEW_CARD,
} from '../../src/progress/dashboard-figures';
import type { ProgressData } from '../../src/service/progress-data';
import { buildDueQueue } from '../../src/srs/due-queue';
import { newCardState, rebuildCardStates, retrievability } from '../../src/srs/scheduler';
import { type CardState, DEFAULT_SETTINGS, type Rating, type ReviewRecord } from '../../src/srs/types';
import { reviewRecord as review } from '../support/progress-data';
import { questionSummary } from '../support/question';
import { sampleMock } from '../support/sample-mock';

const DAY = 86_400_000;
const SETTINGS = { ...DEFAULT_SETTINGS, dayStartHour: 4 };
// Monday 15 June 2026, 10:00 local. Every time below is built with local constructors, so the 04:00
// study-day boundary falls in the same place in any time zone (June is clear of DST changes).
const NOW = new Date(2026, 5, 15, 10).getTime();
/** Local time `daysBack` calendar days before 15 June 2026, at `hour`:`minute`. */
const at = (daysBack: number, hour: number, minute = 0) => new Date(2026, 5, 15 - daysBack, hour, minute).getTime();
/** Start of the study day (04:00 local) `daysBack` days before 15 June 2026. */
const dayStartOf = (daysBack: number) => at(daysBack, 4);

const question = (id: string, topic: string, kind: Kind = 'concept'): QuestionSummary => ({
  id,
  title: `Title ${id}`,
  topic,
  kind,
  difficulty: 'medium',
  time: 120,
  tags: [],
  promptText: id,
});

function card(
  questionId: string,
  phase: CardState['phase'],
  due: number,
  reps: number,
  stability = 10,
  lastReview = due - stability * DAY,
): CardState {
  return {
    ...newCardState(questionId, lastReview - DAY),
    phase,
    due,
    stability,
    difficulty: 5,
    scheduledDays: stability,
    reps,
    ...(reps > 0 ? { lastReview, lastReviewId: `last-${questionId}` } : {}),
  };
}

const mapOf = (cards: CardState[]) => new Map(cards.map((c) => [c.questionId, c]));

function progress(over: Partial<ProgressData> = {}): ProgressData {
  return {
    index: { topics: [], questions: [question('q', 't')] },
    cards: new Map(),
    reviews: [],
    mocks: [],
    settings: SETTINGS,
    ...over,
  };
}

/** Reviews of question 'q' at local noon on each of these days back. */
const noonReviews = (...daysBack: number[]) => daysBack.map((d) => review('q', at(d, 12)));

describe('the study streak', () => {
  it('counts consecutive study days ending today', () => {
    const figures = dashboardFigures(progress({ reviews: [review('q', at(0, 8)), ...noonReviews(1, 2)] }), NOW);
    expect(figures.studiedToday).toBe(true);
    expect(figures.streak).toBe(3);
  });

  it('still counts when today has no review yet but yesterday has', () => {
    const figures = dashboardFigures(progress({ reviews: noonReviews(1, 2, 3) }), NOW);
    expect(figures.studiedToday).toBe(false);
    expect(figures.streak).toBe(3);
  });

  it('is broken by a day without reviews', () => {
    // today, yesterday, (nothing 2 days ago), 3 and 4 days ago → 2
    const figures = dashboardFigures(progress({ reviews: [review('q', at(0, 9)), ...noonReviews(1, 3, 4)] }), NOW);
    expect(figures.streak).toBe(2);
  });

  it('is 0 when neither today nor yesterday has a review', () => {
    expect(dashboardFigures(progress({ reviews: noonReviews(2, 3) }), NOW).streak).toBe(0);
    expect(dashboardFigures(progress(), NOW).streak).toBe(0);
  });

  it('counts a review before 04:00 for the previous study day', () => {
    // 02:00 today belongs to yesterday's study day; with 2 days ago that makes 2, and today is not studied yet
    const figures = dashboardFigures(progress({ reviews: [review('q', at(0, 2)), ...noonReviews(2)] }), NOW);
    expect(figures.studiedToday).toBe(false);
    expect(figures.streak).toBe(2);
  });

  // Regression test: this failed before the fix in src/progress (see the commit).
  it('counts a streak longer than the heatmap year', () => {
    const days = Array.from({ length: 400 }, (_, d) => d);
    expect(dashboardFigures(progress({ reviews: noonReviews(...days) }), NOW).streak).toBe(400);
  });
});

describe('the heatmap', () => {
  const reviews = [
    review('q', at(0, 9)), // today
    review('q', at(1, 12)), // yesterday
    review('q', at(1, 20)), // yesterday
    review('q', at(0, 2)), // 02:00 today: still yesterday's study day
    review('q', new Date(2025, 5, 17, 12).getTime()), // 363 days back: the first cell
    review('q', new Date(2025, 5, 16, 12).getTime()), // 364 days back: outside the year
  ];
  const { heatmap } = dashboardFigures(progress({ reviews }), NOW);

  it('has 364 days, oldest first, ending with today', () => {
    expect(HEATMAP_DAYS).toBe(364);
    expect(heatmap).toHaveLength(364);
    expect(heatmap.at(-1)?.day).toBe(dayStartOf(0));
    expect(heatmap.at(-2)?.day).toBe(dayStartOf(1));
    expect(heatmap[0].day).toBe(new Date(2025, 5, 17, 4).getTime());
  });

  it('counts the reviews of each study day', () => {
    expect(heatmap.at(-1)?.count).toBe(1);
    expect(heatmap.at(-2)?.count).toBe(3);
    expect(heatmap.at(-3)?.count).toBe(0);
    expect(heatmap[0].count).toBe(1);
    // 6 reviews, one of them older than the heatmap
    expect(heatmap.reduce((sum, d) => sum + d.count, 0)).toBe(5);
  });
});

describe('weekly accuracy', () => {
  const reviews = [
    review('q', at(0, 8), 3), // this week (days 0..6 back)
    review('q', at(1, 12), 1),
    review('q', at(5, 12), 2),
    review('q', at(6, 12), 4),
    review('q', at(7, 12), 3), // last week
    review('q', at(77, 12), 1), // 11 weeks back: the oldest bucket
    review('q', at(84, 12), 4), // 12 weeks back: outside
  ];
  const { weeklyAccuracy } = dashboardFigures(progress({ reviews }), NOW);

  it('has 12 weeks, oldest first, the newest ending today', () => {
    expect(ACCURACY_WEEKS).toBe(12);
    expect(weeklyAccuracy).toHaveLength(12);
    expect(weeklyAccuracy.at(-1)?.weekStart).toBe(dayStartOf(6));
    expect(weeklyAccuracy.at(-2)?.weekStart).toBe(dayStartOf(13));
  });

  it('gives each week the share of reviews graded Good or Easy', () => {
    // this week: Good, Again, Hard, Easy → 2 of 4
    expect(weeklyAccuracy.at(-1)).toMatchObject({ reviews: 4, accuracy: 0.5 });
    // last week: Good → 1 of 1
    expect(weeklyAccuracy.at(-2)).toMatchObject({ reviews: 1, accuracy: 1 });
    // 11 weeks back: Again → 0 of 1; the review 12 weeks back is left out
    expect(weeklyAccuracy[0]).toMatchObject({ reviews: 1, accuracy: 0 });
  });

  it('leaves accuracy undefined for a week without reviews', () => {
    expect(weeklyAccuracy.slice(1, -2).map((w) => [w.reviews, w.accuracy])).toEqual(
      Array.from({ length: 9 }, () => [0, undefined]),
    );
  });
});

describe('the forecast and today’s counts', () => {
  const questions = [
    ...['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'n1', 'n2', 'n3'].map((id) => question(id, 'a')),
    question('b1', 'b'),
  ];
  const cards = mapOf([
    card('a1', 'review', at(3, 12), 4), // overdue 3 days → day 0
    card('a2', 'review', at(-1, 3), 4), // 03:00 tomorrow is still today's study day → day 0
    card('a3', 'review', at(-1, 5), 4), // 05:00 tomorrow → day 1
    card('a4', 'review', at(-29, 12), 4), // day 29, the last one
    card('a5', 'review', at(-30, 12), 4), // day 30: beyond the forecast
    card('a6', 'new', at(0, 0), 0), // never graded: not in the forecast, not offered as new either
    card('a7', 'learning', at(0, 9, 10), 1, 0.01, at(0, 9)), // introduced today, due again at 09:10 → day 0
    card('b1', 'review', at(1, 12), 2), // overdue 1 day → day 0
    card('gone', 'review', at(1, 12), 2), // no longer in the bank: left out
  ]);
  const reviews = [review('a7', at(0, 9), 1)];
  const settings = { ...SETTINGS, newPerDay: 2 };
  const data = progress({ index: { topics: [], questions }, cards, reviews, settings });
  const figures = dashboardFigures(data, NOW);

  it('covers 30 study days from today', () => {
    expect(FORECAST_DAYS).toBe(30);
    expect(figures.forecast).toHaveLength(30);
    expect(figures.forecast[0].day).toBe(dayStartOf(0));
    expect(figures.forecast[1].day).toBe(dayStartOf(-1));
  });

  it('counts overdue cards on day 0 and each seen card once on its due day', () => {
    // day 0: a1, a2, a7, b1; day 1: a3; day 29: a4 (a5 falls on day 30)
    expect(figures.forecast[0].count).toBe(4);
    expect(figures.forecast[1].count).toBe(1);
    expect(figures.forecast[29].count).toBe(1);
    expect(figures.forecast.reduce((sum, d) => sum + d.count, 0)).toBe(6);
  });

  it('gives due and new counts equal to today’s queue', () => {
    // due: learning a7, reviews a1, a2, b1 → 4; new: 2 a day, a7 already introduced today → 1 (n1)
    const queue = buildDueQueue({ now: NOW, settings, cards, questions, todayReviews: reviews });
    expect(figures.dueToday).toBe(4);
    expect(figures.newAvailable).toBe(1);
    expect(figures.dueToday).toBe(queue.dueCount);
    expect(figures.newAvailable).toBe(queue.newCount);
  });

  // Regression test: Progress said 0 due after a mock while the forecast's first day said 13.
  it('shows on the forecast’s first day the same due-today number, learning steps later today included', () => {
    const later = mapOf([
      card('a1', 'learning', at(0, 10, 10), 1, 0.01, at(0, 9, 59)), // a mock's Good: back at 10:10
      card('a2', 'relearning', at(0, 15), 5), // later today
      card('a3', 'review', at(1, 12), 4),
    ]);
    const figures = dashboardFigures(progress({ index: { topics: [], questions }, cards: later, settings }), NOW);
    expect(figures.dueToday).toBe(3);
    expect(figures.forecast[0].count).toBe(3);
  });

  it('moves what the daily review limit holds back to tomorrow’s bar', () => {
    const limited = dashboardFigures({ ...data, settings: { ...settings, maxReviewsPerDay: 1 } }, NOW);
    // learning a7 plus one of the three review cards; the other two move to day 1 with a3.
    expect(limited.dueToday).toBe(2);
    expect(limited.heldBackToday).toBe(2);
    expect(limited.forecast[0].count).toBe(2);
    expect(limited.forecast[1].count).toBe(3);
  });

  it('leaves out topics the settings exclude', () => {
    const onlyA = dashboardFigures({ ...data, settings: { ...settings, topics: ['a'] } }, NOW);
    expect(onlyA.forecast[0].count).toBe(3);
    expect(onlyA.dueToday).toBe(3);
    expect(onlyA.topics.map((t) => t.topic)).toEqual(['a']);
  });
});

function mock(id: string, status: MockSession['status'], score?: number): MockSession {
  return {
    id,
    seed: 1,
    createdAt: at(1, 12),
    status,
    current: 0,
    items: [],
    config: {
      title: id,
      topics: [],
      count: 0,
      kinds: ['concept'],
      difficultyMix: { easy: 30, medium: 50, hard: 20 },
      questionTiming: 'own',
      perQuestionSeconds: 120,
      mode: 'strict',
    },
    ...(score === undefined ? {} : { score }),
  };
}

describe('the last mock score', () => {
  it('comes from the newest finished mock with a score (the list is newest first)', () => {
    const mocks = [mock('running', 'running'), mock('assessing', 'assessing'), mock('new', 'done', 61)];
    expect(dashboardFigures(progress({ mocks: [...mocks, mock('old', 'done', 40)] }), NOW).lastMockScore).toBe(61);
  });

  it('is undefined without a finished mock', () => {
    expect(dashboardFigures(progress({ mocks: [mock('running', 'running')] }), NOW).lastMockScore).toBeUndefined();
    expect(dashboardFigures(progress(), NOW).lastMockScore).toBeUndefined();
  });
});

describe('the interview date', () => {
  it('reads YYYY-MM-DD as local midnight', () => {
    expect(parseInterviewDate('2026-06-19')).toBe(new Date(2026, 5, 19).getTime());
    expect(parseInterviewDate('2027-01-01')).toBe(new Date(2027, 0, 1).getTime());
  });

  it('rejects anything else', () => {
    for (const text of [undefined, '', '19/06/2026', '2026-6-19', ' 2026-06-19', '2026-06-19T00:00', 'soon']) {
      expect(parseInterviewDate(text)).toBeUndefined();
    }
  });

  // Regression test: this failed before the fix in src/progress (see the commit).
  it('rejects a day or month that does not exist', () => {
    expect(parseInterviewDate('2026-02-30')).toBeUndefined();
    expect(parseInterviewDate('2026-13-01')).toBeUndefined();
  });
});

describe('the interview plan', () => {
  // Interview at local midnight on Friday 19 June: 3 days 14 hours after NOW → 4 days left.
  const date = new Date(2026, 5, 19).getTime();
  const questions = [
    ...['a1', 'a2', 'a3', 'a4'].map((id) => question(id, 'a')),
    ...['b1', 'b2', 'b3', 'b4', 'b5', 'b6'].map((id) => question(id, 'b')),
    question('c1', 'c'),
  ];
  // Each seen card is last reviewed exactly `stability` days before the interview, so its recall on the
  // day is 0.9 by the FSRS forgetting curve.
  const cards = mapOf([
    card('a1', 'review', at(-2, 10), 3, 10, date - 10 * DAY), // due 17 June: before the date
    card('a2', 'review', at(-20, 10), 3, 20, date - 20 * DAY), // due 5 July: after it
    card('b1', 'review', at(1, 12), 2, 5, date - 5 * DAY), // overdue: before the date
    card('b2', 'review', date, 2, 8, date - 8 * DAY), // due exactly at the date: counts
    card('b3', 'new', at(0, 0), 0), // never graded: unseen
  ]);
  const data = progress({ index: { topics: [], questions }, cards });
  const plan = interviewPlan(data, questions, date, NOW);

  it('counts the days left, rounding a part day up', () => {
    expect(plan?.date).toBe(date);
    expect(plan?.daysLeft).toBe(4);
    expect(interviewPlan(data, questions, NOW + 3_600_000, NOW)?.daysLeft).toBe(1);
  });

  it('spreads the unseen questions over the days left', () => {
    // unseen: a3, a4, b3 (reps 0), b4, b5, b6, c1 → 7; ceil(7 / 4) = ceil(1.75) = 2
    expect(plan?.unseen).toBe(7);
    expect(plan?.newPerDay).toBe(2);
  });

  it('asks for enough reviews a day to keep up with what falls due and to learn every unseen question', () => {
    // seen and due by the date: a1, b1, b2 → 3; each new card takes 3 gradings
    // ceil((3 + 3 × 7) / 4) = ceil(24 / 4) = 6
    expect(REVIEWS_PER_NEW_CARD).toBe(3);
    expect(plan?.reviewsPerDay).toBe(6);
    // an interview in an hour: 1 day left, only b1 (overdue) is due by then → ceil((1 + 3 × 7) / 1) = 22; 7 new
    const lastCall = interviewPlan(data, questions, NOW + 3_600_000, NOW);
    expect(lastCall).toMatchObject({ daysLeft: 1, newPerDay: 7, reviewsPerDay: 22 });
  });

  it('predicts recall per topic on the interview day, lower than now for a seen card', () => {
    expect(plan?.recallOnDay.map((t) => [t.topic, t.seen, t.questions])).toEqual([
      ['a', 2, 4],
      ['b', 2, 6],
      ['c', 0, 1],
    ]);
    expect(plan?.recallOnDay[0].recall).toBeCloseTo(0.9, 6);
    expect(plan?.recallOnDay[1].recall).toBeCloseTo(0.9, 6);
    expect(plan?.recallOnDay[2].recall).toBe(0);
    const a1 = cards.get('a1') as CardState;
    // a1 now: 6 whole days after its review with stability 10 → above 0.9; on the day: 10 days → 0.9
    expect(retrievability(a1, date)).toBeCloseTo(0.9, 6);
    expect(retrievability(a1, NOW)).toBeGreaterThan(retrievability(a1, date));
    const recallNow = dashboardFigures(data, NOW).topics.find((t) => t.topic === 'a')?.recall ?? 0;
    expect(plan?.recallOnDay[0].recall).toBeLessThan(recallNow);
  });

  it('is undefined for a date that is not in the future', () => {
    expect(interviewPlan(data, questions, NOW, NOW)).toBeUndefined();
    expect(interviewPlan(data, questions, new Date(2026, 5, 1).getTime(), NOW)).toBeUndefined();
  });

  it('appears on the dashboard only for a valid future interview date', () => {
    expect(dashboardFigures({ ...data, interviewDate: '2026-06-19' }, NOW).plan).toEqual(plan);
    expect(dashboardFigures({ ...data, interviewDate: '2026-06-01' }, NOW).plan).toBeUndefined();
    expect(dashboardFigures({ ...data, interviewDate: '19/06/2026' }, NOW).plan).toBeUndefined();
    expect(dashboardFigures(data, NOW).plan).toBeUndefined();
  });
});

/**
 * Runs the enclosing describe block in a pinned time zone (Node applies a change to process.env.TZ at
 * once) and restores the machine's zone after it. `offsets` are the expected getTimezoneOffset() values
 * for 10 January and 15 June 2026: if the zone did not take, the block fails instead of passing by accident.
 */
function pinTimeZone(zone: string, offsets: [number, number]) {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
    expect([new Date(2026, 0, 10).getTimezoneOffset(), new Date(2026, 5, 15).getTimezoneOffset()]).toEqual(offsets);
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });
}

// A zone away from UTC (CI runs in UTC, where a time-zone bug cannot show).
describe('in a time zone ahead of UTC (Asia/Kolkata, UTC+5:30, no DST)', () => {
  pinTimeZone('Asia/Kolkata', [-330, -330]);

  // Regression test: this failed before the fix in src/progress (see the commit).
  it('splits the study day at 04:00 local, not at 04:00 shifted by twice the UTC offset', () => {
    const now = new Date(2026, 5, 15, 10).getTime();
    const reviews = [review('q', new Date(2026, 5, 15, 2).getTime()), review('q', new Date(2026, 5, 15, 5).getTime())];
    const { heatmap, studiedToday } = dashboardFigures(progress({ reviews }), now);
    expect(heatmap.slice(-2).map((d) => d.count)).toEqual([1, 1]);
    expect(studiedToday).toBe(true);
  });

  // Regression test: this failed before the fix in src/progress (see the commit).
  it('forecasts for day 0 the cards the due queue shows today', () => {
    const now = new Date(2026, 5, 15, 10).getTime();
    const questions = [question('x', 't'), question('y', 't')];
    const cards = mapOf([
      card('x', 'review', new Date(2026, 5, 16, 3).getTime(), 3),
      card('y', 'review', new Date(2026, 5, 16, 5).getTime(), 3),
    ]);
    const figures = dashboardFigures(progress({ index: { topics: [], questions }, cards }), now);
    expect(figures.dueToday).toBe(1);
    expect(figures.forecast.slice(0, 2).map((d) => d.count)).toEqual([1, 1]);
  });
});

// Daylight saving time can only be seen in a zone that has it.
describe('across a daylight-saving change (Europe/Berlin, UTC+1 in winter, UTC+2 in summer)', () => {
  pinTimeZone('Europe/Berlin', [-60, -120]);

  // Regression test: this failed before the fix in src/progress (see the commit).
  it('puts a winter review on its own study day, seen from summer', () => {
    const now = new Date(2026, 5, 15, 10).getTime();
    const reviews = [review('q', new Date(2026, 0, 10, 3, 30).getTime())];
    const { heatmap } = dashboardFigures(progress({ reviews }), now);
    expect(heatmap.find((d) => d.day === new Date(2026, 0, 9, 4).getTime())?.count).toBe(1);
  });
});

describe('saving an interview date', () => {
  const NOON = new Date(2026, 11, 5, 12).getTime();
  it('refuses a past date or today instead of saving it and then saying it has passed', () => {
    expect(interviewDateProblem('2026-12-01', NOON)).toBe(
      'That date has passed. Choose the day of your next interview.',
    );
    expect(interviewDateProblem('2026-12-05', NOON)).toBe(
      'That date has passed. Choose the day of your next interview.',
    );
  });
  it('accepts a future day and refuses a day that does not exist', () => {
    expect(interviewDateProblem('2026-12-24', NOON)).toBeUndefined();
    expect(interviewDateProblem('2027-02-30', NOON)).toBe('Enter a date as year, month and day.');
  });
});

// Moved from the former mastery-formula.test.ts (merged into topic-mastery.test.ts): the dashboard
// over a log rebuilt into card states, at noon, with the shared sample mock.
describe('dashboard figures over a rebuilt log', () => {
  const NOON = new Date(2026, 5, 15, 12).getTime();
  const asked = (id: string, topic: string) => questionSummary(id, topic, { promptText: id });
  let n = 0;
  const graded = (questionId: string, daysAgo: number, rating: Rating): ReviewRecord => ({
    id: `m${n++}`,
    questionId,
    time: NOON - daysAgo * DAY,
    rating,
    source: 'review',
    durationMs: 5000,
    retention: 0.9,
  });
  const questions = [asked('a1', 'a'), asked('a2', 'a'), asked('b1', 'b'), asked('b2', 'b')];
  const reviews = [graded('a1', 3, 3), graded('a1', 2, 3), graded('a2', 1, 1), graded('b1', 1, 4)];
  const data: ProgressData = {
    index: { topics: [], questions },
    cards: rebuildCardStates(reviews),
    reviews,
    mocks: [
      { ...sampleMock(NOON - DAY), score: 61 },
      { ...sampleMock(NOON - 5 * DAY), id: 'older', score: 40 },
    ],
    settings: DEFAULT_SETTINGS,
    interviewDate: undefined,
  };
  const figures = dashboardFigures(data, NOON);

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
    const date = NOON + 10 * DAY;
    const plan = interviewPlan(data, questions, date, NOON);
    // a2 was seen (graded Again), so only b2 is unseen: 1 new card over 10 days = 1 a day.
    expect(plan).toMatchObject({ daysLeft: 10, unseen: 1, newPerDay: 1 });
    // every seen card falls due within 10 days here: (3 + 3 × 1) / 10 → 1 a day (rounded up)
    expect(plan?.reviewsPerDay).toBe(1);
    const a = plan?.recallOnDay.find((t) => t.topic === 'a');
    const nowRecall = figures.topics.find((t) => t.topic === 'a')?.recall ?? 0;
    expect(a && a.recall < nowRecall).toBe(true);
    expect(interviewPlan(data, questions, NOON - DAY, NOON)).toBeUndefined();
  });

  it('reads an interview date only in YYYY-MM-DD form', () => {
    expect(parseInterviewDate('2026-12-13')).toBe(new Date(2026, 11, 13).getTime());
    expect(parseInterviewDate('13/12/2026')).toBeUndefined();
    expect(parseInterviewDate(undefined)).toBeUndefined();
  });
});
