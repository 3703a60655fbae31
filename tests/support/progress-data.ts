/** Progress data (the bank index with the whole log) and review records, for pure progress figures. */
import type { ProgressData } from '../../src/service/progress-data';
import { DEFAULT_SETTINGS, type Rating, type ReviewRecord } from '../../src/srs/types';
import type { GradeInput } from '../../src/storage/progress-repository';

let serial = 0;

/** A live grading of `questionId` at `time` (Good from the review screen unless told). */
export function reviewRecord(
  questionId: string,
  time: number,
  rating: Rating = 3,
  extra: Partial<ReviewRecord> = {},
): ReviewRecord {
  return {
    id: `review-${serial++}`,
    questionId,
    time,
    rating,
    source: 'review',
    durationMs: 5000,
    retention: 0.9,
    ...extra,
  };
}

/** No questions, no progress, default settings; `over` fills in the rest. */
export function progressData(over: Partial<ProgressData> = {}): ProgressData {
  return {
    index: { topics: [], questions: [] },
    cards: new Map(),
    reviews: [],
    mocks: [],
    settings: DEFAULT_SETTINGS,
    ...over,
  };
}

/** What a store's grade() takes: a grading from the review screen, 4 s long, on top of `expected`. */
export function gradeInput(questionId: string, rating: Rating, now: number, expected?: string): GradeInput {
  return { questionId, rating, source: 'review', durationMs: 4000, now, expectedLastReviewId: expected };
}
