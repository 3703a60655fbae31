/**
 * Stored shapes of the design room's records, here so the list of record kinds (record-kinds.ts)
 * can name them: whiteboard drawings (`drawing:<scope>`, in backups), spoken answers
 * (`recording:<scope>`, audio Blobs kept out of backups), a design round's progress (part of a
 * mock item, or `design-practice:<questionId>` when practised alone).
 */
import * as z from 'zod/mini';

export const DRAWING_VERSION = 1;
export const RECORDING_VERSION = 1;

/** The parts of an Excalidraw element we rely on; the rest is kept as Excalidraw wrote it. */
export const drawingElementSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  isDeleted: z.optional(z.boolean()),
});

export const drawingSchema = z.object({
  version: z.literal(DRAWING_VERSION),
  elements: z.array(drawingElementSchema),
  updatedAt: z.number(),
});

export const recordingSchema = z.object({
  version: z.literal(RECORDING_VERSION),
  audio: z.instanceof(Blob),
  mimeType: z.string(),
  durationMs: z.number().check(z.nonnegative()),
  /** From an on-device recogniser only; absent when none exists. */
  transcript: z.optional(z.string()),
  createdAt: z.number(),
});

/** A design round: phase marks, the end of the main answer, the follow-up round (src/design/design-round.ts). */
const designTime = z.number().check(z.nonnegative());

export const designRoundSchema = z.object({
  /** Used time at which each phase after the first began (see src/design/phase-plan.ts). */
  marks: z.array(designTime),
  /** Elements on the whiteboard at the last save, so the round counts as answered by a drawing alone. */
  drawnElements: z.optional(z.number().check(z.int(), z.nonnegative())),
  /** Used time at which the user ended the main answer; the follow-up round starts then. */
  endedAtMs: z.optional(designTime),
  followUps: z.optional(
    z.object({
      /** Indices into the question's follow-ups, in asking order. */
      picked: z.array(z.number().check(z.int(), z.nonnegative())),
      answers: z.array(z.string()),
      /** Index into `picked` of the follow-up on screen; equal to picked.length when the round is over. */
      current: z.number().check(z.int(), z.nonnegative()),
      /** Epoch ms at which each asked follow-up appeared. */
      startedAt: z.array(designTime),
      /** Epoch ms at which each answered follow-up was left. */
      endedAt: z.array(designTime),
    }),
  ),
});

/** A design round practised alone, outside a mock (src/design/practice-repository.ts). */
export const designPracticeSchema = z.object({
  version: z.literal(1),
  startedAt: z.number(),
  notes: z.string(),
  round: designRoundSchema,
  /** One flag per rubric point, ticked in the self-assessment. */
  covered: z.array(z.boolean()),
});
