/**
 * Storage running out in the middle of an import. fake-indexeddb has no quota, so the store of
 * imported review batches is given a budget of puts: the put that exceeds it aborts its
 * transaction with QuotaExceededError, as Chromium does when the disk is full.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rebuildCardStates } from '../../src/srs/scheduler';
import { DEFAULT_SETTINGS, type ReviewRecord } from '../../src/srs/types';
import { createBackup } from '../../src/storage/backup';
import {
  IMPORT_BATCH,
  ImportInterruptedError,
  ProgressRepository,
  StorageFullError,
} from '../../src/storage/progress-repository';

const T0 = Date.UTC(2026, 0, 5, 10);
const review = (i: number): ReviewRecord => ({
  id: `r${i}`,
  questionId: `q${i % 50}`,
  time: T0 + i * 60_000,
  rating: ((i % 4) + 1) as ReviewRecord['rating'],
  source: 'review',
  durationMs: 1000,
  retention: 0.9,
});

const originalPut = IDBObjectStore.prototype.put;
let budget = Number.POSITIVE_INFINITY;

function limitReviewStore(batches: number) {
  budget = batches;
  IDBObjectStore.prototype.put = function put(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name === 'review-batches' && budget-- <= 0) {
      const tx = this.transaction as IDBTransaction & { _abort(name: string): void; full?: boolean };
      if (!tx.full) {
        tx.full = true;
        queueMicrotask(() => tx._abort('QuotaExceededError'));
      }
      return {} as IDBRequest<IDBValidKey>;
    }
    return originalPut.apply(this, args);
  };
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  IDBObjectStore.prototype.put = originalPut;
});

async function profileWithThreeReviews() {
  const repo = await ProgressRepository.open();
  await repo.importBackup(createBackup(DEFAULT_SETTINGS, [0, 1, 2].map(review), [], T0), 'merge');
  await repo.setValue('draft:q1:python', 'mine');
  return repo;
}

describe('storage full during an import', () => {
  it('a merge keeps what it saved in whole batches, loses nothing earlier, says how far it got, and a retry adds the rest', async () => {
    const repo = await profileWithThreeReviews();
    const incoming = Array.from({ length: 3 * IMPORT_BATCH }, (_, i) => review(i));
    const backup = createBackup(DEFAULT_SETTINGS, incoming, [], T0);
    limitReviewStore(1); // room for one batch

    const error = await repo.importBackup(backup, 'merge').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportInterruptedError);
    expect((error as Error).message).toMatch(/5,000 of 14,997 new reviews were saved before it ran out/);
    expect((error as Error).message).toMatch(/Nothing you had before was lost/);

    const stored = await repo.allReviews();
    expect(stored).toHaveLength(3 + IMPORT_BATCH);
    expect(stored.filter((r) => ['r0', 'r1', 'r2'].includes(r.id))).toHaveLength(3);
    expect(await repo.getValue('draft:q1:python')).toBe('mine');
    expect(await repo.loadCards()).toEqual(rebuildCardStates(stored));

    // Space freed: the same file again adds exactly what is missing.
    IDBObjectStore.prototype.put = originalPut;
    const { added } = await repo.importBackup(backup, 'merge');
    expect(added).toBe(3 * IMPORT_BATCH - 3 - IMPORT_BATCH);
    expect(await repo.allReviews()).toHaveLength(3 * IMPORT_BATCH);
    expect(await repo.getValue('cards-stale')).toBeUndefined();
  });

  it('a replace that runs out of space changes nothing', async () => {
    const repo = await profileWithThreeReviews();
    const backup = createBackup(
      { ...DEFAULT_SETTINGS, newPerDay: 3 },
      Array.from({ length: 2 * IMPORT_BATCH }, (_, i) => review(100 + i)),
      [],
      T0,
    );
    const cards = await repo.loadCards();
    limitReviewStore(1);
    await expect(repo.importBackup(backup, 'replace')).rejects.toBeInstanceOf(StorageFullError);
    IDBObjectStore.prototype.put = originalPut;
    expect((await repo.allReviews()).map((r) => r.id).sort()).toEqual(['r0', 'r1', 'r2']);
    expect(await repo.loadCards()).toEqual(cards);
    expect(await repo.getValue('draft:q1:python')).toBe('mine');
    expect((await repo.getSettings()).newPerDay).toBe(DEFAULT_SETTINGS.newPerDay);
  });

  it('reports progress while merging, batch by batch, then the rebuild', async () => {
    const repo = await ProgressRepository.open();
    const phases: string[] = [];
    const backup = createBackup(
      DEFAULT_SETTINGS,
      Array.from({ length: 2 * IMPORT_BATCH + 1 }, (_, i) => review(i)),
      [],
      T0,
    );
    await repo.importBackup(backup, 'merge', {
      onProgress: ({ phase, done, total }) => phases.push(`${phase} ${done}/${total}`),
    });
    expect(phases).toEqual([
      'saving 0/10001',
      'saving 5000/10001',
      'saving 10000/10001',
      'saving 10001/10001',
      'rebuilding 0/10001',
      'rebuilding 10001/10001',
    ]);
  });
});
