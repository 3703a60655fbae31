import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { ProgressService } from '../../src/service/progress-service';
import { rebuildCardStates } from '../../src/srs/scheduler';
import type { ReviewRecord } from '../../src/srs/types';
import { createBackup, parseBackup } from '../../src/storage/backup';
import { DB_NAME, DB_VERSION, type DrillbookSchema, MIGRATIONS } from '../../src/storage/db';
import { ConflictError, ProgressRepository } from '../../src/storage/progress-repository';
import { gradeInput as grading } from '../support/progress-data';
import { channelHub } from '../support/progress-service';

const T0 = Date.UTC(2026, 0, 5, 10);
const HOUR = 3_600_000;

beforeEach(() => {
  // A fresh, empty browser profile for every test.
  globalThis.indexedDB = new IDBFactory();
});

describe('the progress store', () => {
  it('appends gradings to the log and keeps a card cache equal to a rebuild from the log', async () => {
    const repo = await ProgressRepository.open();
    let last: string | undefined;
    let now = T0;
    for (const rating of [3, 3, 1, 3, 4] as const) {
      const { card } = await repo.grade(grading('q1', rating, now, last), 0.9);
      last = card.lastReviewId;
      now = card.due + HOUR;
    }
    await repo.grade(grading('q2', 2, T0), 0.9);
    const log = await repo.allReviews();
    expect(log).toHaveLength(6);
    expect(log.every((r) => r.source === 'review' && r.durationMs === 4000 && r.retention === 0.9)).toBe(true);
    expect(await repo.loadCards()).toEqual(rebuildCardStates(log));
  });

  it('reads one question’s gradings alone, as its drill page needs', async () => {
    const repo = await ProgressRepository.open();
    await repo.grade(grading('q1', 3, T0), 0.9);
    await repo.grade(grading('q2', 1, T0), 0.9);
    const own = await repo.reviewsOf('q2');
    expect(own.map((r) => [r.questionId, r.rating])).toEqual([['q2', 1]]);
  });

  it('undo marks the record, restores the previous state and the log stays append-only', async () => {
    const repo = await ProgressRepository.open();
    const first = await repo.grade(grading('q1', 3, T0), 0.9);
    const before = (await repo.loadCards()).get('q1');
    const second = await repo.grade(grading('q1', 1, first.card.due, first.card.lastReviewId), 0.9);
    const restored = await repo.undo(second.record.id, first.card.due + 1000);
    expect(restored).toEqual(before);
    expect((await repo.loadCards()).get('q1')).toEqual(before);
    const log = await repo.allReviews();
    expect(log).toHaveLength(2);
    expect(log.find((r) => r.id === second.record.id)?.undoneAt).toBe(first.card.due + 1000);
    // Undoing the only grading of a card makes it new again.
    await repo.undo(first.record.id, T0 + 5 * HOUR);
    expect((await repo.loadCards()).has('q1')).toBe(false);
  });

  it('two tabs grading the same card: the second is refused, not counted twice, and nothing is lost', async () => {
    // Each tab's service over its own connection; the hub stands in for BroadcastChannel.
    const hub = channelHub();
    const tabA = new ProgressService(await ProgressRepository.open(), hub());
    const tabB = new ProgressService(await ProgressRepository.open(), hub());
    const heard: string[][] = [];
    const stop = tabB.onChange((change) => heard.push(change.questionIds));

    // Both tabs see q1 as new; A grades first, and B hears of it.
    const a = await tabA.grade(grading('q1', 3, T0), 0.9);
    await expect(tabB.grade(grading('q1', 4, T0 + 1000), 0.9)).rejects.toBeInstanceOf(ConflictError);
    expect(heard).toEqual([['q1']]);

    // B refreshes (as it does on the broadcast) and grades from the fresh state.
    const fresh = (await tabB.loadCards()).get('q1');
    expect(fresh?.lastReviewId).toBe(a.record.id);
    await tabB.grade(grading('q1', 3, a.card.due, fresh?.lastReviewId), 0.9);
    // Different cards never conflict.
    await tabA.grade(grading('q2', 3, T0 + 5), 0.9);
    expect(await tabA.allReviews()).toHaveLength(3);
    stop();
  });

  // Every earlier schema version, built by the migrations as they were, opens and keeps its data.
  const EARLIER_VERSIONS = Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 1);
  it.each(EARLIER_VERSIONS)(
    'migrates a version-%i database: keeps every review and rebuilds the card cache',
    async (version) => {
      const old = await openDB<DrillbookSchema>(DB_NAME, version, {
        upgrade(db, _from, _to, tx) {
          for (let v = 1; v <= version; v++) MIGRATIONS[v](db, tx);
        },
      });
      const reviews: ReviewRecord[] = [
        { id: 'a', questionId: 'q1', time: T0, rating: 3, source: 'review', durationMs: 1, retention: 0.9 },
        { id: 'b', questionId: 'q1', time: T0 + 600_000, rating: 3, source: 'review', durationMs: 1, retention: 0.9 },
        { id: 'c', questionId: 'q2', time: T0, rating: 1, source: 'review', durationMs: 1, retention: 0.85 },
      ];
      for (const r of reviews) await old.put('reviews', r);
      await old.put('settings', {
        key: 'settings',
        value: { desiredRetention: 0.85, newPerDay: 5, maxReviewsPerDay: 50, dayStartHour: 3, topics: [] },
      });
      if (old.objectStoreNames.contains('kv')) await old.put('kv', { key: 'draft:q1:python', value: 'x = 1' });
      old.close();

      const repo = await ProgressRepository.open();
      expect(repo.db.version).toBe(DB_VERSION);
      expect(await repo.allReviews()).toHaveLength(3);
      expect((await repo.getSettings()).newPerDay).toBe(5);
      expect(await repo.loadCards()).toEqual(rebuildCardStates(reviews));
      expect(await repo.getValue('cards-stale')).toBeUndefined();
      if (version >= 2) expect(await repo.getValue('draft:q1:python')).toBe('x = 1');
    },
  );
});

describe('backup export and import', () => {
  async function seeded() {
    const repo = await ProgressRepository.open();
    const first = await repo.grade(grading('q1', 3, T0), 0.9);
    await repo.grade(grading('q1', 3, first.card.due, first.card.lastReviewId), 0.9);
    await repo.grade(grading('q2', 1, T0 + HOUR), 0.9);
    await repo.saveSettings({ ...(await repo.getSettings()), newPerDay: 7 });
    await repo.setValue('draft:softmax:python', 'def softmax(x): ...');
    const backup = createBackup(
      await repo.getSettings(),
      await repo.allReviews(),
      await repo.allValues(),
      T0 + 2 * HOUR,
    );
    return { repo, text: JSON.stringify(backup) };
  }

  it('export then import into an empty browser gives back the same state', async () => {
    const { repo, text } = await seeded();
    const cards = await repo.loadCards();
    repo.close();
    globalThis.indexedDB = new IDBFactory();
    const empty = await ProgressRepository.open();
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.message);
    await empty.importBackup(parsed.backup, 'merge');
    expect(await empty.loadCards()).toEqual(cards);
    expect((await empty.getSettings()).newPerDay).toBe(7);
    expect(await empty.getValue('draft:softmax:python')).toBe('def softmax(x): ...');
  });

  it('merges by record id without duplicates, and replace swaps everything', async () => {
    const { repo, text } = await seeded();
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect((await repo.importBackup(parsed.backup, 'merge')).added).toBe(0);
    expect(await repo.allReviews()).toHaveLength(3);

    await repo.grade(grading('q3', 4, T0 + 3 * HOUR), 0.9);
    await repo.importBackup(parsed.backup, 'replace');
    expect(await repo.allReviews()).toHaveLength(3);
    expect((await repo.loadCards()).has('q3')).toBe(false);
  });

  it.each([
    ['malformed JSON', '{"format": "drillbook-backup", ', /not valid JSON/],
    ['a foreign JSON file', '{"name": "anki deck"}', /not a Drillbook backup/],
    ['a newer format version', '{"format": "drillbook-backup", "version": 99}', /format version 99/],
    ['an empty file', '', /not valid JSON/],
  ])('rejects %s with a clear message and changes nothing', async (_, given, message) => {
    const { repo } = await seeded();
    const result = parseBackup(given);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
    expect(await repo.allReviews()).toHaveLength(3);
  });

  it('skips a review with a bad rating, says so, and imports the rest', async () => {
    const { repo, text } = await seeded();
    const result = parseBackup(text.replace('"rating":3', '"rating":7'));
    if (!result.ok) throw new Error(result.message);
    expect(result.problems).toEqual(['1 review could not be read and was skipped.']);
    expect(result.backup.reviews).toHaveLength(2);
    repo.close();
    globalThis.indexedDB = new IDBFactory();
    const empty = await ProgressRepository.open();
    await empty.importBackup(result.backup, 'merge');
    expect(await empty.allReviews()).toHaveLength(2);
  });

  it('rejects an oversized file before reading it', () => {
    const result = parseBackup('{}', 500 * 1024 * 1024);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/at most 400 MB/) });
  });
});
