/** A mock interview: its settings, the questions drawn, and everything the user did, as plain JSON. */
import type { CodeLanguage, Difficulty, Kind } from '../bank/types';
import type { DesignRound } from '../design/design-round';
import type { Rating } from '../srs/types';

export type MockMode = 'strict' | 'practice';

export interface MockConfig {
  title: string;
  topics: string[];
  count: number;
  kinds: Kind[];
  /** Relative weights for the difficulty mix, e.g. 30/50/20. All zero means any difficulty. */
  difficultyMix: Record<Difficulty, number>;
  /** Per-question clock: each question's own budget, one custom budget for all, or none. */
  questionTiming: 'own' | 'custom' | 'none';
  /** Used when questionTiming is 'custom'. */
  perQuestionSeconds: number;
  /** Total limit in seconds; undefined means none. */
  totalSeconds?: number;
  mode: MockMode;
}

/** A stretch of time the user spent on one question, epoch ms; `end` is absent while it is open. */
export interface Visit {
  start: number;
  end?: number;
}

export interface DrillAttempt {
  passed: number;
  total: number;
  allPassed: boolean;
}

export type Confidence = 'low' | 'medium' | 'high';

export interface Assessment {
  /** One flag per rubric point: covered or not. */
  covered: boolean[];
  confidence?: Confidence;
  /** The grade the user chose (the proposal unless overridden). */
  rating?: Rating;
  /** Set once the grade is in the review log. */
  reviewId?: string;
}

export interface MockItem {
  questionId: string;
  topic: string;
  kind: Kind;
  difficulty: Difficulty;
  /** 0 means no per-question budget. */
  budgetSeconds: number;
  answer: string;
  /** Coding questions: the code per language and the language last used. */
  code?: { language: CodeLanguage; sources: Partial<Record<CodeLanguage, string>> };
  /** The last submit of a coding question (all tests). */
  drill?: DrillAttempt;
  flagged: boolean;
  visits: Visit[];
  /** Strict mode: when the budget ran out and the answer locked. */
  lockedAt?: number;
  assessment: Assessment;
  /** Design questions: the phased clock, whiteboard count and follow-up round (see design-round.ts). */
  design?: DesignRound;
}

export type MockStatus = 'running' | 'assessing' | 'done';

export interface MockSession {
  id: string;
  config: MockConfig;
  seed: number;
  createdAt: number;
  status: MockStatus;
  current: number;
  items: MockItem[];
  /** Practice mode only: the mock is paused since this time (strict mode never pauses). */
  pausedAt?: number;
  endedAt?: number;
  endReason?: 'finished' | 'time-up' | 'ended-early';
  /** Filled when the report is final. */
  score?: number;
}

export const DIFFICULTY_MIX_DEFAULT: Record<Difficulty, number> = { easy: 30, medium: 50, hard: 20 };
