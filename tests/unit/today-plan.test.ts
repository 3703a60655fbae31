/**
 * Home's plan for today, from the same log every screen reads: reviews left, new cards, one drill
 * from the weakest topic that has drills, and a mock every third day (every day in the last week
 * before the interview). Times are local, so the 04:00 study-day boundary holds in any zone.
 */
import { describe, expect, it } from 'vitest';
import type { MockSession } from '../../src/mock/mock-types';
import { DAILY_MOCKS_FROM_DAYS_LEFT, MOCK_EVERY_DAYS, mockDay, todayPlan } from '../../src/progress/today-plan';
import type { ProgressData } from '../../src/service/progress-data';
import { DEFAULT_SETTINGS } from '../../src/srs/types';
import { progressData, reviewRecord } from '../support/progress-data';
import { questionSummary } from '../support/question';
import { seenCard } from '../support/queue-fixtures';
import { sampleMock } from '../support/sample-mock';

const DAY = 86_400_000;
// Monday 15 June 2026, 10:00 local.
const NOW = new Date(2026, 5, 15, 10).getTime();
const at = (daysBack: number, hour: number) => new Date(2026, 5, 15 - daysBack, hour).getTime();

const TITLES: Record<string, string> = { metrics: 'Metrics', attention: 'Attention', optim: 'Optimisation' };
const titleOf = (topic: string) => TITLES[topic] ?? topic;

const QUESTIONS = [
  questionSummary('m1', 'metrics'),
  questionSummary('m2', 'metrics'),
  questionSummary('m-drill', 'metrics', { kind: 'coding' }),
  questionSummary('a1', 'attention'),
  questionSummary('a-drill-1', 'attention', { kind: 'coding' }),
  questionSummary('a-drill-2', 'attention', { kind: 'coding' }),
];

const data = (over: Partial<ProgressData> = {}) =>
  progressData({ index: { topics: [], questions: QUESTIONS }, ...over });
const item = (plan: ReturnType<typeof todayPlan>, id: string) => plan.items.find((i) => i.id === id);

/** A mock day and the day after it (never a mock day when no interview is near). */
function mockAndPlainDay(): { mockNow: number; plainNow: number } {
  for (let d = 0; d < MOCK_EVERY_DAYS; d++) {
    const now = NOW + d * DAY;
    if (item(todayPlan(data(), now, titleOf), 'mock')) return { mockNow: now, plainNow: now + DAY };
  }
  throw new Error('no mock day in three days');
}

describe('reviews', () => {
  it('says nothing is due for a new user', () => {
    const reviews = item(todayPlan(data(), NOW, titleOf), 'reviews');
    expect(reviews).toMatchObject({ label: 'Reviews', detail: 'Nothing due today', href: '/review', done: true });
  });

  it('counts the due cards and what was reviewed today', () => {
    const cards = new Map([
      ['m1', seenCard(NOW, 'm1', 'review', NOW - DAY)],
      ['m2', seenCard(NOW, 'm2', 'review', NOW - 2 * DAY)],
      // Reviewed this morning, due again in a week.
      ['a1', seenCard(NOW, 'a1', 'review', NOW + 7 * DAY)],
    ]);
    const reviews = [reviewRecord('a1', at(0, 8)), reviewRecord('a1', at(0, 2))]; // 02:00 is yesterday's study day
    const plan = todayPlan(data({ cards, reviews }), NOW, titleOf);
    expect(plan.dueCount).toBe(2);
    expect(item(plan, 'reviews')).toMatchObject({
      label: 'Review 2 due cards',
      detail: '1 done today, 2 left',
      done: false,
      progress: { done: 1, total: 3 },
    });
  });

  it('uses the singular for one card, and says all done once nothing is left', () => {
    const one = new Map([['m1', seenCard(NOW, 'm1', 'review', NOW - DAY)]]);
    expect(item(todayPlan(data({ cards: one }), NOW, titleOf), 'reviews')?.label).toBe('Review 1 due card');

    const cards = new Map([['m1', seenCard(NOW, 'm1', 'review', NOW + 3 * DAY)]]);
    const plan = todayPlan(data({ cards, reviews: [reviewRecord('m1', at(0, 9))] }), NOW, titleOf);
    expect(item(plan, 'reviews')).toMatchObject({ detail: 'All done: 1 reviewed today', done: true });
  });
});

describe('new cards', () => {
  it('offers the bank’s unseen cards up to the daily limit', () => {
    const settings = { ...DEFAULT_SETTINGS, newPerDay: 4 };
    const plan = todayPlan(data({ settings }), NOW, titleOf);
    expect(plan.newCount).toBe(4);
    expect(item(plan, 'new')).toMatchObject({
      label: 'Learn 4 new cards',
      detail: '0 of 4 today (4 a day)',
      done: false,
      progress: { done: 0, total: 4 },
    });
  });

  it('fills as new cards are learnt today, and is done at the limit', () => {
    const settings = { ...DEFAULT_SETTINGS, newPerDay: 2 };
    const learnt = (id: string) => seenCard(NOW, id, 'learning', NOW + 10 * 60_000, 1);
    const one = todayPlan(
      data({ settings, cards: new Map([['m1', learnt('m1')]]), reviews: [reviewRecord('m1', at(0, 9))] }),
      NOW,
      titleOf,
    );
    expect(item(one, 'new')).toMatchObject({ label: 'Learn 1 new card', detail: '1 of 2 today (2 a day)' });

    const both = todayPlan(
      data({
        settings,
        cards: new Map([
          ['m1', learnt('m1')],
          ['m2', learnt('m2')],
        ]),
        reviews: [reviewRecord('m1', at(0, 9)), reviewRecord('m2', at(0, 9))],
      }),
      NOW,
      titleOf,
    );
    expect(item(both, 'new')).toMatchObject({ label: 'New cards', detail: "Today's 2 done", done: true });
    // Their next learning steps come back later today, so they join today's reviews.
    expect(item(both, 'reviews')).toMatchObject({ detail: '0 done today, 2 left', progress: { done: 0, total: 2 } });
  });

  it('counts only the topics chosen in settings', () => {
    const settings = { ...DEFAULT_SETTINGS, topics: ['metrics'] };
    expect(todayPlan(data({ settings }), NOW, titleOf).newCount).toBe(3);
  });
});

describe('the drill', () => {
  it('picks the first unsolved drill of the weakest topic that has drills', () => {
    // Attention is well known (all seen, recalled, graded Good lately); metrics is untouched.
    const cards = new Map(
      ['a1', 'a-drill-1', 'a-drill-2'].map((id) => [id, seenCard(NOW, id, 'review', NOW + 20 * DAY)]),
    );
    const reviews = ['a1', 'a-drill-1', 'a-drill-2'].map((id) => reviewRecord(id, at(3, 12), 4));
    const drill = item(todayPlan(data({ cards, reviews }), NOW, titleOf), 'drill');
    expect(drill).toEqual({
      id: 'drill',
      label: 'One drill: Title of m-drill',
      detail: 'From Metrics, your weakest topic with drills',
      href: '/drills/m-drill',
      done: false,
    });
  });

  it('skips drills already solved, and moves to another topic when a topic’s drills are all solved', () => {
    // One drill solved in each topic: equal mastery, so attention comes first by name.
    const solvedFirst = ['m-drill', 'a-drill-1'].map((id) => reviewRecord(id, at(2, 12), 2, { source: 'drill' }));
    expect(item(todayPlan(data({ reviews: solvedFirst }), NOW, titleOf), 'drill')?.href).toBe('/drills/a-drill-2');

    const failed = [reviewRecord('a-drill-1', at(2, 12), 1, { source: 'drill' })];
    expect(item(todayPlan(data({ reviews: failed }), NOW, titleOf), 'drill')?.href).toBe('/drills/a-drill-1');
  });

  it('falls back to any unsolved drill, and leaves the drill out when every drill is solved', () => {
    // Only metrics is studied, but its one drill is solved: a drill from elsewhere still helps.
    const settings = { ...DEFAULT_SETTINGS, topics: ['metrics'] };
    const solvedMetrics = [reviewRecord('m-drill', at(2, 12), 3, { source: 'drill' })];
    expect(item(todayPlan(data({ settings, reviews: solvedMetrics }), NOW, titleOf), 'drill')?.href).toBe(
      '/drills/a-drill-1',
    );

    const all = ['m-drill', 'a-drill-1', 'a-drill-2'].map((id) => reviewRecord(id, at(2, 12), 3, { source: 'drill' }));
    expect(item(todayPlan(data({ reviews: all }), NOW, titleOf), 'drill')).toBeUndefined();
  });

  it('is done once any drill was submitted today', () => {
    const yesterday = [reviewRecord('m-drill', at(1, 12), 1, { source: 'drill' })];
    expect(item(todayPlan(data({ reviews: yesterday }), NOW, titleOf), 'drill')?.done).toBe(false);
    const today = [reviewRecord('m-drill', at(0, 9), 1, { source: 'drill' })];
    expect(item(todayPlan(data({ reviews: today }), NOW, titleOf), 'drill')?.done).toBe(true);
  });
});

describe('the mock', () => {
  it('comes every third day when no interview is near', () => {
    const days = Array.from({ length: 9 }, (_, d) => Boolean(item(todayPlan(data(), NOW + d * DAY, titleOf), 'mock')));
    expect(days.filter(Boolean)).toHaveLength(3);
    const first = days.indexOf(true);
    expect(days.slice(first, first + 7)).toEqual([true, false, false, true, false, false, true]);
  });

  it('comes every day in the last week before the interview, which it counts down to', () => {
    const { plainNow } = mockAndPlainDay();
    const inDays = (n: number) => {
      const today = new Date(plainNow);
      const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + n);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    const near = todayPlan(data({ interviewDate: inDays(DAILY_MOCKS_FROM_DAYS_LEFT) }), plainNow, titleOf);
    expect(near.daysLeft).toBe(DAILY_MOCKS_FROM_DAYS_LEFT);
    expect(item(near, 'mock')).toBeDefined();

    const far = todayPlan(data({ interviewDate: inDays(DAILY_MOCKS_FROM_DAYS_LEFT + 2) }), plainNow, titleOf);
    expect(far.daysLeft).toBe(DAILY_MOCKS_FROM_DAYS_LEFT + 2);
    expect(item(far, 'mock')).toBeUndefined();

    // A date that has passed, or nonsense, counts nothing down.
    expect(todayPlan(data({ interviewDate: '2020-01-01' }), plainNow, titleOf).daysLeft).toBeUndefined();
    expect(todayPlan(data({ interviewDate: 'soon' }), plainNow, titleOf).daysLeft).toBeUndefined();
  });

  it('names the three weakest topics and links a mock on them', () => {
    const { mockNow } = mockAndPlainDay();
    const questions = [...QUESTIONS, questionSummary('o1', 'optim'), questionSummary('x1', 'extra')];
    // Metrics is known well; the other three are untouched and tie, so they go by name.
    const cards = new Map(
      ['m1', 'm2', 'm-drill'].map((id) => [id, seenCard(mockNow, id, 'review', mockNow + 20 * DAY)]),
    );
    const plan = todayPlan(progressData({ index: { topics: [], questions }, cards }), mockNow, titleOf);
    expect(item(plan, 'mock')).toEqual({
      id: 'mock',
      label: 'A timed mock on your weakest topics',
      detail: 'Attention, extra, Optimisation',
      href: '/mock?topics=attention,extra,optim',
      done: false,
    });
  });

  it('says mixed topics when the bank has no questions to rank', () => {
    const { mockNow } = mockAndPlainDay();
    const plan = todayPlan(progressData(), mockNow, titleOf);
    expect(item(plan, 'mock')).toMatchObject({ detail: 'Mixed topics' });
  });

  it('is done once a mock finished during today’s study day', () => {
    const { mockNow } = mockAndPlainDay();
    const dayStart = new Date(mockNow);
    dayStart.setHours(4, 0, 0, 0);
    const finished = (endedAt: number, status: MockSession['status'] = 'done'): MockSession => ({
      ...sampleMock(endedAt - 600_000),
      endedAt,
      status,
    });
    const doneWith = (mocks: MockSession[]) => item(todayPlan(data({ mocks }), mockNow, titleOf), 'mock')?.done;
    expect(doneWith([finished(dayStart.getTime() - 60_000)])).toBe(false);
    expect(doneWith([finished(dayStart.getTime() + 60_000, 'assessing')])).toBe(false);
    expect(doneWith([finished(dayStart.getTime() + 60_000)])).toBe(true);
  });
});

describe('mockDay', () => {
  it('is every third day, and every day from a week before the interview', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((day) => mockDay(undefined, day))).toEqual([
      true,
      false,
      false,
      true,
      false,
      false,
      true,
    ]);
    expect(mockDay(7, 1)).toBe(true);
    expect(mockDay(1, 2)).toBe(true);
    expect(mockDay(8, 1)).toBe(false);
  });
});
