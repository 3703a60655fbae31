/**
 * The progress service: the only door to stored progress for screens and stores. It offers the
 * progress store's reads, and every write tells this tab and the other open tabs what changed, so
 * no caller can forget to (the dashboard's pace button once did). Mocks and graded answers from
 * outside the review screen are written here too.
 */

import type { Rating, ReviewRecord, ReviewSource, Settings } from '../srs/types';
import type { Backup } from '../storage/backup';
import { type MockSession, mockSessionSchema } from '../storage/mock-record-schema';
import {
  ConflictError,
  type GradeInput,
  type ImportOptions,
  type ImportResult,
  type ProgressStore,
} from '../storage/progress-repository';
import { broadcastChannel, type ChangeChannel, type ProgressChange } from './change-channel';

export type { ValueRead } from '../storage/progress-repository';
export { ConflictError, ImportInterruptedError, StorageFullError } from '../storage/progress-repository';
export type { ProgressChange } from './change-channel';

export const MOCK_PREFIX = 'mock:';
const ACTIVE_MOCK_KEY = 'mock-active';

/**
 * Mocks can arrive from an imported backup, so a stored record is checked in full before any
 * screen uses it: a damaged one is skipped, never allowed to crash the report or the dashboard.
 */
export function isMockSession(value: unknown): value is MockSession {
  return mockSessionSchema.safeParse(value).success;
}

export class ProgressService {
  private readonly listeners = new Set<(change: ProgressChange) => void>();
  private readonly stopListening: () => void;

  constructor(
    private readonly store: ProgressStore,
    private readonly channel: ChangeChannel = broadcastChannel(),
  ) {
    this.stopListening = channel.listen((change) => this.notify(change));
  }

  /** Hears every change, made in this tab or in another one; returns the function that stops it. */
  onChange(listener: (change: ProgressChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.stopListening();
    this.store.close();
  }

  // Reads

  getSettings = () => this.store.getSettings();
  loadCards = () => this.store.loadCards();
  reviewsSince = (time: number) => this.store.reviewsSince(time);
  allReviews = () => this.store.allReviews();
  reviewsOf = (questionId: string) => this.store.reviewsOf(questionId);
  getValue = <T>(key: string) => this.store.getValue<T>(key);
  /** Absent, readable or damaged: for screens that must not overwrite a record they could not read. */
  readValue = <T>(key: string) => this.store.readValue<T>(key);
  valuesWithPrefix = <T>(prefix: string) => this.store.valuesWithPrefix<T>(prefix);
  allValues = () => this.store.allValues();

  // Writes: each one announces itself

  saveSettings = async (settings: Settings): Promise<void> => {
    await this.store.saveSettings(settings);
    this.emit({ kinds: ['settings'] });
  };

  /** Changes some settings, keeping the rest as stored now. */
  updateSettings = async (patch: Partial<Settings>): Promise<Settings> => {
    const next = { ...(await this.store.getSettings()), ...patch };
    await this.saveSettings(next);
    return next;
  };

  grade = async (input: GradeInput, retention: number) => {
    const result = await this.store.grade(input, retention);
    this.emit({ kinds: ['reviews'], questionIds: [input.questionId] });
    return result;
  };

  undo = async (reviewId: string, now: number) => {
    const card = await this.store.undo(reviewId, now);
    this.emit({ kinds: ['reviews'], questionIds: card ? [card.questionId] : [] });
    return card;
  };

  /**
   * Grades one answer from outside the review screen (a drill submit, a mock's self-assessment, a
   * question page). A conflict only means another tab graded this card a moment ago: it grades on top.
   */
  recordGrade = async (
    questionId: string,
    rating: Rating,
    source: ReviewSource,
    durationMs: number,
    now: () => number = Date.now,
  ): Promise<ReviewRecord> => {
    const settings = await this.store.getSettings();
    const attempt = async () => {
      const card = (await this.store.loadCards()).get(questionId);
      return this.store.grade(
        { questionId, rating, source, durationMs, now: now(), expectedLastReviewId: card?.lastReviewId },
        settings.desiredRetention,
      );
    };
    const { record } = await attempt().catch((error) =>
      error instanceof ConflictError ? attempt() : Promise.reject(error),
    );
    this.emit({ kinds: ['reviews'], questionIds: [questionId] });
    return record;
  };

  importBackup = async (backup: Backup, mode: 'merge' | 'replace', options?: ImportOptions): Promise<ImportResult> => {
    try {
      return await this.store.importBackup(backup, mode, options);
    } finally {
      // Even an interrupted import may have saved part of the file.
      this.emit({ kinds: ['reviews', 'settings', 'records'] });
    }
  };

  rebuildCardCache = async (): Promise<void> => {
    await this.store.rebuildCardCache();
    this.emit({ kinds: ['reviews'] });
  };

  setValue = async (key: string, value: unknown): Promise<void> => {
    await this.store.setValue(key, value);
    this.emit({ kinds: ['records'], keys: [key] });
  };

  deleteValue = async (key: string): Promise<void> => {
    await this.store.deleteValue(key);
    this.emit({ kinds: ['records'], keys: [key] });
  };

  // Mocks: `mock:<id>` records (so they travel in backups), and `mock-active` naming the one in progress

  loadMock = async (id: string): Promise<MockSession | undefined> => {
    const value = await this.store.getValue(MOCK_PREFIX + id);
    return isMockSession(value) ? value : undefined;
  };

  saveMock = async (session: MockSession): Promise<void> => {
    await this.store.setValue(MOCK_PREFIX + session.id, session);
    if (session.status === 'done') {
      if ((await this.store.getValue(ACTIVE_MOCK_KEY)) === session.id) await this.store.deleteValue(ACTIVE_MOCK_KEY);
    } else {
      await this.store.setValue(ACTIVE_MOCK_KEY, session.id);
    }
    this.emit({ kinds: ['records'], keys: [MOCK_PREFIX + session.id, ACTIVE_MOCK_KEY] });
  };

  /** Every stored mock, newest first (records that are not mocks, e.g. from a damaged import, are skipped). */
  listMocks = async (): Promise<MockSession[]> => {
    const records = await this.store.valuesWithPrefix<unknown>(MOCK_PREFIX);
    return records
      .map((r) => r.value)
      .filter(isMockSession)
      .sort((a, b) => b.createdAt - a.createdAt);
  };

  /** The mock in progress, if any. */
  activeMock = async (): Promise<MockSession | undefined> => {
    const id = await this.store.getValue<string>(ACTIVE_MOCK_KEY);
    if (typeof id !== 'string') return undefined;
    const session = await this.loadMock(id);
    return session && session.status !== 'done' ? session : undefined;
  };

  private emit(change: Partial<ProgressChange> & Pick<ProgressChange, 'kinds'>): void {
    const full: ProgressChange = { questionIds: [], keys: [], ...change };
    this.channel.post(full);
    this.notify(full);
  }

  private notify(change: ProgressChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }
}
