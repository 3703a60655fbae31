/**
 * Topic mastery (src/progress/topic-mastery.ts): the score, the per-topic figures, the reasons in
 * words and the weakest ranking, worked by hand. One suite: the cases of the former
 * mastery-formula.test.ts are merged in (its dashboard cases moved to dashboard-figures.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Kind, QuestionSummary } from '../../src/bank/types';
import {
  masteryScore,
  RECENT_DAYS,
  rankWeakTopics,
  type TopicFigures,
  topicFigures,
  weaknessReasons,
} from '../../src/progress/topic-mastery';
import { newCardState, rebuildCardStates } from '../../src/srs/scheduler';
import type { CardState, Rating, ReviewRecord, ReviewSource } from '../../src/srs/types';
import type { MockItem, MockSession } from '../../src/storage/mock-record-schema';
import { sampleMock } from '../support/sample-mock';

const SECOND = 1000;
const DAY = 86_400_000;
// Only differences in milliseconds matter here (30 and 7 days back), so any fixed instant will do.
const NOW = new Date(2026, 5, 15, 12).getTime();

/** A topic half seen (5 of 10) with a predicted recall of 0.8, and nothing else known yet. */
const base: Omit<TopicFigures, 'mastery'> = {
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
    // memory = 0.5 × 0.8 = 0.4; performance = recent accuracy 0.75
    // round(100 × (0.6 × 0.4 + 0.4 × 0.75)) = round(100 × (0.24 + 0.3)) = 54
    expect(masteryScore({ ...base, recentAccuracy: 0.75 })).toBe(54);
  });

  it('takes performance as the mean of recent accuracy, mock rubric coverage and drill pass rate', () => {
    // performance = (0.9 + 0.6 + 0.3) / 3 = 0.6; memory 0.4
    // round(100 × (0.24 + 0.4 × 0.6)) = round(100 × (0.24 + 0.24)) = 48
    expect(masteryScore({ ...base, recentAccuracy: 0.9, mockCoverage: 0.6, drillPassRate: 0.3 })).toBe(48);
    // only two signals: performance = (0.5 + 1) / 2 = 0.75 → round(100 × (0.24 + 0.3)) = 54
    expect(masteryScore({ ...base, mockCoverage: 0.5, drillPassRate: 1 })).toBe(54);
    // all three: performance = (0.75 + 0.5 + 1) / 3 = 0.75 → 54
    expect(masteryScore({ ...base, recentAccuracy: 0.75, mockCoverage: 0.5, drillPassRate: 1 })).toBe(54);
  });

  it('falls back to predicted recall as performance when there is no performance signal', () => {
    // performance = recall 0.8 → round(100 × (0.6 × 0.4 + 0.4 × 0.8)) = round(100 × (0.24 + 0.32)) = 56
    expect(masteryScore(base)).toBe(56);
    // the time ratio is not a performance signal: still 56, less (1.1 − 1) × 20 = 2 points → 54
    expect(masteryScore({ ...base, timeRatio: 1.1 })).toBe(54);
  });

  it('takes off 20 points per 100% over the time budget in mocks', () => {
    // 54 − (1.25 − 1) × 20 = 54 − 5 = 49
    expect(masteryScore({ ...base, recentAccuracy: 0.75, timeRatio: 1.25 })).toBe(49);
  });

  it('caps the overtime penalty at 10 points and gives no bonus for finishing early', () => {
    // (1.5 − 1) × 20 = 10 → 44; (2 − 1) × 20 = 20, capped at 10 → 44; (3 − 1) × 20 = 40, capped → 44
    expect(masteryScore({ ...base, recentAccuracy: 0.75, timeRatio: 1.5 })).toBe(44);
    expect(masteryScore({ ...base, recentAccuracy: 0.75, timeRatio: 2 })).toBe(44);
    expect(masteryScore({ ...base, recentAccuracy: 0.75, timeRatio: 3 })).toBe(44);
    // exactly on budget or under it: no penalty, no bonus → 54
    expect(masteryScore({ ...base, recentAccuracy: 0.75, timeRatio: 1 })).toBe(54);
    expect(masteryScore({ ...base, recentAccuracy: 0.75, timeRatio: 0.5 })).toBe(54);
    expect(masteryScore({ ...base, recentAccuracy: 0.75, timeRatio: 0.6 })).toBe(54);
  });

  it('scores 0 for a topic never studied, whatever its time ratio', () => {
    expect(masteryScore({ ...base, seen: 0, coverage: 0, recall: 0 })).toBe(0);
    expect(masteryScore({ ...base, seen: 0, coverage: 0, recall: 0, timeRatio: 0.5 })).toBe(0);
  });

  it('scores a topic seen only in mocks from its mock rubric coverage', () => {
    // memory = 0 × 0 = 0; performance = 0.5 → round(100 × (0 + 0.4 × 0.5)) = 20
    expect(masteryScore({ ...base, seen: 0, coverage: 0, recall: 0, mockCoverage: 0.5 })).toBe(20);
  });

  it('stays within 0..100', () => {
    // memory = 0.1 × 0.1 = 0.01; performance 0 → 100 × 0.006 = 0.6, less 10 for overtime = −9.4 → 0
    expect(masteryScore({ ...base, seen: 1, coverage: 0.1, recall: 0.1, recentAccuracy: 0, timeRatio: 2 })).toBe(0);
    // everything perfect: 100 × (0.6 × 1 + 0.4 × 1) = 100
    expect(masteryScore({ ...base, seen: 10, coverage: 1, recall: 1, recentAccuracy: 1 })).toBe(100);
    // out-of-range figures (coverage 1.5): 100 × (0.6 × 1.5 + 0.4 × 1) = 130 → 100
    expect(masteryScore({ ...base, seen: 15, coverage: 1.5, recall: 1, recentAccuracy: 1 })).toBe(100);
  });
});

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

/**
 * A card last reviewed `daysAgo` days before NOW with the given stability. On the FSRS forgetting
 * curve, recall after exactly `stability` days is 0.9 and right after a review it is 1.
 */
function card(questionId: string, reps: number, daysAgo: number, stability: number, lapses = 0): CardState {
  const lastReview = NOW - daysAgo * DAY;
  return {
    ...newCardState(questionId, lastReview - DAY),
    phase: reps === 0 ? 'new' : 'review',
    due: lastReview + stability * DAY,
    stability,
    difficulty: 5,
    scheduledDays: stability,
    reps,
    lapses,
    ...(reps === 0 ? {} : { lastReview }),
  };
}

let serial = 0;
function review(
  questionId: string,
  daysAgo: number,
  rating: Rating,
  source: ReviewSource = 'review',
  undone = false,
): ReviewRecord {
  const time = NOW - daysAgo * DAY;
  return {
    id: `r${serial++}`,
    questionId,
    time,
    rating,
    source,
    durationMs: 5 * SECOND,
    retention: 0.9,
    ...(undone ? { undoneAt: time + SECOND } : {}),
  };
}

function mockItem(
  questionId: string,
  topic: string,
  kind: Kind,
  budgetSeconds: number,
  visits: MockItem['visits'],
  covered: boolean[],
  allPassed?: boolean,
): MockItem {
  return {
    questionId,
    topic,
    kind,
    difficulty: 'medium',
    budgetSeconds,
    answer: '',
    flagged: false,
    visits,
    assessment: { covered },
    ...(allPassed === undefined ? {} : { drill: { passed: allPassed ? 3 : 1, total: 3, allPassed } }),
  };
}

function mock(id: string, status: MockSession['status'], start: number, end: number | undefined, items: MockItem[]) {
  const session: MockSession = {
    id,
    seed: 1,
    createdAt: start,
    status,
    current: 0,
    items,
    config: {
      title: id,
      topics: [],
      count: items.length,
      kinds: ['concept', 'coding'],
      difficultyMix: { easy: 30, medium: 50, hard: 20 },
      questionTiming: 'own',
      perQuestionSeconds: 120,
      mode: 'strict',
    },
  };
  if (end !== undefined) session.endedAt = end;
  return session;
}

describe('topic figures', () => {
  const questions = [
    question('m1', 'metrics'),
    question('m2', 'metrics'),
    question('m3', 'metrics'),
    question('m4', 'metrics'),
    question('r1', 'rag'),
    question('r2', 'rag', 'coding'),
    question('e1', 'empty'),
    question('e2', 'empty'),
  ];
  const cards = new Map<string, CardState>(
    [
      card('m1', 5, 10, 10, 2), // seen; 10 days after the review with stability 10 → recall 0.9
      card('m2', 2, 0, 4), // seen; reviewed just now → recall 1
      card('m3', 0, 3, 0), // a card that was never graded (reps 0): not seen
      // m4: no card at all
      card('r1', 4, 10, 10, 1), // recall 0.9
      card('r2', 3, 20, 20), // recall 0.9
    ].map((c) => [c.questionId, c]),
  );
  const reviews: ReviewRecord[] = [
    review('m1', 40, 3), // older than 30 days: not recent, but a passing grade before the Again below
    review('m1', 29, 4), // recent, Easy
    review('m1', 3, 1), // recent, Again after a pass, within the week → a lapse this week
    review('m2', 12, 2), // recent, Hard: passes, yet not Good or Easy
    review('m2', 10, 1), // recent, Again after a pass, but 10 days ago → not this week
    review('m2', 8, 3), // recent, Good
    review('m2', 1, 1, 'review', true), // undone: counts nowhere (would have been a lapse)
    review('m3', 2, 1), // recent, Again on first sight → not a lapse
    review('m3', 1, 3), // recent, Good: a pass after that Again does not make it a lapse
    review('m4', 1, 4, 'review', true), // undone: counts nowhere
    review('r1', 5, 3, 'drill'), // drill passed
    review('r1', 4, 2, 'drill'), // drill passed (Hard is still >= 2)
    review('r1', 3, 1, 'drill'), // drill failed; also an Again after a pass → a lapse this week
    review('r2', 2, 4), // an ordinary review: not a drill
    review('gone', 1, 4), // a question no longer in the bank: ignored
  ];
  const start = NOW - 2 * DAY;
  const older = NOW - 6 * DAY;
  const mocks: MockSession[] = [
    // A running mock is ignored entirely.
    mock('running', 'running', NOW - 600 * SECOND, undefined, [
      mockItem('m1', 'metrics', 'concept', 60, [{ start: NOW - 600 * SECOND }], [false, false]),
      mockItem('r2', 'rag', 'coding', 60, [{ start: NOW - 600 * SECOND }], [true], true),
    ]),
    mock('done', 'done', start, start + 1200 * SECOND, [
      // 90 s + 60 s = 150 s of a 120 s budget → ratio 1.25; 3 of 4 rubric points → 0.75
      mockItem(
        'm1',
        'metrics',
        'concept',
        120,
        [
          { start, end: start + 90 * SECOND },
          { start: start + 600 * SECOND, end: start + 660 * SECOND },
        ],
        [true, false, true, true],
      ),
      // 450 s of a 300 s budget → 1.5; 1 of 2 rubric points → 0.5; drill passed
      mockItem(
        'r2',
        'rag',
        'coding',
        300,
        [{ start: start + 90 * SECOND, end: start + 540 * SECOND }],
        [true, false],
        true,
      ),
      // a question no longer in the bank: ignored
      mockItem('gone', 'metrics', 'coding', 60, [{ start, end: start + 600 * SECOND }], [false], false),
    ]),
    mock('older', 'done', older, older + 240 * SECOND, [
      // no budget → no time ratio; 2 of 2 rubric points → 1
      mockItem('m2', 'metrics', 'concept', 0, [{ start: older, end: older + 60 * SECOND }], [true, true]),
      // visit left open: it ends when the mock ended, 240 s of 300 s → 0.8; no rubric marked; drill failed
      mockItem('r2', 'rag', 'coding', 300, [{ start: older }], [], false),
    ]),
  ];
  const figures = topicFigures({ questions, cards, reviews, mocks, now: NOW });
  const byTopic = (topic: string) => {
    const f = figures.find((x) => x.topic === topic);
    if (!f) throw new Error(`no figures for ${topic}`);
    return f;
  };

  it('gives one row per topic, in the order topics first appear in the bank', () => {
    expect(figures.map((f) => f.topic)).toEqual(['metrics', 'rag', 'empty']);
  });

  it('counts as seen only the cards graded at least once (reps > 0)', () => {
    // m1, m2 seen; m3 has a card with reps 0; m4 has none → 2 of 4
    expect(byTopic('metrics')).toMatchObject({ questions: 4, seen: 2, coverage: 0.5, lapses: 2 });
    expect(byTopic('rag')).toMatchObject({ questions: 2, seen: 2, coverage: 1, lapses: 1 });
  });

  it('averages predicted recall over the seen cards only', () => {
    // metrics: (0.9 + 1) / 2 = 0.95; rag: (0.9 + 0.9) / 2 = 0.9
    expect(byTopic('metrics').recall).toBeCloseTo(0.95, 6);
    expect(byTopic('rag').recall).toBeCloseTo(0.9, 6);
  });

  it('takes recent accuracy from the last 30 days only and ignores undone reviews', () => {
    // metrics in the last 30 days, live: m1 Easy, m1 Again, m2 Hard, m2 Again, m2 Good, m3 Again, m3 Good
    // → 7 reviews, 3 of them Good or Easy
    expect(RECENT_DAYS).toBe(30);
    expect(byTopic('metrics').recentReviews).toBe(7);
    expect(byTopic('metrics').recentAccuracy).toBe(3 / 7);
    // rag: Good, Hard, Again, Easy → 2 of 4
    expect(byTopic('rag').recentReviews).toBe(4);
    expect(byTopic('rag').recentAccuracy).toBe(0.5);
  });

  it('counts a review exactly 30 days old as recent, and one a millisecond older as not', () => {
    const edge = [
      { ...review('m1', 30, 3), time: NOW - 30 * DAY },
      { ...review('m2', 30, 1), time: NOW - 30 * DAY - 1 },
    ];
    const [metrics] = topicFigures({ questions, cards, reviews: edge, mocks: [], now: NOW });
    expect(metrics).toMatchObject({ recentReviews: 1, recentAccuracy: 1 });
  });

  it('counts an Again as a lapse only after an earlier passing grade and only within the last 7 days', () => {
    // metrics: m1 (Again 3 days ago after Good 40 days ago) → 1; m2's Again was 10 days ago; m3 had not passed
    expect(byTopic('metrics').lapsesThisWeek).toBe(1);
    // rag: r1's failed drill 3 days ago came after passes 5 and 4 days ago → 1
    expect(byTopic('rag').lapsesThisWeek).toBe(1);
  });

  it('takes the drill pass rate from drill reviews (Hard or better passes) and coding items of finished mocks', () => {
    // rag: drill reviews 2 of 3 passed + finished mocks' coding items 1 of 2 passed → 3 of 5
    expect(byTopic('rag').drillPassRate).toBe(3 / 5);
    // metrics: no drill review and no coding item → unknown
    expect(byTopic('metrics').drillPassRate).toBeUndefined();
  });

  it('takes mock rubric coverage and the time ratio from finished mocks only', () => {
    // metrics: rubric (0.75 + 1) / 2 = 0.875; time only where there is a budget: 150 / 120 = 1.25
    expect(byTopic('metrics').mockCoverage).toBe(0.875);
    expect(byTopic('metrics').timeRatio).toBe(1.25);
    // rag: rubric 0.5 (the item with no rubric points marked is skipped); time (450/300 + 240/300) / 2 = 1.15
    expect(byTopic('rag').mockCoverage).toBe(0.5);
    expect(byTopic('rag').timeRatio).toBeCloseTo(1.15, 12);
  });

  it('ignores a mock that is still running', () => {
    const running = mocks.filter((m) => m.status === 'running');
    const [metrics, rag] = topicFigures({ questions, cards, reviews: [], mocks: running, now: NOW });
    expect(metrics.mockCoverage).toBeUndefined();
    expect(metrics.timeRatio).toBeUndefined();
    expect(rag.drillPassRate).toBeUndefined();
  });

  it('scores each topic with the mastery formula', () => {
    // metrics: memory 0.5 × 0.95 = 0.475; performance (3/7 + 0.875) / 2 ≈ 0.651786; penalty (1.25 − 1) × 20 = 5
    //   100 × (0.6 × 0.475 + 0.4 × 0.651786) − 5 = 100 × (0.285 + 0.260714) − 5 ≈ 49.57 → 50
    expect(byTopic('metrics').mastery).toBe(50);
    // rag: memory 1 × 0.9 = 0.9; performance (0.5 + 0.5 + 0.6) / 3 ≈ 0.533333; penalty (1.15 − 1) × 20 = 3
    //   100 × (0.54 + 0.213333) − 3 ≈ 72.33 → 72
    expect(byTopic('rag').mastery).toBe(72);
  });

  it('gives a topic never studied zero coverage, zero recall, no accuracy and mastery 0', () => {
    expect(byTopic('empty')).toEqual({
      topic: 'empty',
      questions: 2,
      seen: 0,
      coverage: 0,
      recall: 0,
      recentAccuracy: undefined,
      recentReviews: 0,
      lapses: 0,
      lapsesThisWeek: 0,
      mockCoverage: undefined,
      drillPassRate: undefined,
      timeRatio: undefined,
      mastery: 0,
    });
  });

  it('agrees with card states rebuilt from the same review log', () => {
    // m1 graded Good 3 days ago, m2 Again 2 days ago: both seen (reps > 0), 2 of 4 metrics questions
    const log = [review('m1', 3, 3), review('m2', 2, 1)];
    const [metrics] = topicFigures({ questions, cards: rebuildCardStates(log), reviews: log, mocks: [], now: NOW });
    expect(metrics).toMatchObject({ seen: 2, coverage: 0.5, recentReviews: 2, recentAccuracy: 0.5, lapsesThisWeek: 0 });
    expect(metrics.recall).toBeGreaterThan(0);
    expect(metrics.recall).toBeLessThanOrEqual(1);
  });

  // Regression test: this failed before the fix in src/progress (see the commit).
  it('does not let an undone passing grade turn a later Again into a lapse', () => {
    const log = [review('m1', 3, 3, 'review', true), review('m1', 2, 1)];
    const [metrics] = topicFigures({ questions, cards: rebuildCardStates(log), reviews: log, mocks: [], now: NOW });
    expect(metrics.lapsesThisWeek).toBe(0);
  });
});

describe('topic figures from card states rebuilt from the log', () => {
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
  const rebuilt = topicFigures({ questions, cards: rebuildCardStates(live), reviews, mocks: [], now: NOW });
  const a = rebuilt.find((f) => f.topic === 'a');
  const b = rebuilt.find((f) => f.topic === 'b');

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

  it('reads rubric coverage, drills and time from the shared sample mock, finished mocks only', () => {
    // sample mock: mt-precision 2 of 3 rubric points, 90 s of 120 s; roc-auc 2 of 4, tests failing, 510 s of 900 s
    const mock = sampleMock(NOW - 2 * DAY);
    const qs = [question('mt-precision', 'metrics'), question('roc-auc', 'metrics', 'coding')];
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

const figures = (over: Partial<TopicFigures>): TopicFigures => ({ ...base, mastery: 50, ...over });

describe('why a topic is weak', () => {
  it('names low coverage, lapses this week and low predicted recall, most telling first', () => {
    expect(
      weaknessReasons(figures({ questions: 40, seen: 4, coverage: 0.1, recall: 0.54, lapsesThisWeek: 3, mastery: 10 })),
    ).toEqual(['only 4 of 40 questions seen', '3 lapses this week', 'predicted recall 54%']);
  });

  it('says "lapse" in the singular for one', () => {
    expect(weaknessReasons(figures({ coverage: 0.9, seen: 9, recall: 0.9, lapsesThisWeek: 1 }))).toEqual([
      '1 lapse this week',
    ]);
  });

  it('says none of the questions were seen, without a recall reason', () => {
    expect(weaknessReasons(figures({ seen: 0, coverage: 0, recall: 0, mastery: 0 }))).toEqual([
      'none of its 10 questions seen yet',
    ]);
  });

  it('names low accuracy, mock rubric coverage, drill pass rate and overtime', () => {
    expect(
      weaknessReasons(
        figures({
          coverage: 0.9,
          seen: 9,
          recall: 0.9,
          recentAccuracy: 0.6,
          mockCoverage: 0.5,
          drillPassRate: 0.25,
          timeRatio: 1.25,
        }),
      ),
    ).toEqual([
      '60% graded Good or Easy lately',
      'mock rubric coverage 50%',
      'drill pass rate 25%',
      'mock answers 25% over budget',
    ]);
  });

  it('gives only the mastery when every figure is at or past its threshold', () => {
    // coverage 0.5, recall 0.85, accuracy 0.7, rubric 0.6, drills 0.5, time 1.1: none counts as weak
    expect(
      weaknessReasons(
        figures({
          coverage: 0.5,
          recall: 0.85,
          recentAccuracy: 0.7,
          mockCoverage: 0.6,
          drillPassRate: 0.5,
          timeRatio: 1.1,
          mastery: 63,
        }),
      ),
    ).toEqual(['mastery 63 of 100']);
  });
});

describe('ranking the weakest topics', () => {
  it('puts the lowest mastery first, a tie going to lower coverage and then to the name', () => {
    const ranked = rankWeakTopics([
      figures({ topic: 'x', mastery: 40, coverage: 0.5 }),
      figures({ topic: 'y', mastery: 30, coverage: 0.9 }),
      figures({ topic: 'zeta', mastery: 30, coverage: 0.2 }),
      figures({ topic: 'alpha', mastery: 30, coverage: 0.2 }),
      figures({ topic: 'w', mastery: 55, coverage: 0.1 }),
    ]);
    expect(ranked.map((w) => w.figures.topic)).toEqual(['alpha', 'zeta', 'y', 'x', 'w']);
    const three = rankWeakTopics([
      figures({ topic: 'x', mastery: 40, coverage: 0.5 }),
      figures({ topic: 'y', mastery: 30, coverage: 0.9 }),
      figures({ topic: 'z', mastery: 30, coverage: 0.2 }),
    ]);
    expect(three.map((w) => w.figures.topic)).toEqual(['z', 'y', 'x']);
  });

  it('leaves out topics without questions and attaches the reasons', () => {
    const weak = figures({ topic: 'weak', questions: 40, seen: 4, coverage: 0.1, recall: 0.54, mastery: 10 });
    const ranked = rankWeakTopics([figures({ topic: 'hollow', questions: 0, seen: 0, mastery: 0 }), weak]);
    expect(ranked).toEqual([{ figures: weak, reasons: ['only 4 of 40 questions seen', 'predicted recall 54%'] }]);
  });
});
