/**
 * Every kind of record Drillbook stores, defined once: its zod schema, its version and numbered
 * migrations (through `versionedRecord`), where it lives, and whether it travels in the backup.
 *
 * The review log and settings have their own object stores; everything else is a key-value
 * record (`kv` store, `{ key, value, version }`) found by key prefix or exact key. A stored
 * value without a `version` was written before versions existed and counts as version 1.
 *
 * Adding a kind (e.g. `drawing:<scope>`, `recording:<scope>`):
 *   1. define `versionedRecord({ version: 1, schema })` and add an entry to KV_RECORD_KINDS with
 *      its key prefix and noun (used in messages: "1 drawing could not be read and was skipped");
 *   2. set `inBackup: false` for anything that must not go into the JSON backup (Blobs such as
 *      audio recordings cannot be written as JSON): export leaves those records out and import
 *      ignores them;
 *   3. read and write it with the repository's getValue/setValue: setValue stamps the current
 *      version, getValue migrates older ones and returns undefined for damaged or newer ones
 *      (readEntry gives the reason, to report it); readValue says 'absent', 'ok' or 'damaged'
 *      (with the reason), for a screen that must not take an unreadable record for an empty one.
 * Changing a kind's shape: bump `version`, add `migrations[newVersion]` (old value -> new value),
 * keep a sample of the old shape in tests/fixtures and a test that reads it.
 * Reviews (hundreds of thousands) and settings carry no version per record: a backup states
 * theirs in `recordVersions`, and in the database a change of the review shape comes with a
 * database migration (db.ts) that runs `reviewRecord.read` over both review stores.
 */
import * as z from 'zod/mini';
import { reviewRecordSchema, settingsSchema } from '../srs/record-schemas';
import { designPracticeSchema, drawingSchema, recordingSchema } from './design-record-schemas';
import { mockSessionSchema } from './mock-record-schema';
import { type RecordRead, type VersionedRecord, versionedRecord } from './versioned-record';

export { settingsSchema };

export const reviewRecord = versionedRecord({ version: 1, schema: reviewRecordSchema });

export const settingsRecord = versionedRecord({ version: 1, schema: settingsSchema });

/** What the user told the study-plan set-up, kept so Settings can show and change it. */
export const planChoicesSchema = z.object({
  /** "YYYY-MM-DD", or undefined for "no date yet". */
  interviewDate: z.optional(z.string()),
  minutesPerDay: z.number().check(z.nonnegative()),
  role: z.string(),
});

/** The onboarding record kept its own `version: 1` field from before record versions existed. */
export const onboardingSchema = z.union([
  z.object({ version: z.literal(1), skipped: z.literal(true), at: z.number() }),
  z.object({
    version: z.literal(1),
    skipped: z.literal(false),
    at: z.number(),
    choices: planChoicesSchema,
    reasons: z.array(z.string()),
  }),
]);
export const onboardingRecord = versionedRecord({ version: 1, schema: onboardingSchema });

export const mockRecord = versionedRecord({ version: 1, schema: mockSessionSchema });
const textRecord = versionedRecord({ version: 1, schema: z.string() });

export interface RecordKind {
  name: string;
  /** Singular and plural, for messages. */
  noun: readonly [string, string];
  /** `prefix` matches `mock:<id>`; `exact` matches one key. */
  key: { prefix: string } | { exact: string };
  record: VersionedRecord<unknown>;
  /** False for records that must stay out of the JSON backup (Blobs, caches). */
  inBackup: boolean;
}

export const KV_RECORD_KINDS: readonly RecordKind[] = [
  { name: 'mock', noun: ['mock', 'mocks'], key: { prefix: 'mock:' }, record: mockRecord, inBackup: true },
  {
    name: 'mock-active',
    noun: ['pointer to the running mock', 'pointers to the running mock'],
    key: { exact: 'mock-active' },
    record: textRecord,
    inBackup: true,
  },
  { name: 'draft', noun: ['draft', 'drafts'], key: { prefix: 'draft:' }, record: textRecord, inBackup: true },
  {
    name: 'onboarding',
    noun: ['study plan', 'study plans'],
    key: { exact: 'onboarding' },
    record: onboardingRecord,
    inBackup: true,
  },
  {
    name: 'interview-date',
    noun: ['interview date', 'interview dates'],
    key: { exact: 'interview-date' },
    record: versionedRecord({ version: 1, schema: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)) }),
    inBackup: true,
  },
  {
    name: 'drawing',
    noun: ['drawing', 'drawings'],
    key: { prefix: 'drawing:' },
    record: versionedRecord({ version: 1, schema: drawingSchema }),
    inBackup: true,
  },
  {
    name: 'design-practice',
    noun: ['design round', 'design rounds'],
    key: { prefix: 'design-practice:' },
    record: versionedRecord({ version: 1, schema: designPracticeSchema }),
    inBackup: true,
  },
  {
    // Audio Blobs: too large for a JSON file, and personal; they stay on this device.
    name: 'recording',
    noun: ['recording', 'recordings'],
    key: { prefix: 'recording:' },
    record: versionedRecord({ version: 1, schema: recordingSchema }),
    inBackup: false,
  },
  {
    // Marks the card cache as needing a rebuild from the log: this browser's business only.
    name: 'cards-stale',
    noun: ['cache marker', 'cache markers'],
    key: { exact: 'cards-stale' },
    record: versionedRecord({ version: 1, schema: z.boolean() }),
    inBackup: false,
  },
];

export function kindOfKey(key: string, kinds: readonly RecordKind[] = KV_RECORD_KINDS): RecordKind | undefined {
  return kinds.find((kind) => ('prefix' in kind.key ? key.startsWith(kind.key.prefix) : key === kind.key.exact));
}

/** A key-value record as stored and as written in a backup. */
export interface StoredEntry {
  key: string;
  value: unknown;
  /** Absent: written before records had versions (version 1), or a key no kind claims. */
  version?: number;
}

/** The entry to store for a value: stamped with its kind's current version. */
export function storedEntry(key: string, value: unknown, kinds: readonly RecordKind[] = KV_RECORD_KINDS): StoredEntry {
  const version = kindOfKey(key, kinds)?.record.version;
  return version === undefined ? { key, value } : { key, value, version };
}

/** Reads a stored entry through its kind (migrated and validated); keys no kind claims pass as they are. */
export function readEntry(entry: StoredEntry, kinds: readonly RecordKind[] = KV_RECORD_KINDS): RecordRead<unknown> {
  const kind = kindOfKey(entry.key, kinds);
  if (!kind) return { ok: true, value: entry.value, fromVersion: entry.version ?? 1 };
  return kind.record.read(entry.value, entry.version);
}

export function countNoun(count: number, noun: readonly [string, string]): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? noun[0] : noun[1]}`;
}
