/** Versioned records: every earlier version reads, migrated; newer or damaged ones are reported, never thrown. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { DEFAULT_SETTINGS } from '../../src/srs/types';
import { DB_NAME, DB_VERSION, type DrillbookSchema, MIGRATIONS } from '../../src/storage/db';
import { ProgressRepository } from '../../src/storage/progress-repository';
import { KV_RECORD_KINDS, kindOfKey, readEntry, storedEntry } from '../../src/storage/record-kinds';
import { versionedRecord } from '../../src/storage/versioned-record';
import { sampleMock } from '../support/sample-mock';

const T0 = Date.UTC(2026, 0, 5, 10);

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

// A kind that changed shape twice: v1 a bare string, v2 { text }, v3 { text, language }.
const note = versionedRecord({
  version: 3,
  schema: z.object({ text: z.string(), language: z.enum(['python', 'sql']) }),
  migrations: {
    2: (v1) => ({ text: v1 }),
    3: (v2) => ({ ...(v2 as object), language: 'python' }),
  },
});

describe('versionedRecord', () => {
  it.each([
    ['unversioned (stored before versions existed)', 'print(1)', undefined],
    ['version 1', 'print(1)', 1],
    ['version 2', { text: 'print(1)' }, 2],
    ['version 3', { text: 'print(1)', language: 'python' }, 3],
  ])('reads a %s value as the current shape', (_, value, version) => {
    expect(note.read(value, version)).toEqual({
      ok: true,
      value: { text: 'print(1)', language: 'python' },
      fromVersion: version ?? 1,
    });
  });

  it('reports a value from a newer version instead of guessing', () => {
    const read = note.read({ text: 'x', language: 'python', extra: 1 }, 4);
    expect(read).toMatchObject({ ok: false, reason: 'newer' });
    if (!read.ok) expect(read.message).toMatch(/newer version of Drillbook/);
  });

  it.each([
    ['a wrong shape after migration', { text: 5 }, 2],
    ['a migration that throws', null, 2],
    ['a version that is not a number', 'x', 0.5],
  ])('reports %s as damaged', (_, value, version) => {
    expect(note.read(value, version)).toMatchObject({ ok: false, reason: 'damaged' });
  });

  it('refuses a definition with a missing migration', () => {
    expect(() => versionedRecord({ version: 2, schema: z.string() })).toThrow(/migration to version 2/);
  });
});

describe('the stored record kinds', () => {
  // Today's shapes, as the app wrote them before records carried versions: each must read as version 1.
  const legacy: [string, unknown][] = [
    ['mock:sample-mock', sampleMock(T0)],
    ['mock-active', 'sample-mock'],
    ['draft:softmax:python', 'def softmax(x): ...'],
    ['onboarding', { version: 1, skipped: true, at: T0 }],
    [
      'onboarding',
      {
        version: 1,
        skipped: false,
        at: T0,
        choices: { minutesPerDay: 30, role: 'ml-engineer' },
        reasons: ['No date yet.'],
      },
    ],
    ['interview-date', '2027-01-20'],
    ['cards-stale', true],
  ];

  it.each(legacy)('%s: an unversioned record reads as version 1', (key, value) => {
    expect(readEntry({ key, value })).toEqual({ ok: true, value, fromVersion: 1 });
  });

  it('every kind has a version, a noun and a key, and each stored key belongs to one kind', () => {
    for (const kind of KV_RECORD_KINDS) expect(kind.record.version).toBeGreaterThanOrEqual(1);
    for (const [key] of legacy) expect(KV_RECORD_KINDS.filter((k) => k === kindOfKey(key))).toHaveLength(1);
  });

  it('writing stamps the current version; keys no kind claims pass through unchanged', () => {
    expect(storedEntry('draft:a:python', 'x')).toEqual({ key: 'draft:a:python', value: 'x', version: 1 });
    expect(storedEntry('something-new', 1)).toEqual({ key: 'something-new', value: 1 });
    expect(readEntry({ key: 'something-new', value: 1 })).toMatchObject({ ok: true, value: 1 });
  });

  it('records a user stored before versions existed keep loading from the database, damaged ones are skipped', async () => {
    // A database as today's app leaves it: kv entries and settings without a version.
    const old = await openDB<DrillbookSchema>(DB_NAME, DB_VERSION, {
      upgrade(db, _old, _new, tx) {
        for (let v = 1; v <= DB_VERSION; v++) MIGRATIONS[v](db, tx);
      },
    });
    await old.put('kv', { key: 'mock:sample-mock', value: sampleMock(T0) });
    await old.put('kv', { key: 'mock:broken', value: { ...sampleMock(T0), items: [] } });
    await old.put('kv', { key: 'draft:softmax:python', value: 'def softmax(x): ...' });
    await old.put('kv', { key: 'draft:softmax:sql', value: 42 });
    await old.put('settings', { key: 'settings', value: { ...DEFAULT_SETTINGS, newPerDay: 9 } });
    old.close();

    const repo = await ProgressRepository.open();
    const mocks = await repo.valuesWithPrefix('mock:');
    expect(mocks.map(({ key, readable }) => [key, readable])).toEqual([
      ['mock:broken', false],
      ['mock:sample-mock', true],
    ]);
    expect(await repo.getValue('draft:softmax:python')).toBe('def softmax(x): ...');
    expect(await repo.getValue('draft:softmax:sql')).toBeUndefined();
    expect((await repo.getSettings()).newPerDay).toBe(9);

    await repo.setValue('draft:softmax:python', 'v2');
    expect(await repo.db.get('kv', 'draft:softmax:python')).toEqual({
      key: 'draft:softmax:python',
      value: 'v2',
      version: 1,
    });
  });

  it('settings that cannot be read fall back to the defaults instead of breaking the app', async () => {
    const repo = await ProgressRepository.open();
    await repo.db.put('settings', { key: 'settings', value: { ...DEFAULT_SETTINGS, dayStartHour: 99 } });
    expect(await repo.getSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
