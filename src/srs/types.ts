/** Progress data: the review log is the truth; card states are derived from it. */
import type * as z from 'zod/mini';
import type { reviewRecordSchema, settingsSchema } from './record-schemas';

/** The four grades, worst first; their numbers are FSRS's grades and the keys 1-4 that give them. */
export const RATINGS = [1, 2, 3, 4] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_NAMES: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };
/** Where a grading came from: a review session, a mock's self-assessment or a drill submit. */
export const REVIEW_SOURCES = ['review', 'mock', 'drill'] as const;
export type ReviewSource = (typeof REVIEW_SOURCES)[number];

/** One grading. Append-only: an undo marks the record (undoneAt) and never deletes it. */
export type ReviewRecord = z.infer<typeof reviewRecordSchema>;

export type CardPhase = 'new' | 'learning' | 'review' | 'relearning';

/** A question's scheduling state, derived by replaying its reviews (plain data, JSON-safe). */
export interface CardState {
  questionId: string;
  phase: CardPhase;
  /** Epoch ms when it is next due. */
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview?: number;
  /** The review record this state came from: a grading elsewhere since then is a conflict. */
  lastReviewId?: string;
}

/** The user's study settings, as stored and as the settings screen checks them (./record-schemas). */
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  desiredRetention: 0.9,
  newPerDay: 20,
  maxReviewsPerDay: 200,
  dayStartHour: 4,
  topics: [],
};

export const RETENTION_RANGE = { min: 0.7, max: 0.97 } as const;
