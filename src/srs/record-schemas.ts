/**
 * The stored shapes of a review (one grading in the log) and of the settings: the one source of
 * ReviewRecord and Settings in ./types, which are inferred from these schemas. Storage reads both
 * through them (src/storage/record-kinds.ts), so a record from a backup is checked the same way.
 */
import * as z from 'zod/mini';
import { RATINGS, RETENTION_RANGE, REVIEW_SOURCES } from './types';

const retention = z.number().check(z.gte(RETENTION_RANGE.min), z.lte(RETENTION_RANGE.max));

export const reviewRecordSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  questionId: z.string().check(z.minLength(1), z.maxLength(200)),
  /** When it was graded, epoch ms. */
  time: z.number().check(z.int(), z.nonnegative()),
  rating: z.literal(RATINGS),
  source: z.enum(REVIEW_SOURCES),
  /** Time the user spent on the card, ms. */
  durationMs: z.number().check(z.nonnegative()),
  /** The desired retention in force, so a replay of the log schedules exactly as it did then. */
  retention,
  /** Set when the grading was undone; the record then no longer counts. */
  undoneAt: z.optional(z.number().check(z.int(), z.nonnegative())),
});

export const settingsSchema = z.object({
  /** 0.70-0.97 */
  desiredRetention: retention,
  newPerDay: z.number().check(z.int(), z.gte(0), z.lte(9999)),
  maxReviewsPerDay: z.number().check(z.int(), z.gte(0), z.lte(99999)),
  /** Local hour (0-23) at which a new study day starts, as in Anki. */
  dayStartHour: z.number().check(z.int(), z.gte(0), z.lte(23)),
  /** Topics included in review; empty means all. */
  topics: z.array(z.string()),
});
