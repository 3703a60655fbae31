/**
 * Mocks live in the progress store's key-value records (`mock:<id>`), so they travel in the
 * backup file with everything else. `mock-active` points at the mock in progress, if any.
 */
import * as z from 'zod/mini';
import { progressRepository } from '../storage/progress-connection';
import type { MockSession } from './mock-types';

const PREFIX = 'mock:';
const ACTIVE_KEY = 'mock-active';

const count = z.number().check(z.nonnegative());
const time = z.number().check(z.nonnegative());
const mockItemSchema = z.object({
  questionId: z.string(),
  topic: z.string(),
  kind: z.enum(['concept', 'design', 'coding']),
  difficulty: z.enum(['easy', 'medium', 'hard']),
  budgetSeconds: count,
  answer: z.string(),
  code: z.optional(
    z.object({
      language: z.enum(['python', 'typescript', 'sql']),
      sources: z.record(z.enum(['python', 'typescript', 'sql']), z.optional(z.string())),
    }),
  ),
  drill: z.optional(z.object({ passed: count, total: count, allPassed: z.boolean() })),
  flagged: z.boolean(),
  visits: z.array(z.object({ start: time, end: z.optional(time) })),
  lockedAt: z.optional(time),
  assessment: z.object({
    covered: z.array(z.boolean()),
    confidence: z.optional(z.enum(['low', 'medium', 'high'])),
    rating: z.optional(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])),
    reviewId: z.optional(z.string()),
  }),
});
const mockSessionSchema = z.object({
  id: z.string().check(z.minLength(1)),
  config: z.object({
    title: z.string(),
    topics: z.array(z.string()),
    count,
    kinds: z.array(z.enum(['concept', 'design', 'coding'])),
    difficultyMix: z.object({ easy: count, medium: count, hard: count }),
    questionTiming: z.enum(['own', 'custom', 'none']),
    perQuestionSeconds: z.number(),
    totalSeconds: z.optional(count),
    mode: z.enum(['strict', 'practice']),
  }),
  seed: z.number(),
  createdAt: time,
  status: z.enum(['running', 'assessing', 'done']),
  current: z.number().check(z.int(), z.nonnegative()),
  items: z.array(mockItemSchema).check(z.minLength(1)),
  pausedAt: z.optional(time),
  endedAt: z.optional(time),
  endReason: z.optional(z.enum(['finished', 'time-up', 'ended-early'])),
  score: z.optional(z.number()),
});

/**
 * Mocks can arrive from an imported backup, so a stored record is checked in full before any
 * screen uses it: a damaged one is skipped, never allowed to crash the report or the dashboard.
 */
export function isMockSession(value: unknown): value is MockSession {
  const parsed = mockSessionSchema.safeParse(value);
  return parsed.success && parsed.data.current < parsed.data.items.length;
}

export async function loadMock(id: string): Promise<MockSession | undefined> {
  const value = await (await progressRepository()).getValue(PREFIX + id);
  return isMockSession(value) ? value : undefined;
}

export async function saveMock(session: MockSession): Promise<void> {
  const repo = await progressRepository();
  await repo.setValue(PREFIX + session.id, session);
  if (session.status === 'done') {
    if ((await repo.getValue(ACTIVE_KEY)) === session.id) await repo.deleteValue(ACTIVE_KEY);
  } else {
    await repo.setValue(ACTIVE_KEY, session.id);
  }
}

/** Every stored mock, newest first (records that are not mocks, e.g. from a damaged import, are skipped). */
export async function listMocks(): Promise<MockSession[]> {
  const records = await (await progressRepository()).valuesWithPrefix<unknown>(PREFIX);
  return records
    .map((r) => r.value)
    .filter(isMockSession)
    .sort((a, b) => b.createdAt - a.createdAt);
}

export async function activeMock(): Promise<MockSession | undefined> {
  const id = await (await progressRepository()).getValue<string>(ACTIVE_KEY);
  if (typeof id !== 'string') return undefined;
  const session = await loadMock(id);
  return session && session.status !== 'done' ? session : undefined;
}

/**
 * Writes the newest state of a mock, one write at a time: while a write is in flight only the
 * latest state waits, so typing fast never queues a backlog and the last keystroke always lands.
 */
export class LatestWriter<T> {
  private pending: T | undefined;
  private writing = false;

  constructor(
    private readonly write: (value: T) => Promise<void>,
    private readonly onResult: (error: Error | undefined) => void,
  ) {}

  push(value: T): void {
    this.pending = value;
    if (!this.writing) void this.drain();
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.pending !== undefined) {
      const value = this.pending;
      this.pending = undefined;
      try {
        await this.write(value);
        this.onResult(undefined);
      } catch (error) {
        this.onResult(error as Error);
      }
    }
    this.writing = false;
  }
}
