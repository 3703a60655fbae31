/**
 * Reads whatever can still be read from a progress database Drillbook cannot use (made by a
 * newer version, or damaged), store by store, into a backup-shaped file. Opening without a
 * version never upgrades or changes the database.
 */
import { openDB } from 'idb';
import { DEFAULT_SETTINGS } from '../srs/types';
import { BACKUP_FORMAT, BACKUP_VERSION } from './backup';
import { DB_NAME } from './db';
import { reviewRecord } from './record-kinds';

export interface RescueResult {
  file: Record<string, unknown>;
  /** Stores that could not be read, by name. */
  unreadable: string[];
  reviews: number;
}

export async function rescueExport(now: number): Promise<RescueResult> {
  const db = await openDB(DB_NAME);
  const read = async (store: string): Promise<unknown[] | undefined> => {
    if (!db.objectStoreNames.contains(store)) return undefined;
    try {
      return await db.getAll(store);
    } catch {
      return undefined;
    }
  };
  try {
    const [own, batches, settings, values] = await Promise.all([
      read('reviews'),
      read('review-batches'),
      read('settings'),
      read('kv'),
    ]);
    // Imported reviews sit in batches of many (a store that older databases do not have).
    const imported = (batches ?? []).flatMap((batch) => (batch as { reviews?: unknown[] }).reviews ?? []);
    const reviews = own && [...own, ...imported];
    const stores = { reviews: own, settings, kv: values };
    const unreadable = Object.keys(stores).filter((name) => stores[name as keyof typeof stores] === undefined);
    const storedSettings = settings?.[0] as { value?: unknown; version?: number } | undefined;
    return {
      file: {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exportedAt: new Date(now).toISOString(),
        // The database may be newer than this app: its record versions go along as they are,
        // and the backup reader skips, with a message, whatever it cannot read.
        recordVersions: { review: reviewRecord.version, settings: storedSettings?.version ?? 1 },
        settings: storedSettings?.value ?? DEFAULT_SETTINGS,
        reviews: reviews ?? [],
        values: values ?? [],
        rescuedFromDatabaseVersion: db.version,
      },
      unreadable,
      reviews: reviews?.length ?? 0,
    };
  } finally {
    db.close();
  }
}
