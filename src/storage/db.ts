/**
 * The IndexedDB database: schema, numbered migrations, and what can go wrong when opening it.
 * Every migration runs in order from the stored version up, so a database of any earlier
 * version opens and is brought up to date.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import type { CardState, ReviewRecord, Settings } from '../srs/types';

export const DB_NAME = 'drillbook';
export const DB_VERSION = 2;

/** A key-value record; `version` is its kind's record version (absent: version 1, see record-kinds.ts). */
export interface KeyValue {
  key: string;
  value: unknown;
  version?: number;
}

export interface DrillbookSchema extends DBSchema {
  reviews: { key: string; value: ReviewRecord; indexes: { 'by-question': string; 'by-time': number } };
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
};

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
