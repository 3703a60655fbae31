/**
 * Spoken answers live in the progress store next to the answer they belong to
 * (`recording:<scope>`, the same scopes as drawings). Audio stays on this device: recordings are
 * left out of backups (too large, and personal) and can all be deleted from Settings.
 */
import type * as z from 'zod/mini';
import { progressService } from '../service/service-connection';
import { RECORDING_VERSION, recordingSchema } from '../storage/design-record-schemas';

export const RECORDING_PREFIX = 'recording:';
export { RECORDING_VERSION };

export type StoredRecording = z.infer<typeof recordingSchema>;

export function readRecording(value: unknown): StoredRecording | undefined {
  const parsed = recordingSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export async function loadRecording(scope: string): Promise<StoredRecording | undefined> {
  return readRecording(await (await progressService()).getValue(RECORDING_PREFIX + scope));
}

export async function saveRecording(scope: string, recording: StoredRecording): Promise<void> {
  await (await progressService()).setValue(RECORDING_PREFIX + scope, recording);
}

export async function deleteRecording(scope: string): Promise<void> {
  await (await progressService()).deleteValue(RECORDING_PREFIX + scope);
}

export interface RecordingsSummary {
  count: number;
  bytes: number;
}

export async function summariseRecordings(): Promise<RecordingsSummary> {
  const records = await (await progressService()).valuesWithPrefix<unknown>(RECORDING_PREFIX);
  let bytes = 0;
  let count = 0;
  for (const { value } of records) {
    const recording = readRecording(value);
    count += 1;
    bytes += recording?.audio.size ?? 0;
  }
  return { count, bytes };
}

export async function deleteAllRecordings(): Promise<number> {
  const repo = await progressService();
  const records = await repo.valuesWithPrefix<unknown>(RECORDING_PREFIX);
  for (const { key } of records) await repo.deleteValue(key);
  return records.length;
}
