/**
 * Backups written by every earlier version keep importing (fixtures in tests/fixtures/backups,
 * one per format shape that ever shipped), and a damaged record inside a good file is reported
 * and skipped while the rest imports.
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { rebuildCardStates } from '../../src/srs/scheduler';
import { DEFAULT_SETTINGS } from '../../src/srs/types';
import { BACKUP_VERSION, createBackup, parseBackup } from '../../src/storage/backup';
import { MemoryProgressRepository } from '../../src/storage/memory-progress-repository';
import { ProgressRepository } from '../../src/storage/progress-repository';
import { KV_RECORD_KINDS, type RecordKind } from '../../src/storage/record-kinds';
import { versionedRecord } from '../../src/storage/versioned-record';

const FIXTURES = join(import.meta.dirname, '../fixtures/backups');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

async function importInto(name: string) {
  const parsed = parseBackup(fixture(name));
  if (!parsed.ok) throw new Error(parsed.message);
  const repo = await ProgressRepository.open();
  await repo.importBackup(parsed.backup, 'merge');
  return { repo, parsed };
}

describe('backups from every earlier version', () => {
  it('has a fixture for every format version', () => {
    const versions = new Set(
      readdirSync(FIXTURES).map((name) => (JSON.parse(fixture(name)) as { version: number }).version),
    );
    expect([...versions].sort()).toEqual(Array.from({ length: BACKUP_VERSION }, (_, i) => i + 1));
  });

  it.each(readdirSync(FIXTURES).filter((name) => !name.includes('damaged')))(
    '%s imports with nothing skipped and a card cache equal to a rebuild',
    async (name) => {
      const { repo, parsed } = await importInto(name);
      expect(parsed.problems).toEqual([]);
      const raw = JSON.parse(fixture(name)) as { reviews: unknown[] };
      expect(await repo.allReviews()).toHaveLength(raw.reviews.length);
      expect(await repo.loadCards()).toEqual(rebuildCardStates(await repo.allReviews()));
    },
  );

  it('format 1 from November 2026 (reviews only) keeps its undo marks and settings', async () => {
    const { repo } = await importInto('v1-2026-11-review-log.json');
    expect((await repo.allReviews()).find((r) => r.id === 'a3')?.undoneAt).toBeDefined();
    expect((await repo.getSettings()).newPerDay).toBe(7);
  });

  it('format 1 with records: mocks, drafts, the study plan and the date read through their kinds; the old cache marker is dropped', async () => {
    const { repo } = await importInto('v1-2026-12-with-records.json');
    expect((await repo.valuesWithPrefix('mock:')).map((m) => m.key)).toEqual(['mock:sample-mock']);
    expect(await repo.getValue('draft:roc-auc:typescript')).toBe('export function rocAuc() {}');
    expect(await repo.getValue('onboarding')).toMatchObject({ skipped: false, choices: { minutesPerDay: 45 } });
    expect(await repo.getValue('interview-date')).toBe('2027-01-20');
    expect(await repo.getValue('mock-active')).toBe('sample-mock');
    expect(await repo.getValue('cards-stale')).toBeUndefined();
    expect((await repo.getSettings()).topics).toEqual(['metrics', 'transformers']);
  });

  it('the rescue export (format 1 with an extra field) imports', async () => {
    const { repo } = await importInto('v1-rescue-export.json');
    expect(await repo.getValue('onboarding')).toEqual({ version: 1, skipped: true, at: expect.any(Number) });
  });

  it('format 2 keeps record versions and a mock with an SQL answer', async () => {
    const { repo } = await importInto('v2-2026-12-versioned.json');
    const [mock] = await repo.valuesWithPrefix<{ items: { code?: { language: string } }[] }>('mock:');
    expect(mock?.value.items[1]?.code?.language).toBe('sql');
    expect((await repo.allValues()).every((entry) => entry.version === 1)).toBe(true);
  });
});

describe('damaged records inside a good backup', () => {
  it('says what was skipped, kind by kind, and imports the rest', async () => {
    const { repo, parsed } = await importInto('v1-damaged-records.json');
    expect(parsed.problems).toEqual([
      'The settings could not be read and were skipped.',
      '1 review could not be read and was skipped.',
      '1 review appeared twice; the extra copy was skipped.',
      '1 mock could not be read and was skipped.',
      '1 draft could not be read and was skipped.',
      '1 study plan could not be read and was skipped.',
      '1 interview date could not be read and was skipped.',
      '1 saved item could not be read and was skipped.',
    ]);
    expect((await repo.allReviews()).map((r) => r.id)).toEqual(['e1']);
    expect((await repo.valuesWithPrefix('mock:')).map((m) => m.key)).toEqual(['mock:good']);
    expect(await repo.getValue('mock:broken')).toBeUndefined();
    expect(await repo.getValue('draft:softmax:sql')).toBe('select 1;');
    // A key this version does not know travels on untouched (a newer version may know it).
    expect(await repo.getValue('future-thing')).toEqual({ shape: 'unknown to this version' });
    // Unreadable settings are skipped: a merge keeps this browser's (here the defaults).
    expect(await repo.getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('a record from a newer version is reported as such and skipped', () => {
    const file = JSON.parse(fixture('v2-2026-12-versioned.json'));
    file.values[0].version = 9;
    const parsed = parseBackup(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.problems).toEqual(['1 draft was written by a newer version of Drillbook and was skipped.']);
  });

  it('reports counts in the plural', () => {
    const file = JSON.parse(fixture('v2-2026-12-versioned.json'));
    for (const review of file.reviews) review.rating = 0;
    const parsed = parseBackup(JSON.stringify(file));
    expect(parsed.ok && parsed.problems).toEqual(['2 reviews could not be read and were skipped.']);
  });
});

describe('records kept out of the backup', () => {
  // A kind like the audio recordings: a Blob cannot be written as JSON.
  const recording: RecordKind = {
    name: 'recording',
    noun: ['recording', 'recordings'],
    key: { prefix: 'recording:' },
    record: versionedRecord({
      version: 1,
      schema: z.object({ audio: z.instanceof(Blob), durationMs: z.number() }),
    }) as RecordKind['record'],
    inBackup: false,
  };
  const kinds = [...KV_RECORD_KINDS, recording];

  it('export leaves out kinds marked inBackup: false and this browser’s cache marker', async () => {
    const repo = new MemoryProgressRepository();
    await repo.setValue('draft:a:python', 'x');
    await repo.setValue('cards-stale', true);
    const values = [
      ...(await repo.allValues()),
      { key: 'recording:q1', value: { audio: new Blob(['abc']), durationMs: 3 }, version: 1 },
    ];
    const backup = createBackup(DEFAULT_SETTINGS, [], values, 0, kinds);
    expect(backup.values.map((v) => v.key)).toEqual(['draft:a:python']);
  });

  it('the app’s own list keeps audio recordings out of the backup and drawings in', async () => {
    const repo = new MemoryProgressRepository();
    const drawing = { version: 1, elements: [{ id: 'a', type: 'rectangle', x: 1 }], updatedAt: 5 };
    await repo.setValue('drawing:question:softmax', drawing);
    const values = [
      ...(await repo.allValues()),
      {
        key: 'recording:question:softmax',
        value: { version: 1, audio: new Blob(['x']), mimeType: 'audio/webm', durationMs: 9, createdAt: 5 },
        version: 1,
      },
    ];
    const backup = createBackup(DEFAULT_SETTINGS, [], values, 0);
    expect(backup.values).toEqual([{ key: 'drawing:question:softmax', value: drawing, version: 1 }]);
    // Excalidraw's own element fields survive the round trip through the drawing kind.
    const parsed = parseBackup(JSON.stringify(backup));
    expect(parsed.ok && parsed.backup.values[0]?.value).toEqual(drawing);
  });

  it('import ignores such records if a file carries them anyway', () => {
    const file = JSON.parse(fixture('v2-2026-12-versioned.json'));
    file.values.push({ key: 'recording:q1', value: { audio: {}, durationMs: 3 }, version: 1 });
    const parsed = parseBackup(JSON.stringify(file), undefined, kinds);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.problems).toEqual([]);
    expect(parsed.backup.values.some((v) => v.key.startsWith('recording:'))).toBe(false);
  });
});
