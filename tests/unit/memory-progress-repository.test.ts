/**
 * The in-memory progress store (the fallback when IndexedDB cannot be opened) must behave like
 * the IndexedDB one for everything a user does in that tab: the same tests run on both.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/srs/types';
import { createBackup } from '../../src/storage/backup';
import { MemoryProgressRepository } from '../../src/storage/memory-progress-repository';
import { ConflictError, ProgressRepository, type ProgressStore } from '../../src/storage/progress-repository';
import { storedEntry } from '../../src/storage/record-kinds';
import { gradeInput as grading, reviewRecord } from '../support/progress-data';

const T0 = Date.UTC(2026, 0, 5, 10);
const DAY = 86_400_000;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const stores: [string, () => Promise<ProgressStore>][] = [
  ['IndexedDB', () => ProgressRepository.open()],
  ['memory', async () => new MemoryProgressRepository()],
];

describe.each(stores)('the %s progress store', (_name, open) => {
  it('starts with the default settings and keeps a saved copy apart from the caller’s object', async () => {
    const store = await open();
    expect(await store.getSettings()).toEqual(DEFAULT_SETTINGS);
    const mine = { ...DEFAULT_SETTINGS, newPerDay: 5, topics: ['metrics'] };
    await store.saveSettings(mine);
    mine.newPerDay = 99;
    expect(await store.getSettings()).toEqual({ ...DEFAULT_SETTINGS, newPerDay: 5, topics: ['metrics'] });
  });

  it('keeps each question’s gradings, and refuses a grading based on a stale card', async () => {
    const store = await open();
    const first = await store.grade(grading('q1', 3, T0), 0.9);
    await store.grade(grading('q2', 1, T0 + 1000), 0.9);
    expect((await store.reviewsOf('q1')).map((r) => r.id)).toEqual([first.record.id]);
    await expect(store.grade(grading('q1', 3, T0 + DAY), 0.9)).rejects.toBeInstanceOf(ConflictError);
    await store.grade(grading('q1', 4, T0 + DAY, first.card.lastReviewId), 0.9);
    expect(await store.reviewsOf('q1')).toHaveLength(2);
  });

  it('undo puts the card back as it was before the last grading', async () => {
    const store = await open();
    const first = await store.grade(grading('q1', 3, T0), 0.9);
    const second = await store.grade(grading('q1', 1, T0 + DAY, first.card.lastReviewId), 0.9);
    const restored = await store.undo(second.record.id, T0 + DAY + 5);
    expect(restored).toEqual(first.card);
    expect((await store.loadCards()).get('q1')).toEqual(first.card);
    expect((await store.reviewsSince(0)).map((r) => r.id)).toEqual([first.record.id]);
    expect((await store.allReviews()).find((r) => r.id === second.record.id)?.undoneAt).toBe(T0 + DAY + 5);
  });

  it('undoing the only grading forgets the card; undoing again or out of turn is a conflict', async () => {
    const store = await open();
    const only = await store.grade(grading('q1', 3, T0), 0.9);
    expect(await store.undo(only.record.id, T0 + 5)).toBeUndefined();
    expect((await store.loadCards()).has('q1')).toBe(false);
    await expect(store.undo(only.record.id, T0 + 6)).rejects.toBeInstanceOf(ConflictError);

    const a = await store.grade(grading('q2', 3, T0), 0.9);
    await store.grade(grading('q2', 3, T0 + DAY, a.card.lastReviewId), 0.9);
    await expect(store.undo(a.record.id, T0 + DAY)).rejects.toBeInstanceOf(ConflictError);
    expect(await store.undo('no-such-review', T0)).toBeUndefined();
  });

  it('finds records by key prefix, in key order, and forgets deleted ones', async () => {
    const store = await open();
    await store.setValue('draft:q2:python', 'b');
    await store.setValue('draft:q1:python', 'a');
    await store.setValue('drawing:question:q1', { version: 1, elements: [], updatedAt: T0 });
    expect((await store.valuesWithPrefix<string>('draft:')).map(({ key, value }) => [key, value])).toEqual([
      ['draft:q1:python', 'a'],
      ['draft:q2:python', 'b'],
    ]);
    await store.deleteValue('draft:q1:python');
    expect(await store.getValue('draft:q1:python')).toBeUndefined();
    expect((await store.valuesWithPrefix('draft:')).map(({ key }) => key)).toEqual(['draft:q2:python']);
  });

  it('tells a missing record from a readable one and from one stored but unreadable', async () => {
    const store = await open();
    expect(await store.readValue('drawing:question:none')).toEqual({ state: 'absent' });
    const drawing = { version: 1, elements: [], updatedAt: T0 };
    await store.setValue('drawing:question:q1', drawing);
    expect(await store.readValue('drawing:question:q1')).toEqual({ state: 'ok', value: drawing });
    await store.setValue('drawing:question:q2', { version: 1, shapes: 'hand-edited' });
    const damaged = await store.readValue('drawing:question:q2');
    expect(damaged.state).toBe('damaged');
    expect(damaged.state === 'damaged' && damaged.reason).toMatch(/elements/);
    // getValue keeps reading both as "nothing" for the callers that need no more.
    expect(await store.getValue('drawing:question:q2')).toBeUndefined();
    // A record written by a newer version is left alone as well, with a reason that says so.
    await store.importBackup(
      { ...createBackup(DEFAULT_SETTINGS, [], [], T0), values: [{ key: 'draft:q3:python', value: 'x', version: 9 }] },
      'merge',
    );
    const newer = await store.readValue('draft:q3:python');
    expect(newer.state === 'damaged' && newer.reason).toMatch(/newer version/);
    // Keys no kind claims pass as they are.
    await store.setValue('unclaimed', 42);
    expect(await store.readValue('unclaimed')).toEqual({ state: 'ok', value: 42 });
  });

  it('replacing with a backup takes its reviews, records and settings, and rebuilds the cards', async () => {
    const store = await open();
    await store.grade(grading('mine', 3, T0), 0.9);
    await store.setValue('draft:mine:python', 'mine');
    const settings = { ...DEFAULT_SETTINGS, newPerDay: 7 };
    const backup = createBackup(
      settings,
      [reviewRecord('theirs', T0 - DAY, 3)],
      [storedEntry('draft:theirs:python', 'theirs')],
      T0,
    );
    expect((await store.importBackup(backup, 'replace')).added).toBe(1);
    expect((await store.allReviews()).map((r) => r.questionId)).toEqual(['theirs']);
    expect([...(await store.loadCards()).keys()]).toEqual(['theirs']);
    expect(await store.getValue('draft:mine:python')).toBeUndefined();
    expect(await store.getValue('draft:theirs:python')).toBe('theirs');
    expect(await store.getSettings()).toEqual(settings);
  });

  it('merging a backup adds what is new and keeps what is here', async () => {
    const store = await open();
    await store.saveSettings({ ...DEFAULT_SETTINGS, newPerDay: 3 });
    await store.grade(grading('mine', 3, T0), 0.9);
    await store.setValue('draft:shared:python', 'mine');
    const backup = createBackup(
      { ...DEFAULT_SETTINGS, newPerDay: 7 },
      [reviewRecord('theirs', T0 - DAY, 3)],
      [storedEntry('draft:shared:python', 'theirs'), storedEntry('draft:theirs:python', 'theirs')],
      T0,
    );
    expect((await store.importBackup(backup, 'merge')).added).toBe(1);
    expect((await store.allReviews()).map((r) => r.questionId).sort()).toEqual(['mine', 'theirs']);
    expect([...(await store.loadCards()).keys()].sort()).toEqual(['mine', 'theirs']);
    expect(await store.getValue('draft:shared:python')).toBe('mine');
    expect(await store.getValue('draft:theirs:python')).toBe('theirs');
    expect((await store.getSettings()).newPerDay).toBe(3);
    // The same file again adds nothing.
    expect((await store.importBackup(backup, 'merge')).added).toBe(0);
  });
  it('an undo made elsewhere travels over on a merge, for gradings made here and ones imported earlier', async () => {
    const store = await open();
    const mine = await store.grade(grading('mine', 3, T0), 0.9);
    const imported = reviewRecord('theirs', T0 - DAY, 3);
    await store.importBackup(createBackup(DEFAULT_SETTINGS, [imported], [], T0), 'merge');
    expect([...(await store.loadCards()).keys()].sort()).toEqual(['mine', 'theirs']);

    // The other device undid both gradings after syncing, and exported again.
    const undone = createBackup(
      DEFAULT_SETTINGS,
      [
        { ...mine.record, undoneAt: T0 + 100 },
        { ...imported, undoneAt: T0 + 100 },
      ],
      [],
      T0 + 200,
    );
    expect((await store.importBackup(undone, 'merge')).added).toBe(2);
    expect((await store.allReviews()).every((r) => r.undoneAt === T0 + 100)).toBe(true);
    expect((await store.loadCards()).size).toBe(0);
    // A backup without the mark never takes it away again.
    await store.importBackup(createBackup(DEFAULT_SETTINGS, [mine.record, imported], [], T0 + 300), 'merge');
    expect((await store.allReviews()).every((r) => r.undoneAt === T0 + 100)).toBe(true);
  });
});

describe('merging a backup into a store that never saved settings', () => {
  const backup = () => createBackup({ ...DEFAULT_SETTINGS, newPerDay: 7 }, [], [], T0);

  it('takes the backup’s settings in IndexedDB', async () => {
    const store = await ProgressRepository.open();
    await store.importBackup(backup(), 'merge');
    expect((await store.getSettings()).newPerDay).toBe(7);
  });

  // Was a known difference: the in-memory fallback ignored the backup's settings on a merge, so a
  // user in private mode who merged a backup kept the defaults.
  it('takes the backup’s settings in memory too', async () => {
    const store = new MemoryProgressRepository();
    await store.importBackup(backup(), 'merge');
    expect((await store.getSettings()).newPerDay).toBe(7);
  });
});

describe.each(stores)('merging backups into the %s store', (_name, open) => {
  it('takes the settings of the first backup only: once settings are here, a later merge keeps them', async () => {
    const store = await open();
    await store.importBackup(createBackup({ ...DEFAULT_SETTINGS, newPerDay: 7 }, [], [], T0), 'merge');
    await store.importBackup(createBackup({ ...DEFAULT_SETTINGS, newPerDay: 9 }, [], [], T0), 'merge');
    expect((await store.getSettings()).newPerDay).toBe(7);
  });

  it('keeps the defaults when the backup carries no readable settings', async () => {
    const store = await open();
    await store.importBackup({ ...createBackup(DEFAULT_SETTINGS, [], [], T0), settings: undefined }, 'merge');
    expect(await store.getSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
