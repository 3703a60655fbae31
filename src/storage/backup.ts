/**
 * The backup file: one JSON document with a format name and version holding the whole review
 * log, settings and small records (drafts, mock history). Parsing never throws: every way a file
 * can be wrong becomes a message for the user.
 */
import * as z from 'zod/mini';
import type { ReviewRecord, Settings } from '../srs/types';
import { RETENTION_RANGE } from '../srs/types';

export const BACKUP_FORMAT = 'drillbook-backup';
export const BACKUP_VERSION = 1;
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  settings: Settings;
  reviews: ReviewRecord[];
  values: { key: string; value: unknown }[];
}

const reviewSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  questionId: z.string().check(z.minLength(1), z.maxLength(200)),
  time: z.number().check(z.int(), z.nonnegative()),
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  source: z.enum(['review', 'mock', 'drill']),
  durationMs: z.number().check(z.nonnegative()),
  retention: z.number().check(z.gte(RETENTION_RANGE.min), z.lte(RETENTION_RANGE.max)),
  undoneAt: z.optional(z.number().check(z.int(), z.nonnegative())),
});

export const settingsSchema = z.object({
  desiredRetention: z.number().check(z.gte(RETENTION_RANGE.min), z.lte(RETENTION_RANGE.max)),
  newPerDay: z.number().check(z.int(), z.gte(0), z.lte(9999)),
  maxReviewsPerDay: z.number().check(z.int(), z.gte(0), z.lte(99999)),
  dayStartHour: z.number().check(z.int(), z.gte(0), z.lte(23)),
  topics: z.array(z.string()),
});

const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.string(),
  settings: settingsSchema,
  reviews: z.array(reviewSchema),
  values: z.array(z.object({ key: z.string().check(z.minLength(1)), value: z.unknown() })),
});

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; message: string };

export function createBackup(
  settings: Settings,
  reviews: ReviewRecord[],
  values: Backup['values'],
  now: number,
): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    settings,
    reviews,
    values,
  };
}

export function parseBackup(text: string, byteSize = text.length): ParsedBackup {
  if (byteSize > MAX_BACKUP_BYTES) {
    return {
      ok: false,
      message: `This file is ${(byteSize / 1048576).toFixed(1)} MB; a Drillbook backup is at most 50 MB.`,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not valid JSON. It may be truncated or not a Drillbook backup.' };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, message: 'This is not a Drillbook backup (it has no "format": "drillbook-backup").' };
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version !== 'number' || version > BACKUP_VERSION) {
    return {
      ok: false,
      message: `This backup has format version ${String(version)}, which this version of Drillbook cannot read (it reads version ${BACKUP_VERSION}). Update Drillbook and try again.`,
    };
  }
  const parsed = backupSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `This backup is damaged: ${issue.path.join('.') || 'file'}: ${issue.message}.` };
  }
  const ids = new Set<string>();
  for (const review of parsed.data.reviews) {
    if (ids.has(review.id)) return { ok: false, message: `This backup is damaged: review ${review.id} appears twice.` };
    ids.add(review.id);
  }
  return { ok: true, backup: parsed.data as Backup };
}

export interface BackupSummary {
  reviews: number;
  undone: number;
  questions: number;
  firstReview?: number;
  lastReview?: number;
  values: number;
}

export function summariseBackup(backup: Backup): BackupSummary {
  const live = backup.reviews.filter((r) => r.undoneAt === undefined);
  // A loop, not Math.min(...times): spreading 200,000 arguments overflows the call stack.
  let firstReview: number | undefined;
  let lastReview: number | undefined;
  for (const { time } of live) {
    if (firstReview === undefined || time < firstReview) firstReview = time;
    if (lastReview === undefined || time > lastReview) lastReview = time;
  }
  return {
    reviews: live.length,
    undone: backup.reviews.length - live.length,
    questions: new Set(live.map((r) => r.questionId)).size,
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
