/**
 * The stored shape of a mock interview (`mock:<id>` records), checked in full before any screen
 * uses one: mocks can arrive from an imported backup. The schema is the one source of the mock's
 * types (MockSession, MockItem, ...): they are inferred from it below, so the two cannot disagree.
 */
import * as z from 'zod/mini';
import { CODE_LANGUAGES, DIFFICULTIES, type Difficulty, KINDS } from '../bank/types';
import { RATINGS } from '../srs/types';
import { designRoundSchema } from './design-record-schemas';

export const MOCK_MODES = ['strict', 'practice'] as const;
export const QUESTION_TIMINGS = ['own', 'custom', 'none'] as const;
export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export const MOCK_STATUSES = ['running', 'assessing', 'done'] as const;
export const END_REASONS = ['finished', 'time-up', 'ended-early'] as const;

const count = z.number().check(z.nonnegative());
const time = z.number().check(z.nonnegative());

/** A stretch of time the user spent on one question, epoch ms; `end` is absent while it is open. */
const visitSchema = z.object({ start: time, end: z.optional(time) });

const drillAttemptSchema = z.object({ passed: count, total: count, allPassed: z.boolean() });

const assessmentSchema = z.object({
  /** One flag per rubric point: covered or not. */
  covered: z.array(z.boolean()),
  confidence: z.optional(z.enum(CONFIDENCES)),
  /** The grade the user chose (the proposal unless overridden). */
  rating: z.optional(z.literal(RATINGS)),
  /** Set once the grade is in the review log. */
  reviewId: z.optional(z.string()),
});

const codeLanguage = z.enum(CODE_LANGUAGES);

const mockItemSchema = z.object({
  questionId: z.string(),
  topic: z.string(),
  kind: z.enum(KINDS),
  difficulty: z.enum(DIFFICULTIES),
  /** 0 means no per-question budget. */
  budgetSeconds: count,
  answer: z.string(),
  /** Coding questions: the code per language and the language last used. */
  code: z.optional(z.object({ language: codeLanguage, sources: z.partialRecord(codeLanguage, z.string()) })),
  /** The last submit of a coding question (all tests). */
  drill: z.optional(drillAttemptSchema),
  flagged: z.boolean(),
  visits: z.array(visitSchema),
  /** Strict mode: when the budget ran out and the answer locked. */
  lockedAt: z.optional(time),
  assessment: assessmentSchema,
  /** Design questions: the phased clock, whiteboard count and follow-up round (see design-round.ts). */
  design: z.optional(designRoundSchema),
});

const mockConfigSchema = z.object({
  title: z.string(),
  topics: z.array(z.string()),
  count,
  kinds: z.array(z.enum(KINDS)),
  /** Relative weights for the difficulty mix, e.g. 30/50/20. All zero means any difficulty. */
  difficultyMix: z.object(Object.fromEntries(DIFFICULTIES.map((d) => [d, count])) as Record<Difficulty, typeof count>),
  /** Per-question clock: each question's own budget, one custom budget for all, or none. */
  questionTiming: z.enum(QUESTION_TIMINGS),
  /** Used when questionTiming is 'custom'. */
  perQuestionSeconds: z.number(),
  /** Total limit in seconds; undefined means none. */
  totalSeconds: z.optional(count),
  mode: z.enum(MOCK_MODES),
});

export const mockSessionSchema = z
  .object({
    id: z.string().check(z.minLength(1)),
    config: mockConfigSchema,
    seed: z.number(),
    createdAt: time,
    status: z.enum(MOCK_STATUSES),
    current: z.number().check(z.int(), z.nonnegative()),
    items: z.array(mockItemSchema).check(z.minLength(1)),
    /** Practice mode only: the mock is paused since this time (strict mode never pauses). */
    pausedAt: z.optional(time),
    endedAt: z.optional(time),
    endReason: z.optional(z.enum(END_REASONS)),
    /** Filled when the report is final. */
    score: z.optional(z.number()),
  })
  .check(z.refine((mock) => mock.current < mock.items.length, 'current must point at one of the items'));

/** A mock interview: its settings, the questions drawn, and everything the user did, as plain JSON. */
export type MockSession = z.infer<typeof mockSessionSchema>;
export type MockConfig = z.infer<typeof mockConfigSchema>;
export type MockItem = z.infer<typeof mockItemSchema>;
export type Visit = z.infer<typeof visitSchema>;
export type DrillAttempt = z.infer<typeof drillAttemptSchema>;
export type Assessment = z.infer<typeof assessmentSchema>;
export type MockMode = (typeof MOCK_MODES)[number];
export type Confidence = (typeof CONFIDENCES)[number];
export type MockStatus = (typeof MOCK_STATUSES)[number];
