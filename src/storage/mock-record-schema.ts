/**
 * The stored shape of a mock interview (`mock:<id>` records), checked in full before any screen
 * uses one: mocks can arrive from an imported backup. Its TypeScript twin is MockSession in
 * src/mock/mock-types.ts; the mock room checks at compile time that the two agree.
 */
import * as z from 'zod/mini';
import { designRoundSchema } from './design-record-schemas';

const count = z.number().check(z.nonnegative());
const time = z.number().check(z.nonnegative());
const mockItemSchema = z.object({
  questionId: z.string(),
  topic: z.string(),
  kind: z.enum(['concept', 'design', 'coding']),
  difficulty: z.enum(['easy', 'medium', 'hard']),
  budgetSeconds: count,
  answer: z.string(),
  code: z.optional(
    z.object({
      language: z.enum(['python', 'typescript', 'sql']),
      sources: z.partialRecord(z.enum(['python', 'typescript', 'sql']), z.string()),
    }),
  ),
  drill: z.optional(z.object({ passed: count, total: count, allPassed: z.boolean() })),
  flagged: z.boolean(),
  visits: z.array(z.object({ start: time, end: z.optional(time) })),
  lockedAt: z.optional(time),
  assessment: z.object({
    covered: z.array(z.boolean()),
    confidence: z.optional(z.enum(['low', 'medium', 'high'])),
    rating: z.optional(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])),
    reviewId: z.optional(z.string()),
  }),
  design: z.optional(designRoundSchema),
});
export const mockSessionSchema = z
  .object({
    id: z.string().check(z.minLength(1)),
    config: z.object({
      title: z.string(),
      topics: z.array(z.string()),
      count,
      kinds: z.array(z.enum(['concept', 'design', 'coding'])),
      difficultyMix: z.object({ easy: count, medium: count, hard: count }),
      questionTiming: z.enum(['own', 'custom', 'none']),
      perQuestionSeconds: z.number(),
      totalSeconds: z.optional(count),
      mode: z.enum(['strict', 'practice']),
    }),
    seed: z.number(),
    createdAt: time,
    status: z.enum(['running', 'assessing', 'done']),
    current: z.number().check(z.int(), z.nonnegative()),
    items: z.array(mockItemSchema).check(z.minLength(1)),
    pausedAt: z.optional(time),
    endedAt: z.optional(time),
    endReason: z.optional(z.enum(['finished', 'time-up', 'ended-early'])),
    score: z.optional(z.number()),
  })
  .check(z.refine((mock) => mock.current < mock.items.length, 'current must point at one of the items'));
