/**
 * Everything the progress dashboard shows, computed in one pass over the data. Pure: a
 * function of the review log, card states, mocks, settings and `now` (benchmarked at 10,000
 * cards and 200,000 reviews in `npm run bench`).
 */

import type { ProgressData } from '../service/progress-data';
import { buildDueQueue } from '../srs/due-queue';
import { dueToday } from '../srs/due-today';
import { retrievability } from '../srs/scheduler';
import { studyDayStart } from '../srs/study-day';
import type { CardState, ReviewRecord } from '../srs/types';
import { rankWeakTopics, type TopicFigures, topicFigures, type WeakTopic } from './topic-mastery';

const DAY = 86_400_000;
export const HEATMAP_DAYS = 364;
export const FORECAST_DAYS = 30;
export const ACCURACY_WEEKS = 12;
/** A new card takes about this many gradings (learning steps) before its first real interval. */
export const REVIEWS_PER_NEW_CARD = 3;

export interface DayCount {
  /** Start of the study day, epoch ms. */
  day: number;
  count: number;
}

export interface WeekAccuracy {
  weekStart: number;
  reviews: number;
  /** Share graded Good or Easy; undefined for a week with no reviews. */
  accuracy?: number;
}

export interface InterviewPlan {
  date: number;
  daysLeft: number;
  /** Mean predicted recall of the seen cards on the interview day, per topic. */
  recallOnDay: { topic: string; recall: number; seen: number; questions: number }[];
  unseen: number;
  /** Reviews a day to see every question and keep up with what falls due before the date. */
  reviewsPerDay: number;
  newPerDay: number;
}

export interface DashboardFigures {
  topics: TopicFigures[];
  weakest: WeakTopic[];
  /** From `dueToday` in src/srs: the same number Home and Review show. */
  dueToday: number;
  /** Review cards due today that the daily review limit moves to tomorrow. */
  heldBackToday: number;
  newAvailable: number;
  streak: number;
  studiedToday: boolean;
  heatmap: DayCount[];
  weeklyAccuracy: WeekAccuracy[];
  forecast: DayCount[];
  lastMockScore?: number;
  plan?: InterviewPlan;
}

const HOUR = 3_600_000;

/**
 * Numbers study days in local time: day N starts at `dayStartHour` on local calendar day N
 * (days since 1970-01-01). Each time uses its own UTC offset, so days stay right across
 * daylight-saving changes; offsets are looked up once per hour of time, which keeps 200,000
 * reviews cheap.
 */
function studyDayCounter(dayStartHour: number) {
  const offsetByHour = new Map<number, number>();
  const offsetAt = (time: number) => {
    const hour = Math.floor(time / HOUR);
    let offset = offsetByHour.get(hour);
    if (offset === undefined) {
      // getTimezoneOffset is minutes west of UTC; local time = UTC + offset east.
      offset = -new Date(time).getTimezoneOffset() * 60_000;
      offsetByHour.set(hour, offset);
    }
    return offset;
  };
  return {
    dayOf: (time: number) => Math.floor((time + offsetAt(time) - dayStartHour * HOUR) / DAY),
    /** When study day N starts, epoch ms (local calendar day N at dayStartHour). */
    startOf: (day: number) => {
      const calendar = new Date(day * DAY);
      return new Date(calendar.getUTCFullYear(), calendar.getUTCMonth(), calendar.getUTCDate(), dayStartHour).getTime();
    },
  };
}

/** Parses "YYYY-MM-DD" as local midnight; undefined for anything else, including days that do not exist. */
export function parseInterviewDate(text: string | undefined): number | undefined {
  const m = text ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) : null;
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const date = new Date(year, month, day);
  // Date rolls 2026-02-30 over to 2 March; a real date reads back the same.
  if (date.getFullYear() !== year || date.getMonth() !== month || date.getDate() !== day) return undefined;
  return date.getTime();
}

/** Why an interview date cannot be saved, or undefined when it can: a plan needs a real day after today. */
export function interviewDateProblem(text: string, now: number): string | undefined {
  const date = parseInterviewDate(text);
  if (date === undefined) return 'Enter a date as year, month and day.';
  if (date <= now) return 'That date has passed. Choose the day of your next interview.';
  return undefined;
}

export function interviewPlan(
  data: Pick<ProgressData, 'cards' | 'index'>,
  questions: ProgressData['index']['questions'],
  date: number,
  now: number,
): InterviewPlan | undefined {
  if (date <= now) return undefined;
  const daysLeft = Math.max(1, Math.ceil((date - now) / DAY));
  const byTopic = new Map<string, { sum: number; seen: number; questions: number }>();
  let unseen = 0;
  let dueBefore = 0;
  for (const q of questions) {
    const t = byTopic.get(q.topic) ?? { sum: 0, seen: 0, questions: 0 };
    t.questions++;
    const card = data.cards.get(q.id);
    if (card && card.reps > 0) {
      t.seen++;
      t.sum += retrievability(card, date);
      if (card.due <= date) dueBefore++;
    } else unseen++;
    byTopic.set(q.topic, t);
  }
  return {
    date,
    daysLeft,
    recallOnDay: [...byTopic].map(([topic, t]) => ({
      topic,
      recall: t.seen ? t.sum / t.seen : 0,
      seen: t.seen,
      questions: t.questions,
    })),
    unseen,
    newPerDay: Math.ceil(unseen / daysLeft),
    reviewsPerDay: Math.ceil((dueBefore + unseen * REVIEWS_PER_NEW_CARD) / daysLeft),
  };
}

export function dashboardFigures(data: ProgressData, now: number): DashboardFigures {
  const { settings } = data;
  const included = new Set(settings.topics);
  const questions = data.index.questions.filter((q) => included.size === 0 || included.has(q.topic));
  const days = studyDayCounter(settings.dayStartHour);
  const today = days.dayOf(now);
  const dayStart = studyDayStart(now, settings.dayStartHour);

  const perDay = new Map<number, number>();
  const weekCount = new Array<number>(ACCURACY_WEEKS).fill(0);
  const weekGood = new Array<number>(ACCURACY_WEEKS).fill(0);
  const todayReviews: ReviewRecord[] = [];
  for (const r of data.reviews) {
    const day = days.dayOf(r.time);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    const week = Math.floor((today - day) / 7);
    if (week >= 0 && week < ACCURACY_WEEKS) {
      weekCount[week]++;
      if (r.rating >= 3) weekGood[week]++;
    }
    if (r.time >= dayStart) todayReviews.push(r);
  }

  const heatmap: DayCount[] = [];
  for (let d = today - HEATMAP_DAYS + 1; d <= today; d++) {
    heatmap.push({ day: days.startOf(d), count: perDay.get(d) ?? 0 });
  }
  const studiedToday = (perDay.get(today) ?? 0) > 0;
  // A streak still counts until the end of today even if today has no review yet.
  let streak = 0;
  for (let d = studiedToday ? today : today - 1; perDay.get(d); d--) streak++;

  const weeklyAccuracy: WeekAccuracy[] = [];
  for (let w = ACCURACY_WEEKS - 1; w >= 0; w--) {
    weeklyAccuracy.push({
      weekStart: days.startOf(today - (w * 7 + 6)),
      reviews: weekCount[w],
      accuracy: weekCount[w] ? weekGood[w] / weekCount[w] : undefined,
    });
  }

  const forecastCounts = new Array<number>(FORECAST_DAYS).fill(0);
  const wanted = new Set(questions.map((q) => q.id));
  for (const card of data.cards.values()) {
    if (!wanted.has(card.questionId) || card.reps === 0) continue;
    const offset = Math.max(0, days.dayOf(card.due) - today);
    if (offset < FORECAST_DAYS) forecastCounts[offset]++;
  }
  const queue = buildDueQueue({ now, settings, cards: data.cards, questions, todayReviews });
  // Day 0 is the "due today" every screen shows; what the daily review limit holds back moves to tomorrow.
  const due = dueToday({ now, settings, cards: data.cards, questions, todayReviews });
  forecastCounts[0] = due.total;
  if (FORECAST_DAYS > 1) forecastCounts[1] += due.heldBack;
  const forecast = forecastCounts.map((count, i) => ({ day: days.startOf(today + i), count }));
  const topics = topicFigures({ questions, cards: data.cards, reviews: data.reviews, mocks: data.mocks, now });
  const lastMock = data.mocks.find((m) => m.status === 'done' && m.score !== undefined);
  const date = parseInterviewDate(data.interviewDate);
  return {
    topics,
    weakest: rankWeakTopics(topics),
    dueToday: due.total,
    heldBackToday: due.heldBack,
    newAvailable: queue.newCount,
    streak,
    studiedToday,
    heatmap,
    weeklyAccuracy,
    forecast,
    lastMockScore: lastMock?.score,
    plan: date === undefined ? undefined : interviewPlan(data, questions, date, now),
  };
}

export type { CardState };
