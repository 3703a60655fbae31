/**
 * The progress store: the append-only review log in IndexedDB, the card-state cache derived
 * from it, and settings. Every write happens in one transaction that also checks the card has
 * not been graded elsewhere (another tab) since the caller last saw it.
 */

import { unwrap } from 'idb';
import { applyRating, newCardState, rebuildCardStates, replayCard } from '../srs/scheduler';
import {
  type CardState,
  DEFAULT_SETTINGS,
  type Rating,
  type ReviewRecord,
  type ReviewSource,
  type Settings,
} from '../srs/types';
import { type Backup, type ImportProgress, measureSince, mergeReview, yieldToPage } from './backup';
import { type DrillbookDb, openDrillbookDb, type ReviewBatch, reviewBatch, StorageOpenError } from './db';
import { readEntry, type StoredEntry, settingsRecord, storedEntry } from './record-kinds';

const REQUIRED_STORES = ['reviews', 'review-batches', 'settings', 'cards', 'kv'] as const;

export class ConflictError extends Error {
  constructor(readonly questionId: string) {
    super('This card was just graded in another tab. The queue has been refreshed.');
  }
}

export class StorageFullError extends Error {
  constructor(message = 'Your browser storage is full, so this was not saved. Free some space and try again.') {
    super(message);
  }
}

/** A merge that ran out of space part-way: its message says how much was saved (nothing earlier is lost). */
export class ImportInterruptedError extends StorageFullError {}

/** Reviews written per transaction when merging: big enough to be fast, small enough to show progress. */
export const IMPORT_BATCH = 5_000;

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportResult {
  added: number;
}

function isQuotaError(error: unknown): boolean {
  return (error as DOMException)?.name === 'QuotaExceededError';
}

/** A merge that stopped because storage filled up: what was saved stays, nothing earlier was touched. */
export function partialMergeMessage(saved: number, total: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `Your browser storage is full: ${n(saved)} of ${n(total)} new reviews were saved before it ran out. Nothing you had before was lost; free some space and import the same file again to add the rest.`;
}

/** Settings as stored (any earlier version), or the defaults when there are none or they cannot be read. */
export function readSettings(entry: { value: unknown; version?: number } | undefined): Settings {
  if (!entry) return DEFAULT_SETTINGS;
  const read = settingsRecord.read(entry.value, entry.version);
  return read.ok ? read.value : DEFAULT_SETTINGS;
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
  | 'readValue'
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
    return { ...readSettings(await this.db.get('settings', 'settings')) };
  }

  async saveSettings(settings: Settings): Promise<void> {
    await this.db
      .put('settings', { key: 'settings', value: settings, version: settingsRecord.version })
      .catch(wrapQuotaError);
  }

  async loadCards(): Promise<Map<string, CardState>> {
    const cards = await this.db.getAll('cards');
    return new Map(cards.map((c) => [c.questionId, c]));
  }

  async reviewsSince(time: number): Promise<ReviewRecord[]> {
    const [own, batches] = await Promise.all([
      this.db.getAllFromIndex('reviews', 'by-time', IDBKeyRange.lowerBound(time)),
      this.db.getAllFromIndex('review-batches', 'by-last-time', IDBKeyRange.lowerBound(time)),
    ]);
    return own.concat(fromBatches(batches, (r) => r.time >= time)).filter((r) => r.undoneAt === undefined);
  }

  /** The whole log: graded here (`reviews`) and imported (`review-batches`). */
  async allReviews(): Promise<ReviewRecord[]> {
    const [own, batches] = await Promise.all([this.db.getAll('reviews'), this.db.getAll('review-batches')]);
    return own.concat(fromBatches(batches));
  }

  /** One question's gradings, through the by-question indexes (a drill page needs only its own). */
  async reviewsOf(questionId: string): Promise<ReviewRecord[]> {
    const [own, batches] = await Promise.all([
      this.db.getAllFromIndex('reviews', 'by-question', questionId),
      this.db.getAllFromIndex('review-batches', 'by-question', questionId),
    ]);
    return own.concat(fromBatches(batches, (r) => r.questionId === questionId));
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
    const tx = this.db.transaction(['reviews', 'review-batches', 'cards'], 'readwrite');
    const reviews = tx.objectStore('reviews');
    const record = await reviews.get(reviewId);
    const card = record ? await tx.objectStore('cards').get(record.questionId) : undefined;
    if (!record || record.undoneAt !== undefined || card?.lastReviewId !== reviewId) {
      await tx.done.catch(() => {});
      if (record) throw new ConflictError(record.questionId);
      return undefined;
    }
    await reviews.put({ ...record, undoneAt: now });
    const imported = await tx.objectStore('review-batches').index('by-question').getAll(record.questionId);
    const history = (await reviews.index('by-question').getAll(record.questionId))
      .concat(fromBatches(imported, (r) => r.questionId === record.questionId))
      .filter((r) => r.id !== reviewId);
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

  /** Recomputes every cached card state from the log (after a migration or an import); `log` if the caller holds it. */
  async rebuildCardCache(log?: ReviewRecord[]): Promise<void> {
    const states = rebuildCardStates(log ?? (await this.allReviews()));
    const tx = this.db.transaction(['cards', 'kv'], 'readwrite');
    await tx.objectStore('cards').clear();
    for (const state of states.values()) tx.objectStore('cards').put(state);
    tx.objectStore('kv').delete('cards-stale');
    await tx.done.catch(wrapQuotaError);
  }

  /**
   * Imports a backup. Replace swaps everything in one transaction, so a failure leaves the stored
   * data exactly as it was. Merge appends what is missing (by record id) as batch records of
   * IMPORT_BATCH reviews, one transaction each, then rebuilds the card cache once; the cache is
   * marked stale first, so an interrupted merge is rebuilt on the next open. A merge that runs
   * out of space keeps the batches already written (whole records of the append-only log) and
   * says how far it got.
   */
  async importBackup(backup: Backup, mode: 'merge' | 'replace', options: ImportOptions = {}): Promise<ImportResult> {
    return mode === 'replace' ? this.replaceWith(backup, options) : this.mergeIn(backup, options);
  }

  private async replaceWith(backup: Backup, { onProgress }: ImportOptions): Promise<ImportResult> {
    const db = unwrap(this.db);
    const total = backup.reviews.length;
    onProgress?.({ phase: 'rebuilding', done: 0, total });
    await yieldToPage();
    const rebuildStart = performance.now();
    const states = rebuildCardStates(backup.reviews);
    measureSince('backup-rebuild', rebuildStart);
    const writeStart = performance.now();
    const tx = db.transaction(['reviews', 'review-batches', 'cards', 'settings', 'kv'], 'readwrite');
    const batches = tx.objectStore('review-batches');
    const cards = tx.objectStore('cards');
    const kv = tx.objectStore('kv');
    for (const store of [tx.objectStore('reviews'), batches, cards, kv, tx.objectStore('settings')]) store.clear();
    tx.objectStore('settings').put({
      key: 'settings',
      value: backup.settings ?? DEFAULT_SETTINGS,
      version: settingsRecord.version,
    });
    for (let start = 0; start < total; start += IMPORT_BATCH) {
      const end = Math.min(start + IMPORT_BATCH, total);
      const request = batches.put(reviewBatch(backup.reviews.slice(start, end)));
      request.onsuccess = () => onProgress?.({ phase: 'saving', done: end, total });
    }
    for (const entry of backup.values) kv.put(entry);
    for (const state of states.values()) cards.put(state);
    await transactionDone(tx).catch(wrapQuotaError);
    measureSince('backup-replace', writeStart);
    onProgress?.({ phase: 'saving', done: total, total });
    return { added: total };
  }

  private async mergeIn(backup: Backup, { onProgress }: ImportOptions): Promise<ImportResult> {
    const db = unwrap(this.db);
    const mergeStart = performance.now();
    // Which reviews are new: the ids graded here (keys alone, cheap) and those in imported batches.
    const [ownIds, storedBatches] = await Promise.all([
      this.db.getAllKeys('reviews').then((keys) => new Set(keys)),
      this.db.getAll('review-batches'),
    ]);
    const batchOf = new Map<string, { batch: ReviewBatch; index: number }>();
    for (const batch of storedBatches) {
      for (const [index, review] of batch.reviews.entries()) batchOf.set(review.id, { batch, index });
    }
    const writes: ReviewRecord[] = [];
    const ownMarked: ReviewRecord[] = [];
    const toCompare: ReviewRecord[] = [];
    const changedBatches = new Set<ReviewBatch>();
    let markedInBatches = 0;
    for (const incoming of backup.reviews) {
      const inBatch = batchOf.get(incoming.id);
      if (inBatch) {
        // Known here: only an undo mark can travel over (mergeReview), never a second copy.
        const merged = mergeReview(inBatch.batch.reviews[inBatch.index], incoming);
        if (merged) {
          inBatch.batch.reviews[inBatch.index] = merged;
          changedBatches.add(inBatch.batch);
          markedInBatches++;
        }
      } else if (!ownIds.has(incoming.id)) writes.push(incoming);
      else if (incoming.undoneAt !== undefined) toCompare.push(incoming);
    }
    if (toCompare.length > 0) {
      const stored = await Promise.all(toCompare.map((r) => this.db.get('reviews', r.id)));
      toCompare.forEach((incoming, i) => {
        const merged = mergeReview(stored[i], incoming);
        if (merged) ownMarked.push(merged);
      });
    }
    const total = writes.length;
    const logChanges = total + ownMarked.length + markedInBatches;
    const storedKeys = new Set(await this.db.getAllKeys('kv'));
    const hasSettings = (await this.db.getKey('settings', 'settings')) !== undefined;

    // First transaction: the cache marker, the settings (only into a browser that never saved
    // any), the key-value records that are missing here, and undo marks on known reviews.
    try {
      const tx = db.transaction(['settings', 'kv', 'reviews', 'review-batches'], 'readwrite');
      if (logChanges > 0) tx.objectStore('kv').put(storedEntry('cards-stale', true));
      if (!hasSettings && backup.settings) {
        tx.objectStore('settings').put({ key: 'settings', value: backup.settings, version: settingsRecord.version });
      }
      for (const entry of backup.values) if (!storedKeys.has(entry.key)) tx.objectStore('kv').put(entry);
      for (const record of ownMarked) tx.objectStore('reviews').put(record);
      for (const batch of changedBatches) tx.objectStore('review-batches').put(batch);
      await transactionDone(tx);
    } catch (error) {
      wrapQuotaError(error);
    }

    let saved = 0;
    onProgress?.({ phase: 'saving', done: 0, total });
    while (saved < total) {
      const end = Math.min(saved + IMPORT_BATCH, total);
      const tx = db.transaction('review-batches', 'readwrite');
      tx.objectStore('review-batches').put(reviewBatch(writes.slice(saved, end)));
      try {
        await transactionDone(tx);
      } catch (error) {
        if (isQuotaError(error)) {
          await this.rebuildCardCache().catch(() => {}); // still stale if this fails: rebuilt on next open
          throw new ImportInterruptedError(partialMergeMessage(saved, total));
        }
        throw error;
      }
      saved = end;
      onProgress?.({ phase: 'saving', done: saved, total });
    }
    measureSince('backup-merge', mergeStart);
    // Nothing new in the log (the same file again): the card cache is still right.
    if (logChanges === 0) return { added: 0 };
    onProgress?.({ phase: 'rebuilding', done: 0, total });
    await yieldToPage();
    const rebuildStart = performance.now();
    // The imported part of the log is in memory already: read back only what was graded here.
    const log = (await this.db.getAll('reviews')).concat(fromBatches(storedBatches), writes);
    await this.rebuildCardCache(log);
    measureSince('backup-rebuild', rebuildStart);
    onProgress?.({ phase: 'rebuilding', done: total, total });
    return { added: logChanges };
  }

  async getValue<T>(key: string): Promise<T | undefined> {
    const read = await this.readValue<T>(key);
    return read.state === 'ok' ? read.value : undefined;
  }

  /** Like getValue, but tells a missing record from one that is stored and cannot be read. */
  async readValue<T>(key: string): Promise<ValueRead<T>> {
    return valueRead<T>(await this.db.get('kv', key));
  }

  async setValue(key: string, value: unknown): Promise<void> {
    await this.db.put('kv', storedEntry(key, value)).catch(wrapQuotaError);
  }

  async deleteValue(key: string): Promise<void> {
    await this.db.delete('kv', key);
  }

  /**
   * Every record whose key starts with `prefix` (e.g. all mocks): readable ones migrated to their
   * kind's current version, the others as stored and marked `readable: false` (listed, so they
   * can still be counted or deleted; callers check values before use).
   */
  async valuesWithPrefix<T>(prefix: string): Promise<PrefixedValue<T>[]> {
    const records = await this.db.getAll('kv', IDBKeyRange.bound(prefix, `${prefix}\uffff`));
    return readableValues<T>(records);
  }

  /** The key-value records as stored (with their versions), for a backup. */
  async allValues(): Promise<StoredEntry[]> {
    return this.db.getAll('kv');
  }
}

function fromBatches(batches: ReviewBatch[], keep?: (review: ReviewRecord) => boolean): ReviewRecord[] {
  const out: ReviewRecord[] = [];
  for (const batch of batches) for (const review of batch.reviews) if (!keep || keep(review)) out.push(review);
  return out;
}

/**
 * One key-value record as read: absent, readable (migrated to its kind's current version), or
 * stored but unreadable ('damaged' also covers a record written by a newer version), so a screen
 * can warn and leave it alone instead of treating it as empty and overwriting it.
 */
export type ValueRead<T> = { state: 'absent' } | { state: 'ok'; value: T } | { state: 'damaged'; reason: string };

export function valueRead<T>(entry: StoredEntry | undefined): ValueRead<T> {
  if (!entry) return { state: 'absent' };
  const read = readEntry(entry);
  return read.ok ? { state: 'ok', value: read.value as T } : { state: 'damaged', reason: read.message };
}

export interface PrefixedValue<T> {
  key: string;
  value: T;
  readable: boolean;
}

export function readableValues<T>(entries: StoredEntry[]): PrefixedValue<T>[] {
  return entries.map((entry) => {
    const read = readEntry(entry);
    return { key: entry.key, value: (read.ok ? read.value : entry.value) as T, readable: read.ok };
  });
}

/** Resolves when a raw transaction commits; rejects with its error (QuotaExceededError, AbortError). */
function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('The transaction was aborted.', 'AbortError'));
  });
}
