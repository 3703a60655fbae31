/** When the progress database cannot be used, the app keeps working in memory and says why. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DB_NAME, DB_VERSION } from '../../src/storage/db';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  // The connection is a per-page singleton: each test gets a fresh page's worth of modules.
  vi.resetModules();
});

async function freshModules() {
  const connection = await import('../../src/storage/progress-connection');
  const { MemoryProgressRepository } = await import('../../src/storage/memory-progress-repository');
  return { ...connection, MemoryProgressRepository };
}

const review = {
  id: 'kept',
  questionId: 'softmax',
  time: 1,
  rating: 3,
  source: 'review',
  durationMs: 1,
  retention: 0.9,
};

describe('opening a progress database that cannot be used', () => {
  it('a damaged database (stores missing): in-memory store, a "damaged" notice, and its reviews can be exported', async () => {
    const broken = await openDB(DB_NAME, DB_VERSION, {
      upgrade(db) {
        db.createObjectStore('reviews', { keyPath: 'id' });
      },
    });
    await broken.put('reviews', review);
    broken.close();

    const { progressRepository, useStorageStatus, MemoryProgressRepository } = await freshModules();
    const repo = await progressRepository();
    expect(repo).toBeInstanceOf(MemoryProgressRepository);
    expect(useStorageStatus.getState().problem).toEqual({
      reason: 'damaged',
      message: 'Your progress database is damaged (missing: review-batches, settings, cards, kv).',
    });
    // The app works on: a grading is kept for this tab.
    await repo.grade(
      { questionId: 'roc-auc', rating: 3, source: 'review', durationMs: 1, now: 5, expectedLastReviewId: undefined },
      0.9,
    );
    expect(await repo.allReviews()).toHaveLength(1);

    const { rescueExport } = await import('../../src/storage/rescue-export');
    const rescued = await rescueExport(10);
    expect(rescued.reviews).toBe(1);
    expect(rescued.unreadable).toEqual(['settings', 'kv']);
    expect(rescued.file.reviews).toEqual([review]);
  });

  it('a database from a newer version: in-memory store and a "newer-version" notice', async () => {
    (await openDB(DB_NAME, DB_VERSION + 5, { upgrade: (db) => void db.createObjectStore('reviews') })).close();
    const { progressRepository, useStorageStatus, MemoryProgressRepository } = await freshModules();
    expect(await progressRepository()).toBeInstanceOf(MemoryProgressRepository);
    expect(useStorageStatus.getState().problem?.reason).toBe('newer-version');
  });

  it('a healthy database opens normally with no notice', async () => {
    const { progressRepository, useStorageStatus, MemoryProgressRepository } = await freshModules();
    expect(await progressRepository()).not.toBeInstanceOf(MemoryProgressRepository);
    expect(useStorageStatus.getState().problem).toBeUndefined();
  });
});
