/** Backups at the scale the benchmarks use: previewing and merging 200,000 reviews neither crashes nor loses a review. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ReviewRecord } from '../../src/srs/types';
import { DEFAULT_SETTINGS } from '../../src/srs/types';
import { type Backup, createBackup, describeBackup, summariseBackup } from '../../src/storage/backup';
import { ProgressRepository } from '../../src/storage/progress-repository';

const START = Date.UTC(2025, 0, 1);

function backupWith(count: number): Backup {
  const reviews: ReviewRecord[] = Array.from({ length: count }, (_, i) => ({
    id: `r${i}`,
    questionId: `q${i % 500}`,
    time: START + i * 60_000,
    rating: ((i % 4) + 1) as ReviewRecord['rating'],
    source: 'review',
    durationMs: 20_000,
    retention: 0.9,
  }));
  return createBackup(DEFAULT_SETTINGS, reviews, [], START + count * 60_000);
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('backups at scale', () => {
  it('summarises a 200,000-review backup (Math.min over a spread overflowed the stack)', () => {
    const summary = summariseBackup(backupWith(200_000));
    expect(summary).toMatchObject({
      reviews: 200_000,
      questions: 500,
      firstReview: START,
      lastReview: START + 199_999 * 60_000,
    });
  });

  it('summarises a 1,000,000-review backup', () => {
    expect(summariseBackup(backupWith(1_000_000)).reviews).toBe(1_000_000);
  });

  it('merges 20,000 reviews into a store that already holds half of them, adding only the missing half', async () => {
    const repo = await ProgressRepository.open();
    const backup = backupWith(20_000);
    await repo.importBackup({ ...backup, reviews: backup.reviews.slice(0, 10_000) }, 'merge');
    const { added } = await repo.importBackup(backup, 'merge');
    expect(added).toBe(10_000);
    expect((await repo.allReviews()).length).toBe(20_000);
    expect((await repo.loadCards()).size).toBe(500);
  }, 120_000);
});

describe('what a backup holds, in words', () => {
  it('counts reviews, mocks and drafts', () => {
    const backup = backupWith(2);
    const values = [
      { key: 'mock:a', value: {} },
      { key: 'draft:softmax:python', value: 'x' },
      { key: 'draft:softmax:sql', value: 'y' },
      { key: 'interview-date', value: '2026-12-24' },
    ];
    expect(describeBackup({ ...backup, values })).toBe('2 reviews, 1 mock, 2 drafts');
  });
});
