/**
 * The IndexedDB database: schema, numbered migrations, and what can go wrong when opening it.
 * Every migration runs in order from the stored version up, so a database of any earlier
 * version opens and is brought up to date.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import type { CardState, ReviewRecord, Settings } from '../srs/types';

export const DB_NAME = 'drillbook';
export const DB_VERSION = 3;

/** A key-value record; `version` is its kind's record version (absent: version 1, see record-kinds.ts). */
export interface KeyValue {
  key: string;
  value: unknown;
  version?: number;
}

/**
 * Imported reviews, a few thousand per stored record. Part of the same append-only log as the
 * `reviews` store (a review id lives in exactly one of the two); Chromium pays per request, so
 * 200,000 single puts took about 45 s here where 40 batch puts take well under a second.
 */
export interface ReviewBatch {
  id: string;
  reviews: ReviewRecord[];
  /** Each question graded in the batch once (a multi-entry index finds a question's batches). */
  questionIds: string[];
  lastTime: number;
}

export interface DrillbookSchema extends DBSchema {
  reviews: { key: string; value: ReviewRecord; indexes: { 'by-question': string; 'by-time': number } };
  'review-batches': { key: string; value: ReviewBatch; indexes: { 'by-question': string; 'by-last-time': number } };
  settings: { key: string; value: { key: 'settings'; value: Settings; version?: number } };
  cards: { key: string; value: CardState };
  kv: { key: string; value: KeyValue };
}

export type DrillbookDb = IDBPDatabase<DrillbookSchema>;
type UpgradeTx = IDBPTransaction<DrillbookSchema, StoreNames<DrillbookSchema>[], 'versionchange'>;

/** migrations[n] brings a database from version n-1 to n. */
export const MIGRATIONS: Record<number, (db: DrillbookDb, tx: UpgradeTx) => void> = {
  1: (db) => {
    const reviews = db.createObjectStore('reviews', { keyPath: 'id' });
    reviews.createIndex('by-question', 'questionId');
    reviews.createIndex('by-time', 'time');
    db.createObjectStore('settings', { keyPath: 'key' });
  },
  2: (db) => {
    // The card-state cache (derived from the log; rebuilt on open when marked stale) and a
    // key-value store for drafts and other small records.
    db.createObjectStore('cards', { keyPath: 'questionId' });
    db.createObjectStore('kv', { keyPath: 'key' });
  },
  3: (db) => {
    const batches = db.createObjectStore('review-batches', { keyPath: 'id' });
    batches.createIndex('by-question', 'questionIds', { multiEntry: true });
    batches.createIndex('by-last-time', 'lastTime');
  },
};

/** A batch record for imported reviews (see ReviewBatch). */
export function reviewBatch(reviews: ReviewRecord[]): ReviewBatch {
  let lastTime = 0;
  const questionIds = new Set<string>();
  for (const review of reviews) {
    questionIds.add(review.questionId);
    if (review.time > lastTime) lastTime = review.time;
  }
  return { id: `batch-${crypto.randomUUID()}`, reviews, questionIds: [...questionIds], lastTime };
}

export type OpenFailure = 'unavailable' | 'newer-version' | 'blocked' | 'damaged';

export class StorageOpenError extends Error {
  constructor(
    readonly reason: OpenFailure,
    message: string,
  ) {
    super(message);
  }
}

export async function openDrillbookDb(): Promise<DrillbookDb> {
  if (typeof indexedDB === 'undefined') {
    throw new StorageOpenError(
      'unavailable',
      'This browser will not let Drillbook store data (private browsing, or storage turned off).',
    );
  }
  try {
    return await openDB<DrillbookSchema>(DB_NAME, DB_VERSION, {
      upgrade(db, oldVersion, newVersion, tx) {
        for (let version = oldVersion + 1; version <= (newVersion ?? DB_VERSION); version++) {
          MIGRATIONS[version]?.(db, tx);
        }
        if (oldVersion > 0) tx.objectStore('kv').put({ key: 'cards-stale', value: true });
      },
      blocked() {
        // An older tab holds the database open at an older version; it closes on versionchange.
      },
      blocking() {},
    });
  } catch (error) {
    const name = (error as DOMException)?.name;
    if (name === 'VersionError') {
      throw new StorageOpenError(
        'newer-version',
        'Your progress was saved by a newer version of Drillbook. Reload to get the newest version.',
      );
    }
    if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError') {
      throw new StorageOpenError(
        'unavailable',
        'This browser will not let Drillbook store data (private browsing, or storage turned off).',
      );
    }
    throw new StorageOpenError('damaged', `The progress database could not be opened: ${(error as Error).message}`);
  }
}
