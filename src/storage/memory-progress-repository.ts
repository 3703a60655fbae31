/**
 * The progress store kept in memory, used only when IndexedDB cannot be opened (private mode,
 * a database from a newer version, a damaged one): the app keeps working for this tab and a
 * banner says that nothing will be kept.
 */
import { rebuildCardStates, replayCard } from '../srs/scheduler';
import { type CardState, DEFAULT_SETTINGS, type ReviewRecord, type Settings } from '../srs/types';
import { type Backup, mergeReview } from './backup';
import {
  ConflictError,
  type GradeInput,
  gradedRecord,
  type ImportOptions,
  type ImportResult,
  type PrefixedValue,
  type ProgressStore,
  readableValues,
  type ValueRead,
  valueRead,
} from './progress-repository';
import { type StoredEntry, storedEntry } from './record-kinds';

export class MemoryProgressRepository implements ProgressStore {
  /** Undefined until settings are saved or a backup brings some: a merge takes the backup's only then. */
  private settings: Settings | undefined;
  private reviews = new Map<string, ReviewRecord>();
  private cards = new Map<string, CardState>();
  private values = new Map<string, StoredEntry>();

  close(): void {}

  async getSettings(): Promise<Settings> {
    return { ...(this.settings ?? DEFAULT_SETTINGS) };
  }

  async saveSettings(settings: Settings): Promise<void> {
    this.settings = { ...settings };
  }

  async loadCards(): Promise<Map<string, CardState>> {
    return new Map(this.cards);
  }

  async reviewsSince(time: number): Promise<ReviewRecord[]> {
    return [...this.reviews.values()].filter((r) => r.time >= time && r.undoneAt === undefined);
  }

  async allReviews(): Promise<ReviewRecord[]> {
    return [...this.reviews.values()];
  }

  async reviewsOf(questionId: string): Promise<ReviewRecord[]> {
    return (await this.allReviews()).filter((r) => r.questionId === questionId);
  }

  async grade(input: GradeInput, retention: number): Promise<{ record: ReviewRecord; card: CardState }> {
    const current = this.cards.get(input.questionId);
    if (current?.lastReviewId !== input.expectedLastReviewId) throw new ConflictError(input.questionId);
    const result = gradedRecord(current, input, retention);
    this.reviews.set(result.record.id, result.record);
    this.cards.set(input.questionId, result.card);
    return result;
  }

  async undo(reviewId: string, now: number): Promise<CardState | undefined> {
    const record = this.reviews.get(reviewId);
    if (!record || record.undoneAt !== undefined || this.cards.get(record.questionId)?.lastReviewId !== reviewId) {
      if (record) throw new ConflictError(record.questionId);
      return undefined;
    }
    this.reviews.set(reviewId, { ...record, undoneAt: now });
    const live = [...this.reviews.values()].filter(
      (r) => r.questionId === record.questionId && r.undoneAt === undefined,
    );
    if (live.length === 0) {
      this.cards.delete(record.questionId);
      return undefined;
    }
    const restored = replayCard(record.questionId, live);
    this.cards.set(record.questionId, restored);
    return restored;
  }

  async rebuildCardCache(): Promise<void> {
    this.cards = rebuildCardStates([...this.reviews.values()]);
  }

  async importBackup(backup: Backup, mode: 'merge' | 'replace', options: ImportOptions = {}): Promise<ImportResult> {
    if (mode === 'replace') {
      this.reviews.clear();
      this.values.clear();
      this.settings = structuredClone(backup.settings ?? DEFAULT_SETTINGS);
    } else if (this.settings === undefined && backup.settings) {
      // As the IndexedDB store does: a merge brings the backup's settings only into a tab that never saved any.
      this.settings = structuredClone(backup.settings);
    }
    let added = 0;
    for (const incoming of backup.reviews) {
      const merged = mergeReview(this.reviews.get(incoming.id), incoming);
      if (merged) {
        this.reviews.set(merged.id, merged);
        added++;
      }
    }
    for (const entry of backup.values) if (!this.values.has(entry.key)) this.values.set(entry.key, entry);
    options.onProgress?.({ phase: 'saving', done: added, total: added });
    await this.rebuildCardCache();
    return { added };
  }

  async getValue<T>(key: string): Promise<T | undefined> {
    const read = await this.readValue<T>(key);
    return read.state === 'ok' ? read.value : undefined;
  }

  async readValue<T>(key: string): Promise<ValueRead<T>> {
    return valueRead<T>(this.values.get(key));
  }

  async setValue(key: string, value: unknown): Promise<void> {
    this.values.set(key, storedEntry(key, structuredClone(value)));
  }

  async deleteValue(key: string): Promise<void> {
    this.values.delete(key);
  }

  async valuesWithPrefix<T>(prefix: string): Promise<PrefixedValue<T>[]> {
    return readableValues<T>(
      [...this.values.values()].filter(({ key }) => key.startsWith(prefix)).sort((a, b) => (a.key < b.key ? -1 : 1)),
    );
  }

  async allValues(): Promise<StoredEntry[]> {
    return [...this.values.values()];
  }
}
