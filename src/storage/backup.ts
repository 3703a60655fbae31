/**
 * The backup file: one JSON document with a format name and version holding the whole review
 * log, settings and key-value records (drafts, mocks, the study plan). Reading never throws:
 * a file that cannot be a backup becomes a message, and a damaged record inside a good file is
 * skipped and reported ("1 mock could not be read and was skipped") while the rest imports.
 *
 * Format versions (fixtures of each in tests/fixtures/backups, all still import):
 *   1  records without versions (read as version 1 of every kind);
 *   2  `recordVersions` gives the version of the reviews and the settings, and each value
 *      carries its own `version`; records whose kind has `inBackup: false` are left out.
 */
import * as z from 'zod/mini';
import type { ReviewRecord, Settings } from '../srs/types';
import {
  countNoun,
  KV_RECORD_KINDS,
  kindOfKey,
  type RecordKind,
  readEntry,
  reviewRecord,
  type StoredEntry,
  settingsRecord,
} from './record-kinds';

export { settingsSchema } from './record-kinds';

export const BACKUP_FORMAT = 'drillbook-backup';
export const BACKUP_VERSION = 2;
/** Near the longest string Chromium can hold (2^29 characters): about 2,500,000 reviews. */
export const MAX_BACKUP_BYTES = 400 * 1024 * 1024;

/**
 * A backup as the app holds it once read: every record at its kind's current version. Not one zod
 * schema: the file is read record by record (each through its kind's schema), so a damaged record
 * is skipped and reported instead of failing the whole file.
 */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  recordVersions: { review: number; settings: number };
  /** Absent when the file's settings could not be read (merge keeps yours, replace uses defaults). */
  settings?: Settings;
  reviews: ReviewRecord[];
  values: StoredEntry[];
}

export type ParsedBackup = { ok: true; backup: Backup; problems: string[] } | { ok: false; message: string };

export interface ImportProgress {
  phase: 'reading' | 'checking' | 'saving' | 'rebuilding';
  done: number;
  total: number;
}

export function createBackup(
  settings: Settings,
  reviews: ReviewRecord[],
  values: StoredEntry[],
  now: number,
  kinds: readonly RecordKind[] = KV_RECORD_KINDS,
): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    recordVersions: { review: reviewRecord.version, settings: settingsRecord.version },
    settings,
    reviews,
    values: values.filter((entry) => kindOfKey(entry.key, kinds)?.inBackup !== false),
  };
}

const entryShape = z.object({
  key: z.string().check(z.minLength(1)),
  value: z.unknown(),
  version: z.optional(z.number()),
});

const CHECK_CHUNK = 20_000;

/** A named duration on the page's performance timeline (`drillbook:<name>`), read by scripts/bench-import.ts. */
export function measureSince(name: string, start: number): void {
  try {
    performance.measure(`drillbook:${name}`, { start, end: performance.now() });
  } catch {
    // Timelines are a nicety for the bench; never let one break an import.
  }
}
const SETTINGS_NOUN = ['settings', 'settings'] as const;

type Problem = 'damaged' | 'newer' | 'duplicate';

/** "1 mock could not be read and was skipped." */
export function problemMessage(noun: readonly [string, string], reason: Problem, count: number): string {
  const what = noun === SETTINGS_NOUN ? 'The settings' : countNoun(count, noun);
  const was = count === 1 && noun !== SETTINGS_NOUN ? 'was' : 'were';
  if (reason === 'duplicate')
    return `${what} appeared twice; the extra ${count === 1 ? 'copy was' : 'copies were'} skipped.`;
  if (reason === 'newer') return `${what} ${was} written by a newer version of Drillbook and ${was} skipped.`;
  return `${what} could not be read and ${was} skipped.`;
}

/**
 * The reading of a backup as steps: yields progress every few thousand records so a caller can
 * show it and let the page breathe (parseBackupAsync), or run it straight through (parseBackup).
 */
function* readBackupSteps(
  text: string,
  byteSize: number,
  kinds: readonly RecordKind[],
): Generator<ImportProgress, ParsedBackup> {
  if (byteSize > MAX_BACKUP_BYTES) {
    return {
      ok: false,
      message: `This file is ${(byteSize / 1048576).toFixed(1)} MB; a Drillbook backup is at most ${MAX_BACKUP_BYTES / 1048576} MB.`,
    };
  }
  let data: unknown;
  const parseStart = performance.now();
  try {
    data = JSON.parse(text);
    measureSince('backup-parse', parseStart);
  } catch {
    return { ok: false, message: 'This file is not valid JSON. It may be truncated or not a Drillbook backup.' };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, message: 'This is not a Drillbook backup (it has no "format": "drillbook-backup").' };
  }
  const file = data as Record<string, unknown>;
  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > BACKUP_VERSION) {
    return {
      ok: false,
      message: `This backup has format version ${String(version)}, which this version of Drillbook cannot read (it reads versions 1 to ${BACKUP_VERSION}). Update Drillbook and try again.`,
    };
  }
  for (const field of ['reviews', 'values'] as const) {
    if (!Array.isArray(file[field])) {
      return { ok: false, message: `This backup is damaged: it has no list of ${field}.` };
    }
  }
  const rawVersions = version >= 2 && typeof file.recordVersions === 'object' ? file.recordVersions : undefined;
  const versionOf = (name: 'review' | 'settings'): number | undefined => {
    const v = (rawVersions as Record<string, unknown> | undefined)?.[name];
    return typeof v === 'number' ? v : undefined;
  };
  const rawReviews = file.reviews as unknown[];
  const rawValues = file.values as unknown[];
  const total = rawReviews.length + rawValues.length;
  yield { phase: 'checking', done: 0, total };
  const checkStart = performance.now();

  // Problems are counted per kind and reason, then said once each.
  const problems = new Map<string, { noun: readonly [string, string]; reason: Problem; count: number }>();
  const note = (noun: readonly [string, string], reason: Problem) => {
    const entry = problems.get(`${noun[0]}|${reason}`);
    if (entry) entry.count++;
    else problems.set(`${noun[0]}|${reason}`, { noun, reason, count: 1 });
  };

  const settingsRead = settingsRecord.read(file.settings, versionOf('settings'));
  if (!settingsRead.ok) note(SETTINGS_NOUN, settingsRead.reason);

  const reviewVersion = versionOf('review');
  const reviews: ReviewRecord[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < rawReviews.length; i++) {
    const read = reviewRecord.read(rawReviews[i], reviewVersion);
    if (!read.ok) note(['review', 'reviews'], read.reason);
    else if (ids.has(read.value.id)) note(['review', 'reviews'], 'duplicate');
    else {
      ids.add(read.value.id);
      reviews.push(read.value);
    }
    if ((i + 1) % CHECK_CHUNK === 0) yield { phase: 'checking', done: i + 1, total };
  }

  const values: StoredEntry[] = [];
  const keys = new Set<string>();
  for (const raw of rawValues) {
    const shape = entryShape.safeParse(raw);
    if (!shape.success || keys.has(shape.data.key)) {
      note(['saved item', 'saved items'], 'damaged');
      continue;
    }
    const kind = kindOfKey(shape.data.key, kinds);
    // Older files carried this browser's caches; they have no place in another one.
    if (kind?.inBackup === false) continue;
    const read = readEntry(shape.data, kinds);
    if (!read.ok) {
      note(kind?.noun ?? ['saved item', 'saved items'], read.reason);
      continue;
    }
    keys.add(shape.data.key);
    values.push(
      kind
        ? { key: shape.data.key, value: read.value, version: kind.record.version }
        : { key: shape.data.key, value: shape.data.value },
    );
  }
  measureSince('backup-check', checkStart);
  yield { phase: 'checking', done: total, total };

  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: typeof file.exportedAt === 'string' ? file.exportedAt : '',
      recordVersions: { review: reviewRecord.version, settings: settingsRecord.version },
      settings: settingsRead.ok ? settingsRead.value : undefined,
      reviews,
      values,
    },
    problems: [...problems.values()].map(({ noun, reason, count }) => problemMessage(noun, reason, count)),
  };
}

export function parseBackup(text: string, byteSize = text.length, kinds = KV_RECORD_KINDS): ParsedBackup {
  const steps = readBackupSteps(text, byteSize, kinds);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Lets the page paint between chunks of work (setTimeout(0) is clamped to 4 ms when nested). */
export function yieldToPage(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/** parseBackup in steps, reporting progress and yielding to the page between them. */
export async function parseBackupAsync(
  text: string,
  byteSize: number,
  onProgress: (progress: ImportProgress) => void = () => {},
  kinds = KV_RECORD_KINDS,
): Promise<ParsedBackup> {
  onProgress({ phase: 'reading', done: 0, total: 0 });
  await yieldToPage();
  const steps = readBackupSteps(text, byteSize, kinds);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress(step.value);
    await yieldToPage();
  }
}

export interface BackupSummary {
  reviews: number;
  undone: number;
  questions: number;
  firstReview?: number;
  lastReview?: number;
  values: number;
}

export function summariseBackup(backup: Pick<Backup, 'reviews' | 'values'>): BackupSummary {
  // One loop, not Math.min(...times): spreading 200,000 arguments overflows the call stack.
  let firstReview: number | undefined;
  let lastReview: number | undefined;
  let live = 0;
  const questions = new Set<string>();
  for (const review of backup.reviews) {
    if (review.undoneAt !== undefined) continue;
    live++;
    questions.add(review.questionId);
    if (firstReview === undefined || review.time < firstReview) firstReview = review.time;
    if (lastReview === undefined || review.time > lastReview) lastReview = review.time;
  }
  return {
    reviews: live,
    undone: backup.reviews.length - live,
    questions: questions.size,
    firstReview,
    lastReview,
    values: backup.values.length,
  };
}

/** Merging by id: a record known on both sides keeps the undo mark if either side has one. */
export function mergeReview(existing: ReviewRecord | undefined, incoming: ReviewRecord): ReviewRecord | undefined {
  if (!existing) return incoming;
  if (existing.undoneAt === undefined && incoming.undoneAt !== undefined)
    return { ...existing, undoneAt: incoming.undoneAt };
  return undefined;
}

/** What a backup holds, in words: "58 reviews, 3 mocks, 12 drafts". */
export function describeBackup(backup: Pick<Backup, 'reviews' | 'values'>): string {
  const count = (prefix: string) => backup.values.filter((v) => v.key.startsWith(prefix)).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [
    plural(backup.reviews.length, 'review'),
    plural(count('mock:'), 'mock'),
    plural(count('draft:'), 'draft'),
  ].join(', ');
}
