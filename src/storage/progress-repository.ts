/**
 * The progress store: the append-only review log in IndexedDB, the card-state cache derived
 * from it, and settings. Every write happens in one transaction that also checks the card has
 * not been graded elsewhere (another tab) since the caller last saw it.
 */
import { applyRating, newCardState, rebuildCardStates, replayCard } from '../srs/scheduler';
import {
  type CardState,
  DEFAULT_SETTINGS,
  type Rating,
  type ReviewRecord,
  type ReviewSource,
  type Settings,
} from '../srs/types';
import { type Backup, mergeReview } from './backup';
import { type DrillbookDb, openDrillbookDb, StorageOpenError } from './db';

const REQUIRED_STORES = ['reviews', 'settings', 'cards', 'kv'] as const;

export class ConflictError extends Error {
  constructor(readonly questionId: string) {
    super('This card was just graded in another tab. The queue has been refreshed.');
  }
}

export class StorageFullError extends Error {
  constructor() {
    super('Your browser storage is full, so this was not saved. Free some space and try again.');
  }
}

export interface GradeInput {
  questionId: string;
  rating: Rating;
  source: ReviewSource;
  durationMs: number;
  now: number;
  /** The card's lastReviewId as the caller saw it (undefined for a new card). */
  expectedLastReviewId: string | undefined;
}

function wrapQuotaError(error: unknown): never {
  if ((error as DOMException)?.name === 'QuotaExceededError') throw new StorageFullError();
  throw error;
}

export function newReviewId(): string {
  return crypto.randomUUID();
}

/** The new review record and card state for a grading: shared by the IndexedDB and in-memory stores. */
export function gradedRecord(
  current: CardState | undefined,
  input: GradeInput,
  retention: number,
): { record: ReviewRecord; card: CardState } {
  const record: ReviewRecord = {
    id: newReviewId(),
    questionId: input.questionId,
    time: input.now,
    rating: input.rating,
    source: input.source,
    durationMs: Math.max(0, Math.round(input.durationMs)),
    retention,
  };
  const card = applyRating(
    current ?? newCardState(input.questionId, input.now),
    input.now,
    input.rating,
    retention,
    record.id,
  );
  return { record, card };
}

/** What every progress store offers: the IndexedDB one, or the in-memory one when storage is unavailable. */
export type ProgressStore = Pick<
  ProgressRepository,
  | 'getSettings'
  | 'saveSettings'
  | 'loadCards'
  | 'reviewsSince'
  | 'allReviews'
  | 'reviewsOf'
  | 'grade'
  | 'undo'
  | 'rebuildCardCache'
  | 'importBackup'
  | 'getValue'
  | 'setValue'
  | 'deleteValue'
  | 'valuesWithPrefix'
  | 'allValues'
  | 'close'
>;

export class ProgressRepository {
  private constructor(readonly db: DrillbookDb) {}

  static async open(): Promise<ProgressRepository> {
    const db = await openDrillbookDb();
    // A database at our version but without our stores was damaged or made by something else.
    const missing = REQUIRED_STORES.filter((name) => !db.objectStoreNames.contains(name));
    if (missing.length > 0) {
      db.close();
      throw new StorageOpenError('damaged', `Your progress database is damaged (missing: ${missing.join(', ')}).`);
    }
    const repo = new ProgressRepository(db);
    const stale = await repo.db.get('kv', 'cards-stale');
    if (stale?.value) await repo.rebuildCardCache();
    return repo;
  }

  close(): void {
    this.db.close();
  }

  async getSettings(): Promise<Settings> {
    const stored = await this.db.get('settings', 'settings');
    return { ...DEFAULT_SETTINGS, ...stored?.value };
  }

  async saveSettings(settings: Settings): Promise<void> {
    await this.db.put('settings', { key: 'settings', value: settings }).catch(wrapQuotaError);
  }

  async loadCards(): Promise<Map<string, CardState>> {
    const cards = await this.db.getAll('cards');
    return new Map(cards.map((c) => [c.questionId, c]));
  }

  async reviewsSince(time: number): Promise<ReviewRecord[]> {
    const records = await this.db.getAllFromIndex('reviews', 'by-time', IDBKeyRange.lowerBound(time));
    return records.filter((r) => r.undoneAt === undefined);
  }

  async allReviews(): Promise<ReviewRecord[]> {
    return this.db.getAll('reviews');
  }

  /** One question's gradings, through the by-question index (a drill page needs only its own). */
  async reviewsOf(questionId: string): Promise<ReviewRecord[]> {
    return this.db.getAllFromIndex('reviews', 'by-question', questionId);
  }

  /** Appends a grading and updates the card's cached state, atomically. */
  async grade(input: GradeInput, retention: number): Promise<{ record: ReviewRecord; card: CardState }> {
    const tx = this.db.transaction(['reviews', 'cards'], 'readwrite');
    const current = await tx.objectStore('cards').get(input.questionId);
    if (current?.lastReviewId !== input.expectedLastReviewId) {
      await tx.done;
      throw new ConflictError(input.questionId);
    }
    const { record, card } = gradedRecord(current, input, retention);
    try {
      await Promise.all([tx.objectStore('reviews').add(record), tx.objectStore('cards').put(card), tx.done]);
    } catch (error) {
      wrapQuotaError(error);
    }
    return { record, card };
  }

  /**
   * Marks the card's latest grading as undone and restores the state before it. Only the latest
   * live grading of a card can be undone, so another tab's newer grading is never lost.
   */
  async undo(reviewId: string, now: number): Promise<CardState | undefined> {
    const tx = this.db.transaction(['reviews', 'cards'], 'readwrite');
    const reviews = tx.objectStore('reviews');
    const record = await reviews.get(reviewId);
    const card = record ? await tx.objectStore('cards').get(record.questionId) : undefined;
    if (!record || record.undoneAt !== undefined || card?.lastReviewId !== reviewId) {
      await tx.done.catch(() => {});
      if (record) throw new ConflictError(record.questionId);
      return undefined;
    }
    await reviews.put({ ...record, undoneAt: now });
    const history = (await reviews.index('by-question').getAll(record.questionId)).filter((r) => r.id !== reviewId);
    const live = history.filter((r) => r.undoneAt === undefined);
    let restored: CardState | undefined;
    if (live.length === 0) await tx.objectStore('cards').delete(record.questionId);
    else {
      restored = replayCard(record.questionId, live);
      await tx.objectStore('cards').put(restored);
    }
    await tx.done.catch(wrapQuotaError);
    return restored;
  }

  /** Recomputes every cached card state from the log (after a migration or an import). */
  async rebuildCardCache(): Promise<void> {
    const states = rebuildCardStates(await this.db.getAll('reviews'));
    const tx = this.db.transaction(['cards', 'kv'], 'readwrite');
    await tx.objectStore('cards').clear();
    for (const state of states.values()) tx.objectStore('cards').put(state);
    tx.objectStore('kv').delete('cards-stale');
    await tx.done.catch(wrapQuotaError);
  }

  /**
   * Imports a backup in one transaction: merge adds what is missing (by record id), replace
   * swaps everything. Card states are rebuilt inside the same transaction, so a failure
   * anywhere leaves the stored data exactly as it was.
   */
  async importBackup(backup: Backup, mode: 'merge' | 'replace'): Promise<{ added: number }> {
    const tx = this.db.transaction(['reviews', 'cards', 'settings', 'kv'], 'readwrite');
    const reviews = tx.objectStore('reviews');
    let added = 0;
    if (mode === 'replace') {
      await Promise.all([reviews.clear(), tx.objectStore('kv').clear(), tx.objectStore('settings').clear()]);
      tx.objectStore('settings').put({ key: 'settings', value: backup.settings });
    } else if (!(await tx.objectStore('settings').getKey('settings'))) {
      // Merging into a browser that never saved settings: take the backup's rather than defaults.
      tx.objectStore('settings').put({ key: 'settings', value: backup.settings });
    }
    // One read of what is stored, then writes without waiting on each: a request round trip per
    // review made a 20,000-review merge take 17 s.
    const stored = new Map<string, ReviewRecord>(
      mode === 'replace' ? [] : (await reviews.getAll()).map((r) => [r.id, r] as const),
    );
    const writes: Promise<unknown>[] = [];
    for (const incoming of backup.reviews) {
      const merged = mergeReview(stored.get(incoming.id), incoming);
      if (merged) {
        writes.push(reviews.put(merged));
        stored.set(merged.id, merged);
        added++;
      }
    }
    const keys = new Set(mode === 'replace' ? [] : await tx.objectStore('kv').getAllKeys());
    for (const entry of backup.values) {
      if (!keys.has(entry.key)) writes.push(tx.objectStore('kv').put(entry));
    }
    await Promise.all(writes);
    const states = rebuildCardStates([...stored.values()]);
    await tx.objectStore('cards').clear();
    for (const state of states.values()) tx.objectStore('cards').put(state);
    try {
      await tx.done;
    } catch (error) {
      wrapQuotaError(error);
    }
    return { added };
  }

  async getValue<T>(key: string): Promise<T | undefined> {
    return (await this.db.get('kv', key))?.value as T | undefined;
  }

  async setValue(key: string, value: unknown): Promise<void> {
    await this.db.put('kv', { key, value }).catch(wrapQuotaError);
  }

  async deleteValue(key: string): Promise<void> {
    await this.db.delete('kv', key);
  }

  /** Every small record whose key starts with `prefix` (e.g. all mocks). */
  async valuesWithPrefix<T>(prefix: string): Promise<{ key: string; value: T }[]> {
    const records = await this.db.getAll('kv', IDBKeyRange.bound(prefix, `${prefix}\uffff`));
    return records as { key: string; value: T }[];
  }

  async allValues(): Promise<{ key: string; value: unknown }[]> {
    return this.db.getAll('kv');
  }
}
