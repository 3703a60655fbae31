/**
 * Types inferred from zod schemas (one source of truth): valid records round-trip through their
 * schema unchanged, values outside the shared lists are refused, and the inferred types keep the
 * shapes the app relies on (checked by tsc, which type-checks tests).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { drillTestSchema, frontMatterSchema, topicSchema } from '../../src/bank/schema';
import {
  CODE_LANGUAGES,
  type CodeLanguage,
  DIFFICULTIES,
  type Difficulty,
  type DrillTest,
  KINDS,
  type Kind,
  type QuestionSummary,
  type Topic,
} from '../../src/bank/types';
import type * as MockTypes from '../../src/mock/mock-types';
import {
  DEFAULT_SETTINGS,
  RATING_NAMES,
  RATINGS,
  type Rating,
  REVIEW_SOURCES,
  type ReviewRecord,
  type ReviewSource,
  type Settings,
} from '../../src/srs/types';
import {
  type Assessment,
  type MockConfig,
  type MockItem,
  type MockSession,
  mockSessionSchema,
} from '../../src/storage/mock-record-schema';
import { mockRecord, reviewRecord, settingsRecord } from '../../src/storage/record-kinds';
import { sampleMock } from '../support/sample-mock';

describe('the shared lists', () => {
  it('are defined once, in the order the app shows them', () => {
    expect(KINDS).toEqual(['concept', 'design', 'coding']);
    expect(DIFFICULTIES).toEqual(['easy', 'medium', 'hard']);
    expect(CODE_LANGUAGES).toEqual(['python', 'typescript', 'sql']);
    expect(RATINGS.map((r) => RATING_NAMES[r])).toEqual(['Again', 'Hard', 'Good', 'Easy']);
    expect(REVIEW_SOURCES).toEqual(['review', 'mock', 'drill']);
  });

  it('give the types their members', () => {
    expectTypeOf<Kind>().toEqualTypeOf<'concept' | 'design' | 'coding'>();
    expectTypeOf<Difficulty>().toEqualTypeOf<'easy' | 'medium' | 'hard'>();
    expectTypeOf<CodeLanguage>().toEqualTypeOf<'python' | 'typescript' | 'sql'>();
    expectTypeOf<Rating>().toEqualTypeOf<1 | 2 | 3 | 4>();
  });
});

describe('a stored mock', () => {
  const mock = sampleMock(Date.UTC(2026, 5, 15, 12));

  it('round-trips through its schema and through JSON unchanged', () => {
    expect(mockSessionSchema.parse(mock)).toEqual(mock);
    const stored = JSON.parse(JSON.stringify(mock));
    expect(mockSessionSchema.parse(stored)).toEqual(mock);
    expect(mockRecord.read(stored, 1)).toEqual({ ok: true, value: mock, fromVersion: 1 });
  });

  it('keeps a design round and every optional field', () => {
    const designed: MockSession = {
      ...mock,
      pausedAt: mock.createdAt + 1000,
      config: { ...mock.config, totalSeconds: 1800, mode: 'practice' },
      items: [
        {
          ...mock.items[0],
          kind: 'design',
          lockedAt: mock.createdAt + 5000,
          design: { marks: [1000, 2000], drawnElements: 3, endedAtMs: 3000 },
        },
      ],
      current: 0,
    };
    expect(mockSessionSchema.parse(JSON.parse(JSON.stringify(designed)))).toEqual(designed);
  });

  it('refuses a kind, difficulty, language or rating outside the shared lists', () => {
    const item = mock.items[1];
    const withItem = (over: object) => ({ ...mock, items: [mock.items[0], { ...item, ...over }] });
    expect(mockSessionSchema.safeParse(withItem({ kind: 'quiz' })).success).toBe(false);
    expect(mockSessionSchema.safeParse(withItem({ difficulty: 'brutal' })).success).toBe(false);
    expect(mockSessionSchema.safeParse(withItem({ code: { language: 'rust', sources: {} } })).success).toBe(false);
    expect(mockSessionSchema.safeParse(withItem({ assessment: { ...item.assessment, rating: 5 } })).success).toBe(
      false,
    );
  });

  it('has the types the mock room uses, inferred from the schema and re-exported unchanged', () => {
    expectTypeOf<MockTypes.MockSession>().toEqualTypeOf<MockSession>();
    expectTypeOf<MockItem['kind']>().toEqualTypeOf<Kind>();
    expectTypeOf<MockItem['difficulty']>().toEqualTypeOf<Difficulty>();
    expectTypeOf<NonNullable<MockItem['code']>['language']>().toEqualTypeOf<CodeLanguage>();
    expectTypeOf<Assessment['rating']>().toEqualTypeOf<Rating | undefined>();
    expectTypeOf<MockConfig['difficultyMix']>().toEqualTypeOf<{ easy: number; medium: number; hard: number }>();
    expectTypeOf<MockConfig['kinds']>().toEqualTypeOf<Kind[]>();
  });
});

describe('a review record', () => {
  it('round-trips through its schema, and refuses a rating or source outside the lists', () => {
    const record: ReviewRecord = {
      id: 'r1',
      questionId: 'softmax',
      time: 1_750_000_000_000,
      rating: 3,
      source: 'drill',
      durationMs: 5000,
      retention: 0.9,
    };
    expect(reviewRecord.read(JSON.parse(JSON.stringify(record)), 1)).toEqual({
      ok: true,
      value: record,
      fromVersion: 1,
    });
    expect(reviewRecord.read({ ...record, rating: 0 }, 1).ok).toBe(false);
    expect(reviewRecord.read({ ...record, source: 'import' }, 1).ok).toBe(false);
    expectTypeOf<ReviewRecord['rating']>().toEqualTypeOf<Rating>();
    expectTypeOf<ReviewRecord['source']>().toEqualTypeOf<ReviewSource>();
    expectTypeOf<ReviewRecord['undoneAt']>().toEqualTypeOf<number | undefined>();
  });
});

describe('the settings', () => {
  it('round-trip through their schema, defaults included', () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, topics: ['metrics'] };
    expect(settingsRecord.read(JSON.parse(JSON.stringify(settings)), 1)).toEqual({
      ok: true,
      value: settings,
      fromVersion: 1,
    });
    expect(settingsRecord.read({ ...settings, desiredRetention: 0.99 }, 1).ok).toBe(false);
    expectTypeOf<Settings>().toEqualTypeOf<{
      desiredRetention: number;
      newPerDay: number;
      maxReviewsPerDay: number;
      dayStartHour: number;
      topics: string[];
    }>();
  });
});

describe('the bank types', () => {
  it('are what the front-matter schema reads', () => {
    const topic = { id: 'metrics', title: 'Metrics', description: 'Precision, recall and friends.', core: true };
    const parsedTopic: Topic = topicSchema.parse(topic);
    expect(parsedTopic).toEqual(topic);

    // Defaults are filled in: a test is visible with the default tolerance unless it says otherwise.
    const test: DrillTest = drillTestSchema.parse({ args: [[1, 2]], expected: 3 });
    expect(test).toEqual({ args: [[1, 2]], expected: 3, hidden: false, tol: 1e-6 });

    const { drill: _none, ...summary } = frontMatterSchema.parse({
      id: 'bias-variance-basics',
      title: 'Bias and variance',
      topic: 'bias-variance',
      kind: 'concept',
      difficulty: 'easy',
      time: 120,
    });
    const asSummary: QuestionSummary = summary;
    expect(asSummary).toEqual({
      id: 'bias-variance-basics',
      title: 'Bias and variance',
      topic: 'bias-variance',
      kind: 'concept',
      difficulty: 'easy',
      time: 120,
      tags: [],
    });
    expect(frontMatterSchema.safeParse({ ...summary, kind: 'quiz' }).success).toBe(false);
  });

  it('infer their fields from the schema', () => {
    expectTypeOf<Topic>().toEqualTypeOf<z.output<typeof topicSchema>>();
    expectTypeOf<QuestionSummary['kind']>().toEqualTypeOf<Kind>();
    expectTypeOf<QuestionSummary['tags']>().toEqualTypeOf<string[]>();
    // `expected` is anything but undefined: the schema's refine says so, and the type follows it.
    expectTypeOf<DrillTest>().toEqualTypeOf<{
      args: unknown[];
      expected: NonNullable<unknown> | null;
      hidden: boolean;
      tol: number;
      note?: string | undefined;
    }>();
  });
});
