/**
 * Today's plan on the home screen (pure): the review queue's own numbers, the new cards the
 * settings allow, one drill from the weakest topic that has drills, and a mock on the right days.
 * Each item fills as the user works, from the same log every other screen reads.
 */
import type { QuestionSummary } from '../bank/types';
import type { ProgressData } from '../service/progress-data';
import { buildDueQueue } from '../srs/due-queue';
import { studyDayStart } from '../srs/study-day';
import { parseInterviewDate } from './dashboard-figures';
import { rankWeakTopics, topicFigures } from './topic-mastery';

export type TodayItemId = 'reviews' | 'new' | 'drill' | 'mock';

export interface TodayItem {
  id: TodayItemId;
  label: string;
  detail: string;
  href: string;
  done: boolean;
  /** How far along today, when it counts something. */
  progress?: { done: number; total: number };
}

export interface TodayPlan {
  daysLeft?: number;
  items: TodayItem[];
  dueCount: number;
  newCount: number;
}

const DAY = 86_400_000;
/** In the last week every day has a mock; before that, every third day. */
export const MOCK_EVERY_DAYS = 3;
export const DAILY_MOCKS_FROM_DAYS_LEFT = 7;

export function mockDay(daysLeft: number | undefined, dayNumber: number): boolean {
  if (daysLeft !== undefined && daysLeft <= DAILY_MOCKS_FROM_DAYS_LEFT) return true;
  return dayNumber % MOCK_EVERY_DAYS === 0;
}

export function todayPlan(data: ProgressData, now: number, titleOf: (topic: string) => string): TodayPlan {
  const { settings } = data;
  const included = new Set(settings.topics);
  const questions = data.index.questions.filter((q) => included.size === 0 || included.has(q.topic));
  const dayStart = studyDayStart(now, settings.dayStartHour);
  const todayReviews = data.reviews.filter((r) => r.time >= dayStart);
  const queue = buildDueQueue({ now, settings, cards: data.cards, questions, todayReviews });
  const date = parseInterviewDate(data.interviewDate);
  const daysLeft = date !== undefined && date > now ? Math.max(1, Math.ceil((date - now) / DAY)) : undefined;

  const reviewsDone = queue.doneToday - queue.newDoneToday;
  const items: TodayItem[] = [
    {
      id: 'reviews',
      label: queue.dueCount > 0 ? `Review ${queue.dueCount} due card${queue.dueCount === 1 ? '' : 's'}` : 'Reviews',
      detail:
        queue.dueCount > 0
          ? `${reviewsDone} done today, ${queue.dueCount} left`
          : reviewsDone > 0
            ? `All done: ${reviewsDone} reviewed today`
            : 'Nothing due today',
      href: '/review',
      done: queue.dueCount === 0,
      progress: { done: reviewsDone, total: reviewsDone + queue.dueCount },
    },
    {
      id: 'new',
      label: queue.newCount > 0 ? `Learn ${queue.newCount} new card${queue.newCount === 1 ? '' : 's'}` : 'New cards',
      detail:
        queue.newCount > 0
          ? `${queue.newDoneToday} of ${queue.newDoneToday + queue.newCount} today (${settings.newPerDay} a day)`
          : `Today's ${queue.newDoneToday} done`,
      href: '/review',
      done: queue.newCount === 0,
      progress: { done: queue.newDoneToday, total: queue.newDoneToday + queue.newCount },
    },
  ];

  const drill = drillForWeakestTopic(data, questions, now);
  if (drill) {
    const drilledToday = todayReviews.some((r) => r.source === 'drill');
    items.push({
      id: 'drill',
      label: `One drill: ${drill.question.title}`,
      detail: `From ${titleOf(drill.question.topic)}, your weakest topic with drills`,
      href: `/drills/${drill.question.id}`,
      done: drilledToday,
    });
  }

  const dayNumber = Math.floor(dayStart / DAY);
  if (mockDay(daysLeft, dayNumber)) {
    const mockedToday = data.mocks.some((m) => m.status === 'done' && (m.endedAt ?? m.createdAt) >= dayStart);
    const weakest = rankWeakTopics(
      topicFigures({ questions, cards: data.cards, reviews: data.reviews, mocks: data.mocks, now }),
    ).slice(0, 3);
    items.push({
      id: 'mock',
      label: 'A timed mock on your weakest topics',
      detail: weakest.map((w) => titleOf(w.figures.topic)).join(', ') || 'Mixed topics',
      href: `/mock?topics=${weakest.map((w) => w.figures.topic).join(',')}`,
      done: mockedToday,
    });
  }
  return { daysLeft, items, dueCount: queue.dueCount, newCount: queue.newCount };
}

/** The first drill not solved yet in the weakest topic that has drills. */
function drillForWeakestTopic(
  data: ProgressData,
  questions: readonly QuestionSummary[],
  now: number,
): { question: QuestionSummary } | undefined {
  const drills = data.index.questions.filter((q) => q.kind === 'coding');
  const solved = new Set(data.reviews.filter((r) => r.rating >= 2).map((r) => r.questionId));
  const ranked = rankWeakTopics(
    topicFigures({ questions, cards: data.cards, reviews: data.reviews, mocks: data.mocks, now }),
  );
  for (const { figures } of ranked) {
    const candidate = drills.find((q) => q.topic === figures.topic && !solved.has(q.id));
    if (candidate) return { question: candidate };
  }
  const any = drills.find((q) => !solved.has(q.id));
  return any ? { question: any } : undefined;
}
