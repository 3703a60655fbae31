/**
 * A design round practised on its own (outside a mock), kept in the progress store
 * (`design-practice:<questionId>`) so a reload or a crash mid-round loses nothing.
 */
import type * as z from 'zod/mini';
import { progressService } from '../service/service-connection';
import { designPracticeSchema } from '../storage/design-record-schemas';

export const PRACTICE_PREFIX = 'design-practice:';

const practiceSchema = designPracticeSchema;

export type DesignPractice = z.infer<typeof practiceSchema>;

export function newPractice(now: number, rubricPoints: number): DesignPractice {
  return { version: 1, startedAt: now, notes: '', round: { marks: [] }, covered: Array(rubricPoints).fill(false) };
}

export async function loadPractice(questionId: string): Promise<DesignPractice | undefined> {
  const parsed = practiceSchema.safeParse(await (await progressService()).getValue(PRACTICE_PREFIX + questionId));
  return parsed.success ? parsed.data : undefined;
}

export async function savePractice(questionId: string, practice: DesignPractice): Promise<void> {
  await (await progressService()).setValue(PRACTICE_PREFIX + questionId, practice);
}

export async function clearPractice(questionId: string): Promise<void> {
  await (await progressService()).deleteValue(PRACTICE_PREFIX + questionId);
}
