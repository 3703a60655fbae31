/** Imported reviews live in batches; every read, undo and merge sees one log across both stores. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { rebuildCardStates, replayCard } from '../../src/srs/scheduler';
import { DEFAULT_SETTINGS, type ReviewRecord } from '../../src/srs/types';
import { createBackup } from '../../src/storage/backup';
import { IMPORT_BATCH, ProgressRepository } from '../../src/storage/progress-repository';

const T0 = Date.UTC(2026, 0, 5, 10);
const HOUR = 3_600_000;
const review = (id: string, questionId: string, time: number, extra: Partial<ReviewRecord> = {}): ReviewRecord => ({
  id,
  questionId,
  time,
  rating: 3,
  source: 'review',
  durationMs: 1000,
  retention: 0.9,
  ...extra,
});

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

async function withImported(reviews: ReviewRecord[]) {
  const repo = await ProgressRepository.open();
  await repo.importBackup(createBackup(DEFAULT_SETTINGS, reviews, [], T0), 'merge');
  return repo;
}

describe('imported review batches', () => {
  it('are stored a batch per few thousand reviews, not one record each', async () => {
    const many = Array.from({ length: IMPORT_BATCH + 1 }, (_, i) => review(`r${i}`, `q${i % 7}`, T0 + i));
    const repo = await withImported(many);
    expect(await repo.db.count('review-batches')).toBe(2);
    expect(await repo.db.count('reviews')).toBe(0);
    expect(await repo.allReviews()).toHaveLength(IMPORT_BATCH + 1);
  });

  it('a question’s gradings and the recent ones come from both stores', async () => {
    const repo = await withImported([review('old', 'softmax', T0), review('other', 'lru', T0 + HOUR)]);
    const { record } = await repo.grade(
      {
        questionId: 'softmax',
        rating: 4,
        source: 'review',
        durationMs: 1,
        now: T0 + 2 * HOUR,
        expectedLastReviewId: 'old',
      },
      0.9,
    );
    expect((await repo.reviewsOf('softmax')).map((r) => r.id).sort()).toEqual(['old', record.id].sort());
    expect((await repo.reviewsSince(T0 + HOUR)).map((r) => r.id).sort()).toEqual(['other', record.id].sort());
  });

  it('undoing a grading made after an import restores the state from the imported history', async () => {
    const repo = await withImported([review('old', 'softmax', T0)]);
    const before = (await repo.loadCards()).get('softmax');
    const { record } = await repo.grade(
      {
        questionId: 'softmax',
        rating: 1,
        source: 'review',
        durationMs: 1,
        now: T0 + HOUR,
        expectedLastReviewId: 'old',
      },
      0.9,
    );
    const restored = await repo.undo(record.id, T0 + HOUR + 1);
    expect(restored).toEqual(before);
    expect(restored).toEqual(replayCard('softmax', [review('old', 'softmax', T0)]));
  });

  it('a merge carries an undo mark onto an imported review without copying it twice', async () => {
    const repo = await withImported([review('a', 'softmax', T0), review('b', 'softmax', T0 + HOUR)]);
    const { added } = await repo.importBackup(
      createBackup(DEFAULT_SETTINGS, [review('b', 'softmax', T0 + HOUR, { undoneAt: T0 + 2 * HOUR })], [], T0),
      'merge',
    );
    expect(added).toBe(1);
    const all = await repo.allReviews();
    expect(all).toHaveLength(2);
    expect(all.find((r) => r.id === 'b')?.undoneAt).toBe(T0 + 2 * HOUR);
    expect(await repo.loadCards()).toEqual(rebuildCardStates(all));
  });

  it('replace empties both stores', async () => {
    const repo = await withImported([review('a', 'softmax', T0)]);
    await repo.grade(
      { questionId: 'lru', rating: 3, source: 'review', durationMs: 1, now: T0, expectedLastReviewId: undefined },
      0.9,
    );
    await repo.importBackup(createBackup(DEFAULT_SETTINGS, [review('z', 'pca', T0)], [], T0), 'replace');
    expect((await repo.allReviews()).map((r) => r.id)).toEqual(['z']);
    expect([...(await repo.loadCards()).keys()]).toEqual(['pca']);
  });
});
