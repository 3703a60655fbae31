/**
 * Stored shapes of the design room's records, here so the list of record kinds (record-kinds.ts)
 * can name them: whiteboard drawings (`drawing:<scope>`, in backups) and spoken answers
 * (`recording:<scope>`, audio Blobs kept out of backups).
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
