/**
 * Property-based fuzzing of the backup import (fast-check): thousands of malformed or mutated
 * files. None may throw; none that fails to parse may change stored data; every file that
 * parses is a valid backup, imports without error, and leaves a card cache equal to a rebuild.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuestionSummary } from '../../src/bank/types';
import { buildMockReport } from '../../src/mock/mock-report';
import { settle } from '../../src/mock/mock-session';
import type { MockSession } from '../../src/mock/mock-types';
import { topicFigures } from '../../src/progress/topic-mastery';
import { isMockSession } from '../../src/service/progress-service';
import { rebuildCardStates } from '../../src/srs/scheduler';
import { DEFAULT_SETTINGS, type ReviewRecord } from '../../src/srs/types';
import { BACKUP_FORMAT, BACKUP_VERSION, createBackup, parseBackup } from '../../src/storage/backup';
import { MemoryProgressRepository } from '../../src/storage/memory-progress-repository';
import { ProgressRepository } from '../../src/storage/progress-repository';
import { questionSummary } from '../support/question';
import { sampleMock } from '../support/sample-mock';

const T0 = Date.UTC(2026, 2, 1, 9);
const review = (id: string, questionId: string, minutes: number, rating: 1 | 2 | 3 | 4): ReviewRecord => ({
  id,
  questionId,
  time: T0 + minutes * 60_000,
  rating,
  source: 'review',
  durationMs: 3000,
  retention: 0.9,
});
const VALID = createBackup(
  { ...DEFAULT_SETTINGS, newPerDay: 15 },
  [review('a', 'softmax', 0, 3), review('b', 'softmax', 20, 1), review('c', 'roc-auc', 5, 4)],
  [{ key: 'draft:softmax:python', value: 'def softmax(x): ...' }],
  T0,
);
const VALID_TEXT = JSON.stringify(VALID);

type Json = unknown;
/** Every path into a JSON value, e.g. ['reviews', 1, 'rating']. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) out.push(...paths(v, [...prefix, i]));
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}
const ALL_PATHS = paths(VALID).filter((p) => p.length > 0);

const REMOVE = Symbol('remove');

/** A copy of `doc` with the value at `path` replaced (or removed). The path must exist in `doc`. */
function mutate(doc: Json, path: (string | number)[], replacement: Json | typeof REMOVE): Json {
  const copy = structuredClone(doc);
  let parent = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (replacement === REMOVE) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = replacement;
  return copy;
}

const awkwardValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(-1, 0, 1.5, 2 ** 53, -(2 ** 31), 1e308, '', 'review', 'mock', null, [], {}, true),
  fc.string({ maxLength: 300 }),
);

const malformedFile = fc.oneof(
  // Anything at all.
  fc.string({ maxLength: 2000 }),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  // A valid file cut short, as an interrupted download leaves it.
  fc.nat({ max: VALID_TEXT.length - 1 }).map((n) => VALID_TEXT.slice(0, n)),
  // One field replaced with something else, or removed.
  fc
    .tuple(fc.constantFrom(...ALL_PATHS), fc.oneof(awkwardValue, fc.constant(REMOVE)))
    .map(([path, value]) => JSON.stringify(mutate(VALID, path, value))),
  // A few fields replaced at once.
  fc.array(fc.tuple(fc.constantFrom(...ALL_PATHS), awkwardValue), { minLength: 2, maxLength: 5 }).map((changes) => {
    let doc: Json = VALID;
    for (const [path, value] of changes) {
      try {
        doc = mutate(doc, path, value);
      } catch {
        // An earlier change removed this path's parent: skip this one.
      }
    }
    return JSON.stringify(doc);
  }),
  // A random byte flipped in the text.
  fc
    .tuple(fc.nat({ max: VALID_TEXT.length - 1 }), fc.integer({ min: 32, max: 126 }))
    .map(([i, c]) => VALID_TEXT.slice(0, i) + String.fromCharCode(c) + VALID_TEXT.slice(i + 1)),
);

async function snapshot(repo: ProgressRepository) {
  return {
    reviews: (await repo.allReviews()).sort((a, b) => a.id.localeCompare(b.id)),
    values: await repo.allValues(),
    settings: await repo.getSettings(),
    cards: await repo.loadCards(),
  };
}

describe('backup import under fuzzing', () => {
  it('never throws, never changes stored data for a rejected file, and imports only valid files', async () => {
    globalThis.indexedDB = new IDBFactory();
    const repo = await ProgressRepository.open();
    await repo.grade(
      {
        questionId: 'lru-cache',
        rating: 3,
        source: 'review',
        durationMs: 1000,
        now: T0,
        expectedLastReviewId: undefined,
      },
      0.9,
    );
    await repo.setValue('draft:lru-cache:python', 'class LRU: ...');
    const before = await snapshot(repo);
    let accepted = 0;

    await fc.assert(
      fc.asyncProperty(malformedFile, async (text) => {
        const parsed = parseBackup(text);
        if (!parsed.ok) {
          expect(parsed.message.length).toBeGreaterThan(10);
          expect(await snapshot(repo)).toEqual(before);
          return;
        }
        // Whatever parsed is a well-formed backup; importing it into a scratch profile works.
        accepted++;
        expect(parsed.backup.format).toBe(BACKUP_FORMAT);
        expect(parsed.backup.version).toBe(BACKUP_VERSION);
        const saved = globalThis.indexedDB;
        globalThis.indexedDB = new IDBFactory();
        try {
          const scratch = await ProgressRepository.open();
          await scratch.importBackup(parsed.backup, 'merge');
          expect(await scratch.loadCards()).toEqual(rebuildCardStates(await scratch.allReviews()));
          scratch.close();
        } finally {
          globalThis.indexedDB = saved;
        }
      }),
      { numRuns: 1200, seed: 20261122 },
    );
    // The generators also produce harmless edits (a changed draft text, an equal value), which must import.
    expect(accepted).toBeGreaterThan(0);
  }, 120_000);
});

describe('mock records from an imported backup', () => {
  const mock = sampleMock(T0);
  const mockPaths = paths(mock).filter((p) => p.length > 0);

  it('accepts a well-formed mock', () => {
    expect(isMockSession(mock)).toBe(true);
  });

  it('a mutated record is either rejected or safe for the report, the clock and the dashboard', () => {
    const questions: QuestionSummary[] = [
      questionSummary('mt-precision', 'metrics', { difficulty: 'easy', promptText: '' }),
      questionSummary('roc-auc', 'metrics', { kind: 'coding', time: 900, promptText: '' }),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...mockPaths), fc.oneof(awkwardValue, fc.constant(REMOVE)), (path, value) => {
        const copy = mutate(mock, path, value);
        if (!isMockSession(copy)) return;
        const session = copy as unknown as MockSession;
        buildMockReport(session);
        settle(session, T0 + 3_600_000);
        topicFigures({
          questions,
          cards: new Map(),
          reviews: [],
          mocks: [session],
          now: T0 + 3_600_000,
        });
      }),
      { numRuns: 1000, seed: 7 },
    );
  });
});

describe('big backups with a few damaged reviews', () => {
  const reviewAt = (i: number): ReviewRecord => ({
    id: `r${i}`,
    questionId: `q${i % 600}`,
    time: T0 + i * 60_000,
    rating: ((i % 4) + 1) as ReviewRecord['rating'],
    source: 'review',
    durationMs: 1000,
    retention: 0.9,
  });
  const damage = fc.constantFrom<[string, unknown]>(
    ['rating', 0],
    ['rating', '3'],
    ['time', -1],
    ['id', ''],
    ['retention', 2],
    ['source', 'guess'],
    ['questionId', null],
  );

  // 20,000 through fake-indexeddb; 200,000 through the in-memory repository (same merge rules),
  // to keep the suite fast: the bench (scripts/bench-import.ts) times the real thing in Chromium.
  it.each([
    [20_000, 2, 'indexeddb'],
    [200_000, 1, 'memory'],
  ])(
    '%i reviews: the damaged ones are counted and skipped, all others merge (%i runs, %s)',
    async (size, numRuns, store) => {
      const reviews = Array.from({ length: size }, (_, i) => reviewAt(i));
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(fc.nat({ max: size - 1 }), { minLength: 1, maxLength: 20 }),
          damage,
          async (indexes, [field, value]) => {
            const file = createBackup(DEFAULT_SETTINGS, reviews, [], T0) as unknown as { reviews: object[] };
            file.reviews = file.reviews.slice();
            for (const i of indexes) file.reviews[i] = { ...file.reviews[i], [field]: value };
            const parsed = parseBackup(JSON.stringify(file));
            if (!parsed.ok) throw new Error(parsed.message);
            const n = indexes.length;
            expect(parsed.problems).toEqual([
              `${n} review${n === 1 ? '' : 's'} could not be read and ${n === 1 ? 'was' : 'were'} skipped.`,
            ]);
            globalThis.indexedDB = new IDBFactory();
            const repo = store === 'memory' ? new MemoryProgressRepository() : await ProgressRepository.open();
            const { added } = await repo.importBackup(parsed.backup, 'merge');
            expect(added).toBe(size - n);
            expect(await repo.loadCards()).toEqual(rebuildCardStates(await repo.allReviews()));
            repo.close();
          },
        ),
        { numRuns, seed: 42 },
      );
    },
    120_000,
  );
});
