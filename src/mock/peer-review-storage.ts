/**
 * What peer review reads and writes on this device: the parts of a mock that go into the review
 * file, the candidate's imported grades (`peer-grades:<mockId>`), and the reviewer's draft
 * (`peer-review-draft:<mockId>`). The reviewer's draft is the only thing the reviewer's side
 * stores: nothing touches their review log or their own mocks.
 */
import * as z from 'zod/mini';
import { loadBankIndex } from '../bank/bank-data';
import { drawingsOfMock } from '../design/drawing-repository';
import { loadRecording, type StoredRecording } from '../design/recording-repository';
import { progressService } from '../service/service-connection';
import type { MockSession } from './mock-types';
import {
  base64Length,
  buildPeerReviewFile,
  bytesToBase64,
  type PeerGradesFile,
  type PeerRecording,
  type PeerReviewFile,
  type ReviewerGrading,
  readStoredPeerGrades,
  type StoredPeerGrades,
  storedPeerGrades,
} from './peer-review-file';

const GRADES_PREFIX = 'peer-grades:';
const DRAFT_PREFIX = 'peer-review-draft:';

async function recordingsOf(session: MockSession): Promise<Map<number, StoredRecording>> {
  const found = new Map<number, StoredRecording>();
  for (const [index] of session.items.entries()) {
    const recording = await loadRecording(`mock:${session.id}:${index}`);
    if (recording) found.set(index, recording);
  }
  return found;
}

export interface ReviewExport {
  /** The file without recordings, ready to save. */
  file: PeerReviewFile;
  /** Its size as JSON, in bytes (close enough: titles and answers are mostly ASCII). */
  bytes: number;
  recordingCount: number;
  /** What the recordings would add, as base64. */
  recordingBytes: number;
}

export async function prepareReviewExport(session: MockSession, now: number): Promise<ReviewExport> {
  const [{ questions }, drawings, recordings] = await Promise.all([
    loadBankIndex(),
    drawingsOfMock(session.id),
    recordingsOf(session),
  ]);
  const titles = Object.fromEntries(questions.map((q) => [q.id, q.title]));
  const file = buildPeerReviewFile({ session, titles, drawings, now });
  let recordingBytes = 0;
  for (const r of recordings.values()) recordingBytes += base64Length(r.audio.size) + r.mimeType.length + 80;
  return {
    file,
    bytes: new Blob([JSON.stringify(file)]).size,
    recordingCount: recordings.size,
    recordingBytes,
  };
}

/** The review file with the recordings added (read from storage only when the candidate asks for them). */
export async function withRecordings(session: MockSession, file: PeerReviewFile): Promise<PeerReviewFile> {
  const stored = await recordingsOf(session);
  const recordings = new Map<number, PeerRecording>();
  for (const [index, r] of stored) {
    recordings.set(index, {
      mimeType: r.mimeType,
      durationMs: r.durationMs,
      ...(r.transcript !== undefined && { transcript: r.transcript }),
      base64: bytesToBase64(new Uint8Array(await r.audio.arrayBuffer())),
    });
  }
  return {
    ...file,
    items: file.items.map((item, index) => {
      const recording = recordings.get(index);
      return recording ? { ...item, recording } : item;
    }),
  };
}

export async function loadPeerGrades(mockId: string): Promise<StoredPeerGrades | undefined> {
  return readStoredPeerGrades(await (await progressService()).getValue(GRADES_PREFIX + mockId));
}

export async function savePeerGrades(grades: PeerGradesFile, now: number): Promise<StoredPeerGrades> {
  const record = storedPeerGrades(grades, now);
  await (await progressService()).setValue(GRADES_PREFIX + grades.mockId, record);
  return record;
}

const draftSchema = z.object({
  version: z.literal(1),
  reviewer: z.string(),
  items: z.array(
    z.object({
      rating: z.optional(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])),
      covered: z.array(z.boolean()),
      comment: z.string(),
    }),
  ),
});

/** The reviewer's grading in progress for one mock, if any (and if it still fits the file). */
export async function loadReviewDraft(mockId: string, itemCount: number): Promise<ReviewerGrading | undefined> {
  const parsed = draftSchema.safeParse(await (await progressService()).getValue(DRAFT_PREFIX + mockId));
  if (!parsed.success || parsed.data.items.length !== itemCount) return undefined;
  return { reviewer: parsed.data.reviewer, items: parsed.data.items };
}

export async function saveReviewDraft(mockId: string, grading: ReviewerGrading): Promise<void> {
  await (await progressService()).setValue(DRAFT_PREFIX + mockId, { version: 1, ...grading });
}
