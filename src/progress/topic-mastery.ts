/**
 * Where the user stands per topic, from the review log, the card states and finished mocks.
 * Pure: everything is a function of its inputs and `now`. The formula is written once here and
 * shown in the app (MASTERY_FORMULA), so the score is never a black box.
 */
import type { QuestionSummary } from '../bank/types';
import { retrievability } from '../srs/scheduler';
import type { CardState, ReviewRecord } from '../srs/types';
import type { MockSession } from '../storage/mock-record-schema';

const DAY = 86_400_000;
export const RECENT_DAYS = 30;

export const MASTERY_FORMULA = [
  'Memory = coverage × predicted recall: the share of the topic’s questions you have seen, times the average FSRS probability that you recall those you have seen right now.',
  'Performance = the average of what is known of: recent accuracy (reviews in the last 30 days graded Good or Easy), rubric coverage in mocks, and the drill pass rate. With none of them, performance = predicted recall.',
  'Mastery = 60% memory + 40% performance, minus up to 10 points when mock answers ran over their time budget on average. A topic you have never studied scores 0.',
] as const;

export interface TopicFigures {
  topic: string;
  questions: number;
  seen: number;
  /** seen / questions */
  coverage: number;
  /** Mean FSRS retrievability of the seen cards now (0 when none seen). */
  recall: number;
  /** Share of the last 30 days' reviews graded Good or Easy; undefined with no reviews. */
  recentAccuracy?: number;
  recentReviews: number;
  lapses: number;
  /** Again grades on cards that had been learnt, in the last 7 days. */
  lapsesThisWeek: number;
  /** Mean rubric coverage of this topic's answers in finished mocks. */
  mockCoverage?: number;
  /** Share of drill submits (drill page and mocks) that passed every test. */
  drillPassRate?: number;
  /** Mean of time used / budget in mocks (1 = exactly on budget). */
  timeRatio?: number;
  mastery: number;
}

export interface WeakTopic {
  figures: TopicFigures;
  reasons: string[];
}

export interface MasteryInput {
  questions: readonly QuestionSummary[];
  cards: ReadonlyMap<string, CardState>;
  /** Live (not undone) reviews; only the last 30 days are needed. */
  reviews: readonly ReviewRecord[];
  mocks: readonly MockSession[];
  now: number;
}

interface Accumulator {
  questions: number;
  seen: number;
  recallSum: number;
  recent: number;
  recentGood: number;
  lapses: number;
  lapsesThisWeek: number;
  mockCoverage: number[];
  drills: number;
  drillsPassed: number;
  timeRatios: number[];
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined);

export function masteryScore(f: Omit<TopicFigures, 'mastery'>): number {
  if (f.seen === 0 && f.mockCoverage === undefined && f.drillPassRate === undefined) return 0;
  const memory = f.coverage * f.recall;
  const signals = [f.recentAccuracy, f.mockCoverage, f.drillPassRate].filter((x): x is number => x !== undefined);
  const performance = mean(signals) ?? f.recall;
  const overtimePenalty = f.timeRatio !== undefined && f.timeRatio > 1 ? Math.min(10, (f.timeRatio - 1) * 20) : 0;
  return Math.max(0, Math.min(100, Math.round(100 * (0.6 * memory + 0.4 * performance) - overtimePenalty)));
}

export function topicFigures(input: MasteryInput): TopicFigures[] {
  const { questions, cards, reviews, mocks, now } = input;
  const acc = new Map<string, Accumulator>();
  const topicOf = new Map<string, string>();
  const get = (topic: string) => {
    let a = acc.get(topic);
    if (!a) {
      a = {
        questions: 0,
        seen: 0,
        recallSum: 0,
        recent: 0,
        recentGood: 0,
        lapses: 0,
        lapsesThisWeek: 0,
        mockCoverage: [],
        drills: 0,
        drillsPassed: 0,
        timeRatios: [],
      };
      acc.set(topic, a);
    }
    return a;
  };
  for (const q of questions) {
    topicOf.set(q.id, q.topic);
    const a = get(q.topic);
    a.questions++;
    const card = cards.get(q.id);
    if (card && card.reps > 0) {
      a.seen++;
      a.recallSum += retrievability(card, now);
      a.lapses += card.lapses;
    }
  }
  const recentFrom = now - RECENT_DAYS * DAY;
  const weekFrom = now - 7 * DAY;
  // Reviews are not sorted; a lapse is an Again on a card that already had a passing grade.
  const passedBefore = new Map<string, number>();
  for (const r of reviews) {
    if (r.rating >= 2 && r.undoneAt === undefined) {
      const first = passedBefore.get(r.questionId);
      if (first === undefined || r.time < first) passedBefore.set(r.questionId, r.time);
    }
  }
  for (const r of reviews) {
    if (r.undoneAt !== undefined || r.time < recentFrom || r.time > now) continue;
    const topic = topicOf.get(r.questionId);
    if (!topic) continue;
    const a = get(topic);
    a.recent++;
    if (r.rating >= 3) a.recentGood++;
    if (r.rating === 1 && r.time >= weekFrom && (passedBefore.get(r.questionId) ?? Infinity) < r.time)
      a.lapsesThisWeek++;
    if (r.source === 'drill') {
      a.drills++;
      if (r.rating >= 2) a.drillsPassed++;
    }
  }
  for (const mock of mocks) {
    if (mock.status !== 'done') continue;
    const end = mock.endedAt ?? mock.createdAt;
    for (const item of mock.items) {
      if (!topicOf.has(item.questionId)) continue;
      const a = get(item.topic);
      const rubric = item.assessment.covered;
      if (rubric.length) a.mockCoverage.push(rubric.filter(Boolean).length / rubric.length);
      if (item.kind === 'coding') {
        a.drills++;
        if (item.drill?.allPassed) a.drillsPassed++;
      }
      if (item.budgetSeconds > 0) {
        let used = 0;
        for (const v of item.visits) used += Math.max(0, (v.end ?? end) - v.start);
        a.timeRatios.push(used / (item.budgetSeconds * 1000));
      }
    }
  }
  return [...acc].map(([topic, a]) => {
    const figures = {
      topic,
      questions: a.questions,
      seen: a.seen,
      coverage: a.questions ? a.seen / a.questions : 0,
      recall: a.seen ? a.recallSum / a.seen : 0,
      recentAccuracy: a.recent ? a.recentGood / a.recent : undefined,
      recentReviews: a.recent,
      lapses: a.lapses,
      lapsesThisWeek: a.lapsesThisWeek,
      mockCoverage: mean(a.mockCoverage),
      drillPassRate: a.drills ? a.drillsPassed / a.drills : undefined,
      timeRatio: mean(a.timeRatios),
    };
    return { ...figures, mastery: masteryScore(figures) };
  });
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Why a topic is weak, in words, most telling first. */
export function weaknessReasons(f: TopicFigures): string[] {
  const reasons: string[] = [];
  if (f.seen === 0) reasons.push(`none of its ${f.questions} questions seen yet`);
  else if (f.coverage < 0.5) reasons.push(`only ${f.seen} of ${f.questions} questions seen`);
  if (f.lapsesThisWeek > 0) reasons.push(`${f.lapsesThisWeek} lapse${f.lapsesThisWeek === 1 ? '' : 's'} this week`);
  if (f.seen > 0 && f.recall < 0.85) reasons.push(`predicted recall ${pct(f.recall)}`);
  if (f.recentAccuracy !== undefined && f.recentAccuracy < 0.7)
    reasons.push(`${pct(f.recentAccuracy)} graded Good or Easy lately`);
  if (f.mockCoverage !== undefined && f.mockCoverage < 0.6) reasons.push(`mock rubric coverage ${pct(f.mockCoverage)}`);
  if (f.drillPassRate !== undefined && f.drillPassRate < 0.5) reasons.push(`drill pass rate ${pct(f.drillPassRate)}`);
  if (f.timeRatio !== undefined && f.timeRatio > 1.1) reasons.push(`mock answers ${pct(f.timeRatio - 1)} over budget`);
  if (reasons.length === 0) reasons.push(`mastery ${f.mastery} of 100`);
  return reasons;
}

/** Topics weakest first; a tie goes to the topic with fewer questions seen, then by name. */
export function rankWeakTopics(figures: readonly TopicFigures[]): WeakTopic[] {
  return [...figures]
    .filter((f) => f.questions > 0)
    .sort((a, b) => a.mastery - b.mastery || a.coverage - b.coverage || a.topic.localeCompare(b.topic))
    .map((f) => ({ figures: f, reasons: weaknessReasons(f) }));
}
