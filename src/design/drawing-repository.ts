/**
 * Whiteboard drawings live in the progress store's key-value records (`drawing:<scope>`), so
 * they travel in backups with the answers they belong to. A scope names where the drawing was
 * made: `mock:<mockId>:<itemIndex>` in a mock, `question:<questionId>` when practising alone.
 */
import type * as z from 'zod/mini';
import { progressService } from '../service/service-connection';
import {
  DRAWING_VERSION,
  drawingSchema,
  type drawingElementSchema as elementSchema,
} from '../storage/design-record-schemas';

export const DRAWING_PREFIX = 'drawing:';

export type DrawingElement = z.infer<typeof elementSchema>;
export type StoredDrawing = z.infer<typeof drawingSchema>;

export const mockDrawingScope = (mockId: string, itemIndex: number) => `mock:${mockId}:${itemIndex}`;
export const questionDrawingScope = (questionId: string) => `question:${questionId}`;

export type DrawingLoad =
  | { status: 'empty' }
  | { status: 'ok'; drawing: StoredDrawing }
  /** Something is stored but cannot be read: the board starts blank and the record is left as it is. */
  | { status: 'damaged' };

export function readDrawing(value: unknown): DrawingLoad {
  if (value === undefined) return { status: 'empty' };
  const parsed = drawingSchema.safeParse(value);
  return parsed.success ? { status: 'ok', drawing: parsed.data } : { status: 'damaged' };
}

/** Reads through readValue, not getValue: an unreadable record must come back as damaged, not as empty. */
export async function loadDrawing(scope: string): Promise<DrawingLoad> {
  const read = await (await progressService()).readValue<unknown>(DRAWING_PREFIX + scope);
  if (read.state === 'absent') return { status: 'empty' };
  return read.state === 'ok' ? readDrawing(read.value) : { status: 'damaged' };
}

/** Keeps only live elements: Excalidraw hands deleted ones along for its undo history. */
export function drawingRecord(elements: readonly DrawingElement[], now: number): StoredDrawing {
  return { version: DRAWING_VERSION, elements: elements.filter((e) => !e.isDeleted), updatedAt: now };
}

export async function saveDrawing(scope: string, drawing: StoredDrawing): Promise<void> {
  await (await progressService()).setValue(DRAWING_PREFIX + scope, drawing);
}

/** Drawings of one mock, by item index (for the assessment, the report and the peer-review file). */
export async function drawingsOfMock(mockId: string): Promise<Map<number, StoredDrawing>> {
  const prefix = `${DRAWING_PREFIX}mock:${mockId}:`;
  const records = await (await progressService()).valuesWithPrefix<unknown>(prefix);
  const drawings = new Map<number, StoredDrawing>();
  for (const { key, value } of records) {
    const read = readDrawing(value);
    const index = Number(key.slice(prefix.length));
    if (read.status === 'ok' && Number.isInteger(index) && read.drawing.elements.length > 0)
      drawings.set(index, read.drawing);
  }
  return drawings;
}

export async function deleteDrawing(scope: string): Promise<void> {
  await (await progressService()).deleteValue(DRAWING_PREFIX + scope);
}

/** The drawing of a scope, when it has anything on it (for images in assessments). */
export async function nonEmptyDrawing(scope: string): Promise<StoredDrawing | undefined> {
  const read = await loadDrawing(scope);
  return read.status === 'ok' && read.drawing.elements.length > 0 ? read.drawing : undefined;
}
