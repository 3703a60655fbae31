/**
 * Peer review by file, no server: a finished mock goes out as one JSON file a friend opens in
 * their own Drillbook, and their grades come back as another. Both formats are named and
 * versioned so a file from elsewhere, or from a newer Drillbook, gets a clear message.
 * Pure: no storage, no DOM; `now` is passed in.
 *
 * The review file never carries the candidate's self-assessment (rubric ticks, confidence,
 * grade, score): the reviewer grades blind.
 */
import * as z from 'zod/mini';
import { DESIGN_PHASES } from '../bank/design-phases';
import { CODE_LANGUAGES, DIFFICULTIES, KINDS } from '../bank/types';
import { designRoundSchema } from '../design/design-round';
import { readDrawing, type StoredDrawing } from '../design/drawing-repository';
import { phaseDurations } from '../design/phase-plan';
import { RATING_NAMES, RATINGS, type Rating } from '../srs/types';
import { MOCK_MODES } from '../storage/mock-record-schema';
import { itemUsedMs } from './mock-session';
import type { MockSession } from './mock-types';

export const REVIEW_FORMAT = 'drillbook-peer-review';
export const GRADES_FORMAT = 'drillbook-peer-grades';
export const PEER_FILE_VERSION = 1;

const count = z.number().check(z.int(), z.nonnegative());
const time = z.number().check(z.nonnegative());
const kind = z.enum(KINDS);
const language = z.enum(CODE_LANGUAGES);
const rating = z.literal(RATINGS);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const recordingSchema = z.object({
  mimeType: z.string().check(z.minLength(1)),
  durationMs: time,
  transcript: z.optional(z.string()),
  base64: z.string().check(z.regex(BASE64)),
});
export type PeerRecording = z.infer<typeof recordingSchema>;

const phaseTimeSchema = z.object({ id: z.string(), label: z.string(), ms: time });
export type PhaseTime = z.infer<typeof phaseTimeSchema>;

/** An item as it is checked on arrival: drawing and recording are checked one by one, so a bad one is skipped alone. */
const incomingItemSchema = z.object({
  questionId: z.string().check(z.minLength(1)),
  title: z.string(),
  topic: z.string(),
  kind,
  difficulty: z.enum(DIFFICULTIES),
  budgetSeconds: time,
  usedMs: time,
  answer: z.string(),
  code: z.optional(z.object({ language, sources: z.partialRecord(language, z.string()) })),
  drill: z.optional(z.object({ passed: count, total: count, allPassed: z.boolean() })),
  phases: z.optional(z.array(phaseTimeSchema)),
  design: z.optional(z.unknown()),
  drawing: z.optional(z.unknown()),
  recording: z.optional(z.unknown()),
});

const incomingReviewSchema = z.object({
  format: z.literal(REVIEW_FORMAT),
  version: z.literal(PEER_FILE_VERSION),
  exportedAt: time,
  mock: z.object({
    id: z.string().check(z.minLength(1)),
    title: z.string(),
    mode: z.enum(MOCK_MODES),
    createdAt: time,
    endedAt: z.optional(time),
  }),
  items: z.array(incomingItemSchema).check(z.minLength(1)),
});

type IncomingItem = z.infer<typeof incomingItemSchema>;

export interface PeerReviewItem extends Omit<IncomingItem, 'drawing' | 'recording'> {
  drawing?: StoredDrawing;
  recording?: PeerRecording;
}

export interface PeerReviewFile extends Omit<z.infer<typeof incomingReviewSchema>, 'items'> {
  items: PeerReviewItem[];
}

const itemGradeSchema = z.object({
  index: count,
  questionId: z.string().check(z.minLength(1)),
  /** Absent when the reviewer left this question ungraded. */
  rating: z.optional(rating),
  /** One flag per rubric point of the reviewer's bank; empty when their bank lacks the question. */
  covered: z.array(z.boolean()),
  comment: z.string(),
});
export type PeerItemGrade = z.infer<typeof itemGradeSchema>;

const gradesSchema = z.object({
  format: z.literal(GRADES_FORMAT),
  version: z.literal(PEER_FILE_VERSION),
  mockId: z.string().check(z.minLength(1)),
  mockTitle: z.string(),
  reviewer: z.string(),
  gradedAt: time,
  items: z.array(itemGradeSchema),
});
export type PeerGradesFile = z.infer<typeof gradesSchema>;

/** What the candidate stores after importing (`peer-grades:<mockId>`), a plain record with its own version. */
const storedGradesSchema = z.object({ version: z.literal(1), importedAt: time, grades: gradesSchema });
export type StoredPeerGrades = z.infer<typeof storedGradesSchema>;

export function storedPeerGrades(grades: PeerGradesFile, now: number): StoredPeerGrades {
  return { version: 1, importedAt: now, grades };
}

export function readStoredPeerGrades(value: unknown): StoredPeerGrades | undefined {
  const parsed = storedGradesSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Time per design phase, when the item carries a design round; labels travel so the reviewer needs no plan. */
export function phaseTimes(design: unknown, usedMs: number): PhaseTime[] | undefined {
  const round = designRoundSchema.safeParse(design);
  if (!round.success || round.data.marks.length === 0) return undefined;
  const durations = phaseDurations(round.data.marks, round.data.endedAtMs ?? usedMs);
  return DESIGN_PHASES.map((phase, i) => ({ id: phase.id, label: phase.label, ms: durations[i] }));
}

export interface ReviewFileInput {
  session: MockSession;
  /** Question titles from the candidate's bank, by id. */
  titles: Readonly<Record<string, string>>;
  drawings: ReadonlyMap<number, StoredDrawing>;
  /** Only when the candidate chose to include recordings. */
  recordings?: ReadonlyMap<number, PeerRecording>;
  now: number;
}

export function buildPeerReviewFile({ session, titles, drawings, recordings, now }: ReviewFileInput): PeerReviewFile {
  const end = session.endedAt ?? now;
  return {
    format: REVIEW_FORMAT,
    version: PEER_FILE_VERSION,
    exportedAt: now,
    mock: {
      id: session.id,
      title: session.config.title,
      mode: session.config.mode,
      createdAt: session.createdAt,
      ...(session.endedAt !== undefined && { endedAt: session.endedAt }),
    },
    items: session.items.map((item, index) => {
      const usedMs = itemUsedMs(item, end);
      // A design round is passed on untouched, plus its time per phase (labels included).
      const { design } = item;
      const phases = phaseTimes(design, usedMs);
      const drawing = drawings.get(index);
      const recording = recordings?.get(index);
      return {
        questionId: item.questionId,
        title: titles[item.questionId] ?? item.questionId,
        topic: item.topic,
        kind: item.kind,
        difficulty: item.difficulty,
        budgetSeconds: item.budgetSeconds,
        usedMs,
        answer: item.answer,
        ...(item.code && { code: item.code }),
        ...(item.drill && { drill: item.drill }),
        ...(phases && { phases }),
        ...(design !== undefined && { design }),
        ...(drawing && { drawing }),
        ...(recording && { recording }),
      };
    }),
  };
}

export type ParseResult<T> = { ok: true; value: T; warnings: string[] } | { ok: false; message: string };

const FORMAT_NAMES: Record<string, string> = {
  [REVIEW_FORMAT]: 'a mock to review',
  [GRADES_FORMAT]: 'a friend’s grades',
};

/** JSON text to an object with the expected format and version, or the message a person needs. */
function readEnvelope(text: string, format: string): { ok: true; value: unknown } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not a Drillbook file: it is not valid JSON (it may be cut short).' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, message: 'This file is not a Drillbook peer-review file.' };
  const found = (value as { format?: unknown }).format;
  if (found !== format) {
    const name = typeof found === 'string' ? FORMAT_NAMES[found] : undefined;
    return {
      ok: false,
      message: name
        ? `This file holds ${name}, not ${FORMAT_NAMES[format]}. Pick the other file.`
        : `This file is not ${FORMAT_NAMES[format]} from Drillbook.`,
    };
  }
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && version > PEER_FILE_VERSION)
    return {
      ok: false,
      message: `This file was made by a newer Drillbook (format version ${version}; this one reads version ${PEER_FILE_VERSION}). Update Drillbook (reload the page) and try again.`,
    };
  return { ok: true, value };
}

function problemsOf(error: z.core.$ZodError): string {
  const first = error.issues[0];
  if (!first) return 'unknown problem';
  const [head, index, ...rest] = first.path.map(String);
  // "items.1.answer" reads as "question 2, answer" to a person.
  const where =
    head === 'items' && index !== undefined
      ? [`question ${Number(index) + 1}`, ...rest].join(', ')
      : first.path.join('.') || 'the file';
  return `${where}: ${first.message.toLowerCase()}`;
}

export function parsePeerReviewFile(text: string): ParseResult<PeerReviewFile> {
  const envelope = readEnvelope(text, REVIEW_FORMAT);
  if (!envelope.ok) return envelope;
  const parsed = incomingReviewSchema.safeParse(envelope.value);
  if (!parsed.success)
    return { ok: false, message: `This review file is damaged and cannot be opened (${problemsOf(parsed.error)}).` };
  const warnings: string[] = [];
  const items = parsed.data.items.map((incoming, index): PeerReviewItem => {
    const { drawing, recording, ...item } = incoming;
    const out: PeerReviewItem = item;
    if (drawing !== undefined) {
      const read = readDrawing(drawing);
      if (read.status === 'ok') out.drawing = read.drawing;
      else warnings.push(`The drawing of question ${index + 1} is damaged and was left out.`);
    }
    if (recording !== undefined) {
      const read = recordingSchema.safeParse(recording);
      if (read.success) out.recording = read.data;
      else warnings.push(`The recording of question ${index + 1} is damaged and was left out.`);
    }
    return out;
  });
  return { ok: true, value: { ...parsed.data, items }, warnings };
}

export interface ReviewerGrading {
  reviewer: string;
  items: { rating?: Rating; covered: boolean[]; comment: string }[];
}

export function buildPeerGradesFile(review: PeerReviewFile, grading: ReviewerGrading, now: number): PeerGradesFile {
  return {
    format: GRADES_FORMAT,
    version: PEER_FILE_VERSION,
    mockId: review.mock.id,
    mockTitle: review.mock.title,
    reviewer: grading.reviewer.trim(),
    gradedAt: now,
    items: review.items.map((item, index) => {
      const grade = grading.items[index];
      return {
        index,
        questionId: item.questionId,
        ...(grade?.rating !== undefined && { rating: grade.rating }),
        covered: grade?.covered ?? [],
        comment: grade?.comment.trim() ?? '',
      };
    }),
  };
}

/** A grades file, checked against the mock it should belong to. */
export function parsePeerGradesFile(
  text: string,
  mock: Pick<MockSession, 'id' | 'items'> & { config: { title: string } },
): ParseResult<PeerGradesFile> {
  const envelope = readEnvelope(text, GRADES_FORMAT);
  if (!envelope.ok) return envelope;
  const parsed = gradesSchema.safeParse(envelope.value);
  if (!parsed.success)
    return { ok: false, message: `This grades file is damaged and cannot be read (${problemsOf(parsed.error)}).` };
  const grades = parsed.data;
  if (grades.mockId !== mock.id)
    return {
      ok: false,
      message: `These grades are for another mock (“${grades.mockTitle}”), not “${mock.config.title}”. Nothing was imported.`,
    };
  const warnings: string[] = [];
  const items = grades.items.filter((g) => {
    const fits = mock.items[g.index]?.questionId === g.questionId;
    if (!fits) warnings.push(`A grade for a question not in this mock (${g.questionId}) was left out.`);
    return fits;
  });
  return { ok: true, value: { ...grades, items }, warnings };
}

/** The reviewer as the report names them. */
export function reviewerName(grades: Pick<PeerGradesFile, 'reviewer'>): string {
  return grades.reviewer.trim() || 'Your friend';
}

export function coveredCount(grade: Pick<PeerItemGrade, 'covered'>): number {
  return grade.covered.filter(Boolean).length;
}

/** "Sam’s grade: Good, 5 of 7 rubric points": the words the report shows for one question. */
export function peerGradeText(who: string, grade: PeerItemGrade | undefined): string {
  if (!grade) return `${who} did not grade this question.`;
  const rated = grade.rating ? RATING_NAMES[grade.rating] : 'no grade';
  const rubric = grade.covered.length > 0 ? `, ${coveredCount(grade)} of ${grade.covered.length} rubric points` : '';
  return `${who}’s grade: ${rated}${rubric}${grade.comment ? ', comment:' : '.'}`;
}

/** A file name from a title: letters, digits and dashes only, never empty. */
export function peerFileName(title: string, suffix: 'for-review' | 'grades'): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .toLowerCase();
  return `${stem || 'mock'}-${suffix}.drillbook.json`;
}

/** "840 B", "12 KB", "3.4 MB": a file size as a person reads it. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Base64 length of n bytes (recordings travel as base64 text). */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

/** Bytes to base64, in chunks so a long recording does not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
